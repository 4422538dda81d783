package org.theano4j.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/** Theano's loop tutorial (loop.txt) in Java, and the edges of the loop. */
class ScanTest {
    static void assertMatrix(double[][] expected, NDArray got, double tol) {
        double[][] m = got.toDoubleMatrix();
        assertEquals(expected.length, m.length);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], m[r], tol);
        }
    }

    @Test
    void tutorialPowerOfAVector() {
        // result, updates = theano.scan(fn=lambda prior_result, A: prior_result * A,
        //     outputs_info=T.ones_like(A), non_sequences=A, n_steps=k); power(range(10), 2)
        Variable k = T.iscalar("k");
        Variable a = T.vector("A");
        ScanResult r = T.scan(args -> List.of(T.mul(args.get(0), args.get(1))), List.of(), List.of(T.onesLike(a)), List.of(a), k);
        assertTrue(r.updates().isEmpty());
        Function power = Theano.function(List.of(a, k), r.output().get(-1));
        assertArrayEquals(new double[] {0, 1, 4, 9, 16, 25, 36, 49, 64, 81},
                power.call(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 2).toDoubleArray());
        Function all = Theano.function(List.of(a, k), r.output());
        assertMatrix(new double[][] {{2, 3}, {4, 9}, {8, 27}}, all.call(new double[] {2, 3}, 3), 0);
    }

    @Test
    void tutorialPolynomialWithSequences() {
        // components = scan(lambda coefficient, power, free_variable: coefficient * (free_variable ** power),
        //     sequences=[coefficients, arange(10000)], non_sequences=x); components.sum() at [1, 0, 2], 3 is 19
        Variable coefficients = T.vector("coefficients");
        Variable x = T.scalar("x");
        ScanResult r = T.scan(args -> List.of(T.mul(args.get(0), T.pow(args.get(2), args.get(1)))),
                List.of(coefficients, T.arange(10000)), Arrays.asList((Object) null), List.of(x));
        Function polynomial = Theano.function(List.of(coefficients, x), T.sum(r.output()));
        assertEquals(19.0, polynomial.call(new double[] {1, 0, 2}, 3).item());
    }

    @Test
    void tutorialTanhOfRowsTimesWPlusB() {
        // results = scan(lambda v: T.tanh(T.dot(v, W) + b_sym), sequences=X) with x = eye(2), w = ones, b = [1, 2]
        Variable x = T.matrix("X");
        Variable w = T.matrix("W");
        Variable b = T.vector("b_sym");
        ScanResult r = T.scan(args -> List.of(T.tanh(T.add(T.dot(args.get(0), w), b))), List.of(x), Arrays.asList((Object) null), List.of());
        Function f = Theano.function(List.of(x, w, b), r.output());
        assertMatrix(new double[][] {{0.96402758, 0.99505475}, {0.96402758, 0.99505475}},
                f.call(new double[][] {{1, 0}, {0, 1}}, new double[][] {{1, 1}, {1, 1}}, new double[] {1, 2}), 1e-8);
    }

    @Test
    void severalOutputsStatesAndBackwards() {
        // running sum and running max over a sequence, read backwards, plus a per-step output
        Variable xs = T.dvector("xs");
        ScanResult r = Scan.scan(args -> List.of(T.add(args.get(1), args.get(0)), T.mul(args.get(0), 10), T.maximum(args.get(2), args.get(0))),
                List.of(xs), Arrays.asList(0.0, null, -1e9), List.of(), null, true);
        List<NDArray> got = Theano.function(List.of(xs), r.outputs()).callAll(new double[] {1, 5, 2});
        assertArrayEquals(new double[] {2, 7, 8}, got.get(0).toDoubleArray());
        assertArrayEquals(new double[] {20, 50, 10}, got.get(1).toDoubleArray());
        assertArrayEquals(new double[] {2, 5, 5}, got.get(2).toDoubleArray());
    }

    @Test
    void sharedVariablesAndClosuresBecomeImplicitInputs() {
        SharedVariable scale = Theano.shared(2.0, "scale");
        Variable xs = T.dvector("xs");
        Variable offset = T.dscalar("offset");
        ScanResult r = T.scan(args -> List.of(T.add(T.mul(args.get(0), scale), offset)), List.of(xs), Arrays.asList((Object) null), List.of());
        Function f = Theano.function(List.of(xs, offset), r.output());
        assertArrayEquals(new double[] {3, 5}, f.call(new double[] {1, 2}, 1.0).toDoubleArray());
        scale.setValue(3.0);
        assertArrayEquals(new double[] {4, 7}, f.call(new double[] {1, 2}, 1.0).toDoubleArray());
    }

    @Test
    void nStepsShorterThanTheSequenceAndZeroSteps() {
        Variable xs = T.dvector("xs");
        Variable n = T.lscalar("n");
        ScanResult r = T.scan(args -> List.of(T.add(args.get(0), args.get(1))), List.of(xs), List.of(0.0), List.of(), n);
        Function f = Theano.function(List.of(xs, n), r.output());
        assertArrayEquals(new double[] {1, 3}, f.call(new double[] {1, 2, 3}, 2).toDoubleArray());
        assertArrayEquals(new long[] {0}, f.call(new double[] {1, 2, 3}, 0).shape());
    }

    @Test
    void theStepGraphIsCompiledOnceAndReused() {
        Variable xs = T.dvector("xs");
        ScanResult r = T.scan(args -> List.of(T.exp(args.get(0))), List.of(xs), Arrays.asList((Object) null), List.of());
        Function f = Theano.function(List.of(xs), r.output());
        ScanOp op = (ScanOp) r.output().owner().op();
        assertArrayEquals(new double[] {1, Math.E}, f.call(new double[] {0, 1}).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.exp(2)}, f.call(new double[] {2}).toDoubleArray(), 1e-12);
        assertEquals(1, op.innerOutputs().size());
        assertEquals(1, op.innerInputs().size());
    }

    private static final SharedVariable COUNTER = Theano.shared(0, "counter");

    record Bad(String name, Supplier<Object> build, String part) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badScans() {
        Variable xs = T.dvector("xs");
        return Stream.of(
                new Bad("no sequence, no nSteps", () -> T.scan(a -> List.of(a.get(0)), List.of(), List.of(0.0), List.of()), "nSteps"),
                new Bad("wrong output count", () -> T.scan(a -> List.of(a.get(0), a.get(0)), List.of(xs), Arrays.asList((Object) null), List.of()),
                        "must return 1 outputs"),
                new Bad("recurrent dtype changes", () -> T.scan(a -> List.of(T.mul(a.get(0), 1.5)), List.of(), List.of(1L), List.of(), 3),
                        "initial value"),
                new Bad("scalar sequence", () -> T.scan(a -> List.of(a.get(0)), List.of(T.dscalar("s")), Arrays.asList((Object) null), List.of()),
                        "at least one axis"),
                new Bad("float nSteps", () -> T.scan(a -> List.of(a.get(0)), List.of(xs), Arrays.asList((Object) null), List.of(), 2.5),
                        "integer scalar"),
                new Bad("positive output tap", () -> Scan.Output.of(xs).taps(-1, 1), "must be negative"),
                new Bad("repeated output tap", () -> Scan.Output.of(xs).taps(-2, -2), "distinct"),
                new Bad("taps without initial value", () -> Scan.Output.none().taps(-1), "needs an initial value"),
                new Bad("map taps without initial", () -> Scan.builder(a -> List.of(a.get(0))).nSteps(2)
                        .outputsInfo(Map.of("taps", List.of(-1))).build(), "no initial value"),
                new Bad("unknown map key", () -> Scan.builder(a -> List.of(a.get(0))).sequences(Map.of("input", xs, "tap", 0)).build(),
                        "unknown key tap"),
                new Bad("no sequence taps", () -> Scan.Sequence.of(xs).taps(new int[0]), "at least one tap"),
                new Bad("scalar initial for two taps", () -> Scan.builder(a -> List.of(a.get(0))).nSteps(2)
                        .outputsInfo(Scan.Output.of(1.0).taps(-2, -1)).build(), "leading axis"),
                new Bad("until not last", () -> Scan.builder(a -> List.of(Scan.until(T.gt(a.get(0), 0)), a.get(0))).sequences(xs).build(),
                        "must be the last"),
                new Bad("vector until", () -> Scan.until(xs), "scalar condition"),
                new Bad("two update maps", () -> Scan.builder(a -> List.of(Map.of(), Map.of())).nSteps(1).build(), "two update maps"),
                new Bad("update of a non-shared variable", () -> Scan.builder(a -> List.of(Map.of(xs, xs))).nSteps(1).build(),
                        "must be shared variables"),
                new Bad("update of another type", () -> Scan.builder(a -> List.of(Map.of(COUNTER, T.mul(COUNTER, 0.5)))).nSteps(1).build(),
                        "update of shared variable counter"),
                new Bad("zero truncateGradient", () -> Scan.builder(a -> List.of(a.get(0))).truncateGradient(0), "truncateGradient"),
                new Bad("unknown mode", () -> Scan.builder(a -> List.of(a.get(0))).mode("FAST"), "mode"));
    }

    @ParameterizedTest
    @MethodSource("badScans")
    void badScansAreIllegalArguments(Bad b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b.build::get);
        assertTrue(e.getMessage().contains(b.part()), e.getMessage());
    }

    @Test
    void runTimeErrorsNameTheProblem() {
        Variable xs = T.dvector("xs");
        Variable n = T.lscalar("n");
        ScanResult r = T.scan(args -> List.of(T.mul(args.get(0), 2)), List.of(xs), Arrays.asList((Object) null), List.of(), n);
        Function f = Theano.function(List.of(xs, n), r.output());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.call(new double[] {1, 2}, 5));
        assertTrue(e.getMessage().contains("nSteps is 5 but sequence 0 has only 2 rows"), e.getMessage());
        Variable v = T.dvector("v");
        ScanResult growing = T.scan(args -> List.of(T.concatenate(List.of(args.get(0), args.get(0)), 0)), List.of(), List.of(v), List.of(), 2);
        Function g = Theano.function(List.of(v), growing.output());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> g.call(new double[] {1}));
        assertTrue(e2.getMessage().contains("recurrent output 0"), e2.getMessage());
        Variable x0 = T.dvector("x0");
        Function shortInit = Theano.function(List.of(x0), Scan.builder(a -> List.of(T.add(a.get(0), a.get(1))))
                .outputsInfo(Scan.Output.of(x0).taps(-3, -1)).nSteps(2).build().output());
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> shortInit.call(new double[] {1, 2}));
        assertTrue(e3.getMessage().contains("needs 3 rows"), e3.getMessage());
        IllegalArgumentException e4 = assertThrows(IllegalArgumentException.class, () -> f.call(new double[] {1, 2}, -1));
        assertTrue(e4.getMessage().contains("nSteps must be >= 0, got -1"), e4.getMessage());
    }

    @Test
    void stepArgumentsComeInTheanosOrder() {
        // sequences with their taps, then each output's taps, then the non-sequences themselves
        Variable u = T.dvector("u");
        Variable v = T.dvector("v");
        Variable x0 = T.dvector("x0");
        Variable y0 = T.dscalar("y0");
        Variable w = T.dscalar("w");
        List<List<Variable>> seen = new java.util.ArrayList<>();
        Scan.builder(a -> {
            seen.add(a);
            return List.of(a.get(3).add(a.get(6)), a.get(5).mul(a.get(6)), T.sum(a.get(0)));
        }).sequences(Scan.Sequence.of(u).taps(-2, 0, 1), v).outputsInfo(Scan.Output.of(x0).taps(-3, -1), y0, null).nonSequences(w).build();
        List<Variable> args = seen.get(0);
        assertEquals(List.of("u[t-2]", "u[t]", "u[t+1]", "v[t]", "x0[t-3]", "x0[t-1]", "y0[t-1]"),
                args.subList(0, 7).stream().map(Variable::name).toList());
        assertSame(w, args.get(7));
        assertEquals(1, seen.size(), "the step function is called once");
    }

    @Test
    void sequenceTapsReadTheRowsTheanoReads() {
        // Theano 1.0.5: scan(lambda a, b, c: a*100 + b*10 + c, sequences=dict(input=s, taps=[-2, 0, 1])) on arange(6)
        Variable s = T.dvector("s");
        for (boolean backwards : new boolean[] {false, true}) {
            Variable r = Scan.builder(a -> List.of(a.get(0).mul(100).add(a.get(1).mul(10)).add(a.get(2))))
                    .sequences(Map.of("input", s, "taps", List.of(-2, 0, 1))).goBackwards(backwards).build().output();
            double[] got = Theano.function(List.of(s), r).call(new double[] {0, 1, 2, 3, 4, 5}).toDoubleArray();
            assertArrayEquals(backwards ? new double[] {245, 134, 23} : new double[] {23, 134, 245}, got);
        }
    }

    @Test
    void outputTapsReadTheInitialRowsThenTheOutputs() {
        // Theano 1.0.5: outputs_info=dict(initial=x0, taps=[-3, -1]), n_steps=4 on [10, 20, 30, 99] gives [40, 60, 90, 130]
        Variable x0 = T.dvector("x0");
        Variable r = Scan.builder(a -> List.of(a.get(0).add(a.get(1)))).outputsInfo(Scan.Output.of(x0).taps(-3, -1)).nSteps(4).build()
                .output();
        assertArrayEquals(new double[] {40, 60, 90, 130}, Theano.function(List.of(x0), r).call(new double[] {10, 20, 30, 99}).toDoubleArray());
    }

    @Test
    void updatesComeBackInTheOrderTheStepMadeThem() {
        SharedVariable count = Theano.shared(0, "count");
        SharedVariable total = Theano.shared(0.0, "total");
        Variable xs = T.dvector("xs");
        ScanResult r = Scan.builder(a -> {
            Map<SharedVariable, Variable> up = new java.util.LinkedHashMap<>();
            up.put(total, total.add(a.get(0)));
            up.put(count, count.add(1));
            return List.of(total.mul(1), up);
        }).sequences(xs).build();
        assertEquals(List.of(total, count), List.copyOf(r.updates().keySet()));
        Function f = Theano.function(List.of(xs), r.output(), Theano.options().updates(r.updates()));
        assertArrayEquals(new double[] {0, 1, 3}, f.call(new double[] {1, 2, 3}).toDoubleArray());
        assertEquals(6.0, total.getValue().item());
        assertEquals(3, count.getValue().getLong());
        assertArrayEquals(new double[] {6, 7}, f.call(new double[] {1, 1}).toDoubleArray());
        assertEquals(5, count.getValue().getLong());
    }

    @Test
    void stepOutputsThatAreArgumentsOrConstants() {
        Variable xs = T.dvector("xs");
        ScanResult r = Scan.builder(a -> List.of(a.get(0), a.get(1), 7.0)).sequences(xs).outputsInfo(null, 2.0, null).build();
        List<NDArray> got = Theano.function(List.of(xs), r.outputs()).callAll(new double[] {1, 2, 3});
        assertArrayEquals(new double[] {1, 2, 3}, got.get(0).toDoubleArray());
        assertArrayEquals(new double[] {2, 2, 2}, got.get(1).toDoubleArray());
        assertArrayEquals(new double[] {7, 7, 7}, got.get(2).toDoubleArray());
        Variable folded = Scan.builder(a -> List.of(a.get(0).mul(2))).outputsInfo(1.0).nSteps(4).build().output();
        assertArrayEquals(new double[] {2, 4, 8, 16}, Theano.function(List.of(), folded).call().toDoubleArray());
    }

    @Test
    void functionCopiesSwapTheSharedVariablesALoopReadsAndUpdates() {
        SharedVariable k = Theano.shared(0, "k");
        SharedVariable scale = Theano.shared(2, "scale");
        ScanResult r = Scan.builder(a -> List.of(k.mul(scale), Map.of(k, k.add(1)))).nSteps(3).build();
        Function f = Theano.function(List.of(), r.output(), Theano.options().updates(r.updates()));
        assertArrayEquals(new long[] {0, 2, 4}, f.call().toLongArray());
        SharedVariable k2 = Theano.shared(10, "k2");
        SharedVariable scale2 = Theano.shared(-1, "scale2");
        Function g = f.copy(Map.of(k, k2, scale, scale2), false);
        assertArrayEquals(new long[] {-10, -11, -12}, g.call().toLongArray());
        assertEquals(13, k2.getValue().getLong());
        assertEquals(3, k.getValue().getLong());
        assertArrayEquals(new long[] {6, 8, 10}, f.call().toLongArray());
    }

    @Test
    void theStepIsPlannedOnTheFunctionsBackendAndMode() {
        Variable xs = T.dvector("xs");
        Scan.StepFunction step = a -> List.of(T.exp(T.mul(a.get(0), 2)).add(1));
        ScanResult free = Scan.builder(step).sequences(xs).build();
        ScanResult own = Scan.builder(step).sequences(xs).mode("FAST_COMPILE").build();
        Function f = Theano.function(List.of(xs), List.of(free.output(), own.output()), Theano.options().device("reference").mode("FAST_RUN"));
        List<ScanOp> loops = f.planNodes().stream().filter(n -> n.op() instanceof ScanOp).map(n -> (ScanOp) n.op()).toList();
        assertEquals(2, loops.size());
        for (ScanOp op : loops) {
            assertEquals("reference", op.stepBackendName());
        }
        assertEquals(java.util.Set.of("FAST_RUN", "FAST_COMPILE"), loops.stream().map(ScanOp::stepMode).collect(java.util.stream.Collectors.toSet()));
        assertArrayEquals(new double[] {2, Math.exp(2) + 1}, f.callAll(new double[] {0, 1}).get(0).toDoubleArray(), 1e-12);
        Function fc = Theano.function(List.of(xs), free.output(), Theano.options().mode("FAST_COMPILE"));
        ScanOp bound = fc.planNodes().stream().map(n -> n.op()).filter(ScanOp.class::isInstance).map(ScanOp.class::cast).findFirst().orElseThrow();
        assertEquals("FAST_COMPILE", bound.stepMode());
        assertTrue(bound.displayName().startsWith("for{cpu,"), bound.displayName());
    }

    @Test
    void untilStopsAfterTheFirstTrueConditionAndKeepsThatStep() {
        Variable limit = T.dscalar("limit");
        ScanResult r = Scan.builder(a -> {
            Variable next = a.get(0).mul(3);
            return List.of(next, a.get(0), Scan.until(next.ge(a.get(1))));
        }).outputsInfo(1.0, null).nonSequences(limit).nSteps(10).build();
        Function f = Theano.function(List.of(limit), r.outputs());
        List<NDArray> got = f.callAll(27.0);
        assertArrayEquals(new double[] {3, 9, 27}, got.get(0).toDoubleArray());
        assertArrayEquals(new double[] {1, 3, 9}, got.get(1).toDoubleArray());
        assertArrayEquals(new long[] {10}, f.callAll(1e9).get(0).shape(), "nSteps bounds the loop");
        assertTrue(((ScanOp) r.output(1).owner().op()).displayName().startsWith("while{"));
    }
}
