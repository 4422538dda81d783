package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.control.ScanResult;
import org.theano4j.e2e.parity.ScanReference;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.NDArray;

/**
 * Every scan feature against Theano 1.0.5 (scan/theano-1.0.5.txt from
 * tests/scripts/scan_reference.py, same inputs): taps on sequences and outputs, go_backwards,
 * truncate_gradient, shared non-sequences, symbolic n_steps, until, shared variables and random
 * streams updated in the loop, undefined gradients, maps and nested loops; outputs and
 * gradients, compiled in FAST_RUN on the CPU backend, on the reference backend and in FAST_COMPILE.
 */
class ScanParityTest {
    private static final double TOL = 1e-10;

    /** How the functions of a case are compiled. */
    enum Setup {
        FAST_RUN(Theano.options()),
        REFERENCE_BACKEND(Theano.options().device("reference")),
        FAST_COMPILE(Theano.options().mode("FAST_COMPILE"));

        final FunctionOptions options;

        Setup(FunctionOptions options) {
            this.options = options;
        }
    }

    /** Symbolic inputs named and typed like the case's {@code in.*} arrays. */
    static Map<String, Variable> inputs(String scanCase, String... names) {
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (String n : names) {
            NDArray v = ScanReference.input(scanCase, n);
            vars.put(n, T.tensor(v.dtype(), new boolean[v.ndim()], n));
        }
        return vars;
    }

    static Object[] values(String scanCase, Map<String, Variable> vars) {
        return vars.keySet().stream().map(n -> ScanReference.input(scanCase, n)).toArray();
    }

    /** {@code 1, 1.25, 1.5, ...}: the weights the reference script projects outputs on. */
    static Variable weights(Variable rows) {
        return T.add(T.mul(T.cast(T.arange(T.shape(rows).get(0)), org.theano4j.tensor.DType.FLOAT64), 0.25), 1);
    }

