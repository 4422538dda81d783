package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.op.Composite;
import org.theano4j.tensor.NDArray;

/** Theano.function picks this backend and computes the seed page's examples. */
class EndToEndTest {
    @Test
    void seedLogisticRunsOnVectorCpu() {
        Variable x = T.dmatrix("x");
        Variable s = T.div(1, T.add(1, T.exp(T.neg(x))));
        Function logistic = Theano.function(List.of(x), s);
        assertEquals("vector-cpu", logistic.backendName());
        assertTrue(logistic.planNodes().stream().anyMatch(n -> n.op() instanceof Composite),
                "fused: " + logistic.debugprint());
        NDArray out = logistic.call(new double[][] {{0, 1}, {-1, -2}});
        // python3 -c "import numpy as np; x=np.array([[0,1],[-1,-2.]]); print(repr(1/(1+np.exp(-x))))"
        double[][] want = {{0.5, 0.7310585786300049}, {0.2689414213699951, 0.11920292202211755}};
        double[][] got = out.toDoubleMatrix();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(want[i], got[i], 1e-15);
        }
    }

    @Test
    void seedDifferencesRunOnVectorCpu() {
        Variable[] ab = T.dmatrices("a", "b");
        Variable diff = ab[0].sub(ab[1]);
        Function f = Theano.function(List.of(ab[0], ab[1]), List.of(diff, T.abs(diff), diff.pow(2)));
        List<NDArray> r = f.callAll(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 1}, {2, 3}});
        assertArrayEquals(new double[] {1, 0, -1, -2}, r.get(0).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 1, 2}, r.get(1).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 1, 4}, r.get(2).toDoubleArray());
    }

    /** Broadcast arguments with 2^32 + 3 elements run through compiled functions exactly, without memory. */
    @Test
    void hugeBroadcastArgumentsReduceExactly() {
        long n = (1L << 32) + 3;
        NDArray ones = NDArray.of(1.0).broadcastTo(n);
        NDArray twos = NDArray.of(2.0).broadcastTo(n);
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Function f = Theano.function(List.of(x, y), List.of(T.sum(x), T.mean(x), T.max(y), T.argmax(y), T.dot(x, y)));
        List<NDArray> r = f.callAll(ones, twos);
        assertEquals(4294967299.0, r.get(0).item());
        assertEquals(1.0, r.get(1).item());
        assertEquals(2.0, r.get(2).item());
        assertEquals(0, r.get(3).getLong());
        assertEquals(8589934598.0, r.get(4).item());
        Variable m = T.dmatrix("m");
        long k = (1L << 31) + 5;
        NDArray rows = NDArray.of(new double[] {1, 2, 3}).reshape(3, 1).broadcastTo(3, k);
        NDArray half = NDArray.of(0.5).broadcastTo(k);
        NDArray gemv = Theano.function(List.of(m, x), T.dot(m, x)).call(rows, half);
        assertArrayEquals(new double[] {0.5 * k, k, 1.5 * k}, gemv.toDoubleArray());
    }
}
