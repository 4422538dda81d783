package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * Shared-variable updates write into the buffer of the value before last when nobody else can
 * hold it: borrowed values, values set with borrow, returned outputs and values read by
 * concurrent calls are never overwritten.
 */
class RecyclingTest {
    private static long address(SharedVariable v) {
        return ((NDArray) v.currentValue()).segment().address();
    }

    private static Function increment(SharedVariable w) {
        return Theano.function(List.of(), T.sum(w), Theano.options().update(w, w.add(1)));
    }

    @Test
    void updatesAlternateBetweenTwoBuffersInSteadyState() {
        SharedVariable w = Theano.shared(new double[] {0, 0, 0}, "w");
        Function f = increment(w);
        f.call();
        f.call();
        long first = address(w);
        f.call();
        long second = address(w);
        f.call();
        assertNotEquals(first, second);
        assertEquals(first, address(w));
        assertArrayEquals(new double[] {4, 4, 4}, w.getValue().toDoubleArray());
    }

    @Test
    void aBorrowedValueIsNeverOverwritten() {
        SharedVariable w = Theano.shared(new double[] {0, 0, 0}, "w");
        Function f = increment(w);
        f.call();
        f.call();
        NDArray borrowed = w.getValue(true);
        for (int i = 0; i < 5; i++) {
            f.call();
        }
        assertArrayEquals(new double[] {2, 2, 2}, borrowed.toDoubleArray());
        assertArrayEquals(new double[] {7, 7, 7}, w.getValue().toDoubleArray());
    }

    @Test
    void aValueSetWithBorrowIsNeverOverwritten() {
        SharedVariable w = Theano.shared(new double[] {0, 0, 0}, "w");
        Function f = increment(w);
        f.call();
        f.call();
        NDArray mine = NDArray.of(new double[] {10, 10, 10});
        w.setValue(mine, true);
        for (int i = 0; i < 5; i++) {
            f.call();
        }
        assertArrayEquals(new double[] {10, 10, 10}, mine.toDoubleArray());
        assertArrayEquals(new double[] {15, 15, 15}, w.getValue().toDoubleArray());
    }

    @Test
    void outputsThatAreAlsoUpdateValuesStayTheCallersOwn() {
        SharedVariable w = Theano.shared(new double[] {0, 0}, "w");
        Variable next = w.add(1);
        Function f = Theano.function(List.of(), next, Theano.options().update(w, next));
        List<NDArray> outs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outs.add(f.call());
        }
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(new double[] {i + 1, i + 1}, outs.get(i).toDoubleArray(), "call " + i);
        }
    }

    @Test
    void concurrentReadersNeverSeeARecycledBufferBeingWritten() throws Exception {
        int n = 4096;
        SharedVariable w = Theano.shared(new double[n], "w");
        Function step = increment(w);
        Function spread = Theano.function(List.of(), T.sub(T.max(w), T.min(w)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Double>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final boolean writer = t % 2 == 0;
            fs.add(pool.submit(() -> {
                double worst = 0;
                for (int i = 0; i < 400; i++) {
                    if (writer) {
                        step.call();
                    } else {
                        worst = Math.max(worst, spread.call().item());
                        NDArray copy = w.getValue();
                        worst = Math.max(worst, copy.getDouble(n - 1) - copy.getDouble(0));
                    }
                }
                return worst;
            }));
        }
        for (Future<Double> f : fs) {
            assertEquals(0.0, f.get());
        }
        pool.shutdown();
        assertEquals(800.0, w.getValue().getDouble(0));
    }
}
