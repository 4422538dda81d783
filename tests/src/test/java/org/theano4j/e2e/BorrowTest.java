package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.tensor.NDArray;

/**
 * A value handed out with {@code getValue(true)} is never written again, whatever updates run
 * concurrently and however many other threads borrow at the same time: each borrowed array
 * stays whole (all elements equal) and unchanged for as long as its borrower keeps it.
 */
class BorrowTest {
    @Test
    void borrowedValuesStayWholeAndUnchangedUnderConcurrentUpdatesAndBorrowers() throws Exception {
        int n = 2048;
        SharedVariable w = Theano.shared(new double[n], "w");
        Function step = Theano.function(List.of(), T.sum(w), Theano.options().update(w, w.add(1)));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<?> writer = pool.submit(() -> {
            for (int i = 0; i < 3_000; i++) {
                step.call();
            }
            stop.set(true);
        });
        List<Future<String>> borrowers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            borrowers.add(pool.submit(() -> borrowUntil(w, stop)));
        }
        writer.get();
        for (Future<String> b : borrowers) {
            assertEquals("", b.get());
        }
        pool.shutdown();
        assertEquals(3_000.0, w.getValue().getDouble(n - 1));
    }

    /** Borrows repeatedly, keeping the last few arrays; returns a description of the first torn or changed one. */
    private static String borrowUntil(SharedVariable w, AtomicBoolean stop) {
        NDArray[] kept = new NDArray[4];
        double[] keptValue = new double[4];
        for (int i = 0; !stop.get(); i++) {
            NDArray v = w.getValue(true);
            double first = v.getDouble(0);
            if (v.getDouble(v.size() - 1) != first) {
                return "borrowed array half-written: " + first + " vs " + v.getDouble(v.size() - 1);
            }
            int slot = i % kept.length;
            if (kept[slot] != null) {
                for (long k = 0; k < kept[slot].size(); k++) {
                    if (kept[slot].getDouble(k) != keptValue[slot]) {
                        return "borrowed array overwritten: held " + keptValue[slot] + ", now " + kept[slot].getDouble(k);
                    }
                }
            }
            kept[slot] = v;
            keptValue[slot] = first;
        }
        return "";
    }
}
