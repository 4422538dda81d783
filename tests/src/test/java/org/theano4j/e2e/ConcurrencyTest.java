package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Functions called from 8 threads: no lost updates, no torn reads, correct results. */
class ConcurrencyTest {
    @Test
    void accumulatorLosesNoIncrementAcrossEightThreads() throws Exception {
        SharedVariable state = Theano.shared(0);
        Variable inc = T.iscalar("inc");
        Function acc = Theano.function(List.of(inc), state, Theano.options().update(state, state.add(inc)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    acc.call(1);
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(4000, state.getValue().getLong());
    }

    @Test
    void readersNeverSeeHalfAnUpdate() throws Exception {
        SharedVariable a = Theano.shared(new double[] {0, 0, 0}, "a");
        SharedVariable b = Theano.shared(new double[] {0, 0, 0}, "b");
        Function step = Theano.function(List.of(), a.sum(), Theano.options().update(a, a.add(1)).update(b, b.add(1)));
        Function diff = Theano.function(List.of(), T.sub(a, b).abs().sum());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Double>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final boolean writer = t % 2 == 0;
            fs.add(pool.submit(() -> {
                double worst = 0;
                for (int i = 0; i < 300; i++) {
                    if (writer) {
                        step.call();
                    } else {
                        worst = Math.max(worst, diff.call().item());
                    }
                }
                return worst;
            }));
        }
        for (Future<Double> f : fs) {
            assertEquals(0.0, f.get());
        }
        pool.shutdown();
        assertEquals(1200.0, a.getValue().getDouble(0));
    }

    @Test
    void pureFunctionGivesRightAnswersUnderContention() throws Exception {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.mul(x, 2).add(1).sum());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int n = 10 + t * 37;
            fs.add(pool.submit(() -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i;
                }
                double want = (double) n * (n - 1) + n;
                for (int i = 0; i < 200; i++) {
                    NDArray r = f.call(v);
                    if (r.item() != want) {
                        return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> fb : fs) {
            assertEquals(true, fb.get());
        }
        pool.shutdown();
    }
}