    /** Compiles outputs, cost and the gradient of cost with respect to every input, and checks them all. */
    static void checkWithGrads(Setup setup, String scanCase, Map<String, Variable> vars, List<Variable> outs, Variable cost) {
        List<Variable> all = new ArrayList<>(outs);
        all.add(cost);
        List<Variable> wrt = List.copyOf(vars.values());
        all.addAll(T.grad(cost, wrt));
        List<NDArray> got = Theano.function(wrt, all, setup.options).callAll(values(scanCase, vars));
        for (int i = 0; i < outs.size(); i++) {
            ScanReference.assertMatches(scanCase, "out" + i, got.get(i), TOL);
        }
        ScanReference.assertMatches(scanCase, "cost", got.get(outs.size()), TOL);
        int i = outs.size() + 1;
        for (String n : vars.keySet()) {
            ScanReference.assertMatches(scanCase, "grad." + n, got.get(i++), TOL);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void sequenceTapsGoingBackwards(Setup setup) {
        String c = "feature_sequence_taps_backwards";
        Map<String, Variable> v = inputs(c, "s", "h0", "w");
        Variable h = Scan.builder(a -> List.of(T.tanh(a.get(0).mul(a.get(4)).add(a.get(1)).sub(a.get(2).mul(0.5)).add(a.get(3).mul(0.3)))))
                .sequences(Scan.Sequence.of(v.get("s")).taps(-1, 0, 2)).outputsInfo(v.get("h0")).nonSequences(v.get("w"))
                .goBackwards(true).build().output();
        checkWithGrads(setup, c, v, List.of(h), T.sum(h.mul(weights(h))));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void outputTaps(Setup setup) {
        String c = "feature_output_taps";
        Map<String, Variable> v = inputs(c, "u", "x0", "w");
        Variable h = Scan.builder(a -> List.of(T.tanh(a.get(1).mul(a.get(3)).add(a.get(2).mul(0.5)).add(a.get(0)))))
                .sequences(v.get("u")).outputsInfo(Map.of("initial", v.get("x0"), "taps", List.of(-2, -1))).nonSequences(v.get("w"))
                .build().output();
        checkWithGrads(setup, c, v, List.of(h), T.sum(h.mul(weights(h))));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void truncatedGradients(Setup setup) {
        String c = "feature_truncate_gradient";
        Map<String, Variable> v = inputs(c, "u", "h0", "w", "x0");
        for (int tr : new int[] {1, 2, 4, 6, 10}) {
            Variable sit = Scan.builder(a -> List.of(T.tanh(a.get(1).mul(a.get(2)).add(a.get(0))))).sequences(v.get("u"))
                    .outputsInfo(v.get("h0")).nonSequences(v.get("w")).truncateGradient(tr).build().output();
            Variable mit = Scan.builder(a -> List.of(T.tanh(a.get(1).mul(a.get(3)).add(a.get(2).mul(0.5)).add(a.get(0)))))
                    .sequences(v.get("u")).outputsInfo(Scan.Output.of(v.get("x0")).taps(-2, -1)).nonSequences(v.get("w"))
                    .truncateGradient(tr).build().output();
            List<Variable> sitWrt = List.of(v.get("u"), v.get("h0"), v.get("w"));
            List<Variable> mitWrt = List.of(v.get("u"), v.get("x0"), v.get("w"));
            List<Variable> grads = new ArrayList<>(T.grad(T.sum(sit.mul(weights(sit))), sitWrt));
            grads.addAll(T.grad(T.sum(mit.mul(weights(mit))), mitWrt));
            List<NDArray> got = Theano.function(List.copyOf(v.values()), grads, setup.options).callAll(values(c, v));
            String[] names = {"sitsot%d.u", "sitsot%d.h0", "sitsot%d.w", "mitsot%d.u", "mitsot%d.x0", "mitsot%d.w"};
            for (int i = 0; i < names.length; i++) {
                ScanReference.assertMatches(c, String.format(names[i], tr), got.get(i), TOL);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void sharedNonSequencesWithGradients(Setup setup) {
        String c = "feature_shared_non_sequences";
        SharedVariable w = Theano.shared(ScanReference.input(c, "W"), "W");
        SharedVariable b = Theano.shared(ScanReference.input(c, "b"), "b");
        Map<String, Variable> v = inputs(c, "x", "h0");
        Variable h = Scan.builder(a -> List.of(T.tanh(T.dot(a.get(1), a.get(2)).add(a.get(0)).add(a.get(3)))))
                .sequences(v.get("x")).outputsInfo(v.get("h0")).nonSequences(w, b).strict(true).build().output();
        Variable ramp = T.reshape(T.add(T.mul(T.cast(T.arange(12), org.theano4j.tensor.DType.FLOAT64), 0.25), 1), 4, 3);
        Variable cost = T.sum(h.mul(ramp));
        List<Variable> outs = new ArrayList<>(List.of(h));
        outs.addAll(T.grad(cost, List.of(w, b, v.get("x"))));
        List<NDArray> got = Theano.function(List.copyOf(v.values()), outs, setup.options).callAll(values(c, v));
        ScanReference.assertMatches(c, "out0", got.get(0), TOL);
        ScanReference.assertMatches(c, "grad.W", got.get(1), TOL);
        ScanReference.assertMatches(c, "grad.b", got.get(2), TOL);
        ScanReference.assertMatches(c, "grad.x", got.get(3), TOL);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void symbolicNumberOfSteps(Setup setup) {
        String c = "feature_symbolic_n_steps";
        Map<String, Variable> v = inputs(c, "s", "h0");
        Variable n = T.iscalar("n");
        ScanResult r = Scan.builder(a -> List.of(T.sin(a.get(1)).add(a.get(0)), T.sum(a.get(1).mul(a.get(0)))))
                .sequences(v.get("s")).outputsInfo(v.get("h0"), null).nonSequences(T.constant(2.0)).nSteps(n).build();
        Variable cost = T.sum(T.sqr(r.output(0))).add(T.sum(r.output(1).mul(3)));
        List<Variable> outs = new ArrayList<>(r.outputs());
        outs.addAll(T.grad(cost, List.of(v.get("s"), v.get("h0"))));
        Function f = Theano.function(List.of(v.get("s"), v.get("h0"), n), outs, setup.options);
        for (int steps : new int[] {3, 6}) {
            List<NDArray> got = f.callAll(ScanReference.input(c, "s"), ScanReference.input(c, "h0"), steps);
            String[] names = {"n%d.h", "n%d.dot", "n%d.grad.s", "n%d.grad.h0"};
            for (int i = 0; i < names.length; i++) {
                ScanReference.assertMatches(c, String.format(names[i], steps), got.get(i), TOL);
            }
        }
        // n_steps = 0: zero rows (Theano's documentation; Theano 1.0.5 without C cannot run it)
        List<NDArray> zero = f.callAll(ScanReference.input(c, "s"), ScanReference.input(c, "h0"), 0);
        assertEquals(0, zero.get(0).shape(0));
        assertEquals(0, zero.get(1).shape(0));
        assertEquals(0.0, zero.get(2).toDoubleArray()[0]);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void untilWithGradients(Setup setup) {
        String c = "feature_until_with_gradient";
        Map<String, Variable> v = inputs(c, "x", "w", "h0");
        Variable h = Scan.builder(a -> {
            Variable ht = a.get(1).mul(a.get(2)).add(a.get(0));
            return List.of(ht, Scan.until(ht.gt(2.0)));
        }).sequences(v.get("x")).outputsInfo(v.get("h0")).nonSequences(v.get("w")).build().output();
        Variable cost = T.sum(h.mul(h));
        List<Variable> outs = new ArrayList<>(List.of(h, cost));
        outs.addAll(T.grad(cost, List.copyOf(v.values())));
        List<NDArray> got = Theano.function(List.copyOf(v.values()), outs, setup.options).callAll(values(c, v));
        ScanReference.assertMatches(c, "out0", got.get(0), TOL);
        ScanReference.assertMatches(c, "cost", got.get(1), TOL);
        ScanReference.assertMatches(c, "grad.w", got.get(3), TOL);
        ScanReference.assertMatches(c, "grad.h0", got.get(4), TOL);
        // Theano 1.0.5 puts the rows of the sequence's gradient one row late in a while loop whose first
        // output is recurrent (it counts the steps on the buffer that holds the initial state too):
        // its [0, 9.13, 6.79, 4.06, 0, 0, 0] is [9.13, 6.79, 4.06, 0, 0, 0, 0] here, which the
        // three steps run (cost = sum h_t^2, dh_t/dx_t = 1) give.
        double[] theano = ScanReference.array(c, "grad.x").toDoubleArray();
        double[] gx = got.get(2).toDoubleArray();
        for (int i = 0; i + 1 < gx.length; i++) {
            assertEquals(theano[i + 1], gx[i], TOL * (1 + Math.abs(gx[i])), "grad.x[" + i + "]");
        }
        assertEquals(0.0, gx[gx.length - 1]);
        double[] hv = got.get(0).toDoubleArray();
        double w = ScanReference.input(c, "w").item();
        assertEquals(2 * hv[2], gx[2], 1e-12);
        assertEquals(2 * hv[1] + w * gx[2], gx[1], 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void floatSharedVariableUpdatedInTheLoop(Setup setup) {
        String c = "feature_float_shared_updated_in_loop";
        SharedVariable acc = Theano.shared(new double[] {0, 0}, "acc");
        Variable x = T.matrix("x");
        ScanResult r = Scan.builder(a -> List.of(acc.mul(2).add(a.get(0)), Map.of(acc, acc.add(a.get(0).mul(a.get(0)))))).sequences(x).build();
        Variable g = T.grad(T.sum(r.updates().get(acc)).add(T.sum(r.output())), x);
        Function f = Theano.function(List.of(x), List.of(r.output(), g), setup.options.updates(r.updates()));
        for (int call = 1; call <= 2; call++) {
            List<NDArray> got = f.callAll(ScanReference.input(c, "x"));
            ScanReference.assertMatches(c, "out" + call, got.get(0), TOL);
            ScanReference.assertMatches(c, "grad" + call, got.get(1), TOL);
            ScanReference.assertMatches(c, "acc" + call, acc.getValue(), TOL);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void randomStreamsDrawnInsideTheStep(Setup setup) {
        String c = "feature_random_streams_in_step";
        RandomStreams srng = new RandomStreams(42);
        Variable x = T.vector("x");
        Variable h0 = T.scalar("h0");
        ScanResult h = Scan.builder(a -> List.of(a.get(1).mul(0.5).add(a.get(0)).add(srng.normal()))).sequences(x).outputsInfo(h0).build();
        ScanResult u = Scan.builder(a -> List.of(a.get(0).mul(srng.uniform(2)))).sequences(x).build();
        FunctionOptions updates = setup.options.updates(h.updates()).updates(u.updates());
        Function f = Theano.function(List.of(x, h0), List.of(h.output(), u.output()), updates);
        double[] xv = {1, 2, 3};
        for (int call = 1; call <= 2; call++) {
            List<NDArray> got = f.callAll(xv, 0.0);
            ScanReference.assertMatches(c, "h" + call, got.get(0), TOL);
            ScanReference.assertMatches(c, "u" + call, got.get(1), TOL);
        }
        // without the updates, the state still moves on by its default update: one draw outside the loop
        Function noUpdates = Theano.function(List.of(x, h0), h.output(), setup.options);
        ScanReference.assertMatches(c, "no_updates1", noUpdates.call(xv, 0.0), TOL);
        ScanReference.assertMatches(c, "no_updates2", noUpdates.call(xv, 0.0), TOL);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void mrgDrawsInsideTheStepWithGradients(Setup setup) {
        String c = "feature_mrg_in_step_with_gradient";
        MRGRandomStreams srng = new MRGRandomStreams(234);
        Map<String, Variable> v = inputs(c, "x", "w");
        ScanResult r = Scan.builder(a -> List.of(T.tanh(a.get(0).mul(a.get(1))).mul(srng.uniform(3)))).sequences(v.get("x"))
                .nonSequences(v.get("w")).build();
        List<Variable> outs = new ArrayList<>(List.of(r.output()));
        outs.addAll(T.grad(T.sum(r.output()), List.of(v.get("x"), v.get("w"))));
        Function f = Theano.function(List.copyOf(v.values()), outs, setup.options.updates(r.updates()));
        List<NDArray> first = f.callAll(values(c, v));
        ScanReference.assertMatches(c, "out1", first.get(0), TOL);
        ScanReference.assertMatches(c, "grad1.x", first.get(1), TOL);
        ScanReference.assertMatches(c, "grad1.w", first.get(2), TOL);
        ScanReference.assertMatches(c, "out2", f.callAll(values(c, v)).get(0), TOL);
    }

    @Test
    void gradientsThroughRandomStreamsDrawsAreUndefined() {
        String c = "feature_random_gradient_undefined";
        Variable x = T.matrix("X");
        Variable w = T.matrix("W");
        Variable k = T.scalar("c");
        Variable d = new RandomStreams(1234).binomial(new long[] {2}, 1, 0.5);
        ScanResult r = Scan.builder(a -> List.of(T.tanh(T.dot(a.get(0), w)).add(d.mul(k)))).sequences(x).build();
        Variable cost = T.sum(r.output());
        double[][] xv = {{1, 0}, {0, 1}, {0, 0}};
        double[][] wv = {{1, 1}, {1, 1}};
        for (Variable wrt : List.of(w, x)) {
            Function g = Theano.function(List.of(x, w, k), T.grad(cost, wrt), Theano.options().updates(r.updates()));
            ScanReference.assertMatches(c, "grad." + wrt.name(), g.call(xv, wv, 2.0), TOL);
        }
        assertEquals("NullTypeGradError", ScanReference.error(c, "error.c"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> T.grad(cost, k));
        assertTrue(e.getMessage().contains("undefined") && e.getMessage().contains("random state"), e.getMessage());
    }

    @Test
    void mapWithoutOutputsInfoAndReturnList() {
        String c = "feature_map_without_outputs_info";
        Variable x = T.matrix("x");
        ScanResult outs = Scan.builder(a -> List.of(T.sum(a.get(0)), a.get(0).mul(2))).sequences(x).build();
        ScanResult single = Scan.builder(a -> List.of(T.max(a.get(0)))).sequences(x).build();
        assertEquals(ScanReference.array(c, "n_outputs").getLong(), outs.outputs().size() + 10L * single.outputs().size());
        List<Variable> all = new ArrayList<>(outs.outputs());
        all.add(single.output());
        List<NDArray> got = Theano.function(List.of(x), all).callAll((Object) new double[][] {{1, 2}, {3, -4}});
        ScanReference.assertMatches(c, "sum", got.get(0), 0);
        ScanReference.assertMatches(c, "twice", got.get(1), 0);
        ScanReference.assertMatches(c, "max", got.get(2), 0);
        assertThrows(IllegalArgumentException.class, outs::output);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void nestedLoops(Setup setup) {
        String c = "feature_nested_scan";
        Map<String, Variable> v = inputs(c, "x", "w");
        Variable out = Scan.builder(a -> List.of(Scan.builder(b -> List.of(b.get(1).mul(b.get(2)).add(b.get(0)))).sequences(a.get(0))
                .outputsInfo(T.constant(0.0)).nonSequences(a.get(1)).build().output().get(-1)))
                .sequences(v.get("x")).nonSequences(v.get("w")).build().output();
        checkWithGrads(setup, c, v, List.of(out), T.sum(T.sqr(out)));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void tutorialValuesToFullPrecision(Setup setup) {
        Variable x = T.matrix("X");
        Variable u = T.matrix("U");
        Variable vv = T.matrix("V");
        Variable w = T.matrix("W");
        Variable b = T.vector("b_sym");
        Variable n = T.iscalar("n_sym");
        ScanResult r = Scan.builder(a -> List.of(T.dot(a.get(0), u).add(T.dot(a.get(1), vv)).add(T.tanh(T.dot(a.get(1), w).add(b)))))
                .outputsInfo(Scan.Output.of(x).taps(-2, -1)).nSteps(n).build();
        Function f = Theano.function(List.of(x, u, vv, w, b, n), r.output(), setup.options);
        double[][] half = {{0.5, 0.5}, {0.5, 0.5}};
        NDArray got = f.call(new double[][] {{0, 0}, {0, 1}}, new double[][] {{0, 0.5}, {0.5, 0}}, half, half, new double[] {1, 1}, 10);
        ScanReference.assertMatches("loop_two_taps", "out", got, 1e-13);
    }
}
