package org.theano4j.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
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
                        "integer scalar"));
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
    }
}
