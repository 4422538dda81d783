package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.control.ScanResult;
import org.theano4j.e2e.parity.ScanReference;
import org.theano4j.op.Indexing;
import org.theano4j.tensor.NDArray;

/**
 * The guide of Theano's library page "scan -- Looping in Theano" (scan.txt), in Java: the
 * printed results, and for the RNN with taps the values and gradients Theano 1.0.5 computes
 * (tests/scripts/scan_reference.py). Gibbs sampling, which draws binomials whose probability is
 * a tensor, is in {@link ScanGibbsSamplingTest}.
 */
class ScanGuideTest {

    @Test
    void powerOfAForTwoExponents() {
        Variable k = T.iscalar("k");
        Variable a = T.vector("A");
        ScanResult r = Scan.builder(s -> List.of(s.get(0).mul(s.get(1)))).outputsInfo(T.onesLike(a)).nonSequences(a).nSteps(k).build();
        Function power = Theano.function(List.of(a, k), r.output().get(-1), Theano.options().updates(r.updates()));
        double[] range = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new double[] {0, 1, 16, 81, 256, 625, 1296, 2401, 4096, 6561}, power.call(range, 4).toDoubleArray());
    }

    @Test
    void accumulationIntoAnIntegerScalar() {
        // outputs_info = T.as_tensor_variable(np.asarray(0, seq.dtype)); scan(accumulate_by_adding, sequences=seq)
        Variable upTo = T.iscalar("up_to");
        Variable seq = T.arange(upTo);
        ScanResult r = Scan.builder(a -> List.of(a.get(1).add(a.get(0)))).outputsInfo(T.constant(NDArray.of(0L))).sequences(seq).build();
        Function triangular = Theano.function(List.of(upTo), r.output());
        assertArrayEquals(new long[] {0, 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 66, 78, 91, 105}, triangular.call(15).toLongArray());
    }

    @Test
    void valuesAtPositions() {
        Variable location = T.imatrix("location");
        Variable values = T.vector("values");
        Variable model = T.matrix("output_model");
        ScanResult r = Scan.builder(a -> List.of(Indexing.setSubtensor(T.zerosLike(a.get(2)), a.get(1), a.get(0).get(0), a.get(0).get(1))))
                .outputsInfo((Object) null).sequences(location, values).nonSequences(model).build();
        Function assign = Theano.function(List.of(location, values, model), r.output());
        NDArray got = assign.call(new int[][] {{1, 1}, {2, 3}}, new double[] {42, 50}, new double[5][5]);
        ScanReference.assertMatches("scan_triangular_and_positions", "positions", got, 0);
    }

    @Test
    void updatesDictionaryReusedAfterwards() {
        // a = shared(1); values, updates = scan(lambda: {a: a + 1}, n_steps=10); b = a + 1; c = updates[a] + 1
        SharedVariable a = Theano.shared(1);
        ScanResult r = Scan.builder(s -> List.of(Map.of(a, a.add(1)))).nSteps(10).build();
        Variable b = a.add(1);
        Variable c = r.updates().get(a).add(1);
        Function f = Theano.function(List.of(), List.of(b, c), Theano.options().updates(r.updates()));
        List<NDArray> first = f.callAll();
        assertEquals(2, first.get(0).getLong());
        assertEquals(12, first.get(1).getLong());
        assertEquals(11, a.getValue().getLong());
        List<NDArray> second = f.callAll();
        assertEquals(12, second.get(0).getLong());
        assertEquals(22, second.get(1).getLong());
        assertEquals(21, a.getValue().getLong());
        Function without = Theano.function(List.of(), List.of(b, c));
        assertEquals(22, without.callAll().get(0).getLong());
        assertEquals(21, a.getValue().getLong());
    }

    @Test
    void untilPowersOfTwo() {
        // power_of_2 returns previous_power*2, until(previous_power*2 > max_value); n_steps=1024
        Variable maxValue = T.scalar();
        ScanResult r = Scan.builder(a -> List.of(a.get(0).mul(2), Scan.until(a.get(0).mul(2).gt(a.get(1)))))
                .outputsInfo(T.constant(1.0)).nonSequences(maxValue).nSteps(1024).build();
        Function f = Theano.function(List.of(maxValue), r.output());
        assertArrayEquals(new double[] {2, 4, 8, 16, 32, 64}, f.call(45).toDoubleArray());
        assertArrayEquals(new double[] {2}, f.call(1).toDoubleArray());
        ScanReference.assertMatches("scan_until_powers_of_two", "at5000", f.call(5000), 0);
    }

    /** The page's RNN: u taps [-4, 0], x taps [-3, -1], y tap -1, strict. */
    static ScanResult rnn(Variable u, Variable x0, Variable y0, List<Variable> weights, boolean strict) {
        return Scan.builder(a -> {
            Variable uTm4 = a.get(0);
            Variable uT = a.get(1);
            Variable xTm3 = a.get(2);
            Variable xTm1 = a.get(3);
            Variable yTm1 = a.get(4);
            Variable xT = T.tanh(T.dot(xTm1, a.get(5)).add(T.dot(uT, a.get(6))).add(T.dot(uTm4, a.get(7))).add(T.dot(yTm1, a.get(8))));
            return List.of(xT, T.dot(xTm3, a.get(9)));
        }).sequences(Scan.Sequence.of(u).taps(-4, 0)).outputsInfo(Scan.Output.of(x0).taps(-3, -1), y0).nonSequences(weights)
                .strict(strict).build();
    }

    @Test
    void recurrentNetworkWithSeveralTaps() {
        String c = "scan_rnn_taps_strict";
        List<String> names = List.of("W", "W_in_1", "W_in_2", "W_feedback", "W_out", "u", "x0", "y0");
        List<Variable> ins = new ArrayList<>();
        for (String n : names) {
            ins.add(T.tensor(ScanReference.input(c, n).dtype(), new boolean[ScanReference.input(c, n).ndim()], n));
        }
        ScanResult r = rnn(ins.get(5), ins.get(6), ins.get(7), ins.subList(0, 5), true);
        Variable x = r.output(0);
        Variable y = r.output(1);
        Variable ramp = T.constant(NDArray.of(new double[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}}));
        Variable cost = T.sum(T.sqr(x)).add(T.sum(y.mul(ramp)));
        List<Variable> outs = new ArrayList<>(List.of(x, y));
        outs.addAll(T.grad(cost, ins));
        List<NDArray> got = Theano.function(ins, outs).callAll(names.stream().map(n -> ScanReference.input(c, n)).toArray());
        ScanReference.assertMatches(c, "x", got.get(0), 1e-12);
        ScanReference.assertMatches(c, "y", got.get(1), 1e-12);
        for (int i = 0; i < names.size(); i++) {
            ScanReference.assertMatches(c, "grad." + names.get(i), got.get(2 + i), 1e-10);
        }
    }

    @Test
    void strictNamesTheSharedVariableNotPassed() {
        // Theano: MissingInputError ... Please pass this variable to the scan's inner function
        assertEquals("MissingInputError", ScanReference.error("feature_strict_missing_shared", "error"));
        SharedVariable w = Theano.shared(new double[][] {{1, 1}, {1, 1}}, "W");
        Variable x = T.matrix("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scan.builder(a -> List.of(T.dot(a.get(0), w))).sequences(x).strict(true).build());
        assertTrue(e.getMessage().contains("shared variable W"), e.getMessage());
        assertTrue(e.getMessage().contains("nonSequences"), e.getMessage());
        Variable ok = Scan.builder(a -> List.of(T.dot(a.get(0), a.get(1)))).sequences(x).nonSequences(w).strict(true).build().output();
        assertArrayEquals(new double[] {3, 3}, Theano.function(List.of(x), ok).call((Object) new double[][] {{1, 2}}).toDoubleArray());
    }
}
