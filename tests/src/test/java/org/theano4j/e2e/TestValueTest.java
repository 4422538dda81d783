package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * Test values (Theano's {@code compute_test_value}, "Debugging Theano: FAQ"): with the flag on, a
 * node is evaluated on its inputs' test values when it is built, so a shape error is raised by the
 * line that builds it, naming the op and that line.
 */
class TestValueTest {
    private static final String FLAG = "theano4j.computeTestValue";

    private static <R> R withFlag(String value, Supplier<R> body) {
        String old = System.getProperty(FLAG);
        System.setProperty(FLAG, value);
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(FLAG);
            } else {
                System.setProperty(FLAG, old);
            }
        }
    }

    private static double[][][] w1Value() {
        double[][][] v = new double[2][10][10];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 10; j++) {
                for (int k = 0; k < 10; k++) {
                    v[i][j][k] = (i * 100 + j * 10 + k) / 200.0;
                }
            }
        }
        return v;
    }

    @Test
    void theFaqsShapeErrorIsRaisedWhereTheNodeIsBuilt() {
        // debug_faq.txt: W1 (2, 10, 10) shared, x (5, 10) with a test value, T.dot(x, W1.dimshuffle(2, 0, 1).flatten(2).T)
        SharedVariable w1 = Theano.shared(NDArray.of(w1Value()), "W1");
        Variable x = T.matrix("x");
        x.tag().testValue(new double[5][10]);
        Variable funcOfW1 = withFlag("raise", () -> w1.dimshuffle(2, 0, 1).flatten(2).T());
        assertArrayEquals(new long[] {20, 10}, ((NDArray) funcOfW1.tag().testValue()).shape());
        IllegalArgumentException e = withFlag("raise", () -> assertThrows(IllegalArgumentException.class, () -> T.dot(x, funcOfW1)));
        String line = "TestValueTest.lambda$theFaqsShapeErrorIsRaisedWhereTheNodeIsBuilt$";
        assertTrue(e.getMessage().startsWith("test value computation failed for "), e.getMessage());
        assertTrue(e.getMessage().contains(line), e.getMessage());
        assertTrue(e.getMessage().contains("(5, 10)") && e.getMessage().contains("(20, 10)"), e.getMessage());
        // with the flag off nothing is computed at build time
        Variable y = T.dot(x, funcOfW1);
        assertFalse(y.hasTestValue());
    }

    @Test
    void valuesPropagateThroughTheGraph() {
        Variable h = withFlag("raise", () -> {
            Variable x = T.dvector("x");
            x.tag().testValue(new double[] {1, -2, 3});
            SharedVariable b = Theano.shared(new double[] {0.5, 0.5, 0.5}, "b");
            return T.tanh(x.mul(2).add(b)).sum();
        });
        assertEquals(Math.tanh(2.5) + Math.tanh(-3.5) + Math.tanh(6.5), ((NDArray) h.tag().testValue()).item(), 1e-15);
    }

    @Test
    void missingValuesAreSkippedLoggedOrRaised() {
        Variable x = T.dvector("x");
        x.tag().testValue(new double[] {1, 2});
        Variable y = T.dvector("y");
        IllegalArgumentException e = withFlag("raise", () -> assertThrows(IllegalArgumentException.class, () -> x.add(y)));
        assertTrue(e.getMessage().startsWith("Cannot compute test value: input 1 (y) of Op Elemwise{add} missing default value"),
                e.getMessage());
        assertTrue(e.getMessage().contains("TestValueTest"), e.getMessage());
        assertFalse(withFlag("ignore", () -> x.add(y)).hasTestValue());
        assertFalse(withFlag("warn", () -> x.add(y)).hasTestValue());
        assertTrue(withFlag("ignore", () -> x.add(1)).hasTestValue());
    }

    @Test
    void functionsAndGradientsBuildWithTheFlagOn() {
        withFlag("raise", () -> {
            Variable x = T.dvector("x");
            x.tag().testValue(new double[] {1, 2});
            Variable cost = T.sum(T.sqr(x));
            Variable g = T.grad(cost, x);
            assertArrayEquals(new double[] {2, 4}, ((NDArray) g.tag().testValue()).toDoubleArray());
            assertArrayEquals(new double[] {6, 8}, Theano.function(List.of(x), g).call(new double[] {3, 4}).toDoubleArray());
            return null;
        });
    }

    @Test
    void scansBuildWithTheFlagOnAndTheirOutputsHaveValues() {
        // the step's inner graph has no test values (skipped, even with raise); the scan node is evaluated on the outer ones
        Variable a = T.dvector("a");
        a.tag().testValue(new double[] {2, 3});
        Variable last = withFlag("raise", () -> {
            org.theano4j.control.ScanResult r = T.scan(s -> List.of(s.get(0).mul(s.get(1))), List.of(),
                    List.of(T.onesLike(a)), List.of(a), 3);
            return r.output().get(-1).sum();
        });
        assertEquals(8 + 27, ((NDArray) last.tag().testValue()).item());
    }

    @Test
    void aTestValueMustFitTheVariable() {
        Variable x = T.dmatrix("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.tag().testValue(new double[] {1, 2}));
        assertTrue(e.getMessage().startsWith("test value of x"), e.getMessage());
        Variable r = T.drow("r");
        assertThrows(IllegalArgumentException.class, () -> r.tag().testValue(new double[][] {{1}, {2}}));
        assertThrows(IllegalStateException.class, () -> T.dvector("v").tag().testValue());
        assertEquals(org.theano4j.tensor.DType.FLOAT64, ((NDArray) T.dvector("v").tag().testValue(new int[] {1}).testValue()).dtype());
        IllegalArgumentException bad = withFlag("sometimes", () -> assertThrows(IllegalArgumentException.class, () -> x.add(1)));
        assertTrue(bad.getMessage().contains("valid: off, ignore, warn, raise"), bad.getMessage());
    }
}
