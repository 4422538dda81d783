package org.theano4j.examples;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.NDArray;

/**
 * What a fresh JVM pays before the seed's training loop runs at full speed: JVM start to main,
 * building and compiling the train function, the first call, and the mean time of calls 2-100,
 * 101-1000 and 1001-3000. Run it plain and with a JDK 25 AOT cache (README, "Cold start").
 */
public final class ColdStart {
    private ColdStart() {
    }

    /** Prints one line per phase, in milliseconds or microseconds. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        long atMain = System.currentTimeMillis();
        RandomState rng = new RandomState(42);
        NDArray dx = NDArray.of(rng.randn(400, 784)).reshape(400, 784);
        NDArray dy = NDArray.of(rng.randint(0, 2, 400));
        Variable x = T.dmatrix("x");
        Variable y = T.dvector("y");
        SharedVariable w = Theano.shared(rng.randn(784), "w");
        SharedVariable b = Theano.shared(0.0, "b");
        Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
        Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1))));
        Variable cost = T.add(xent.mean(), T.mul(0.01, w.pow(2).sum()));
        List<Variable> g = T.grad(cost, List.of(w, b));
        Function train = Theano.function(List.of(x, y), List.of(T.gt(p1, 0.5), xent),
                Theano.options().update(w, w.sub(T.mul(0.1, g.get(0)))).update(b, b.sub(T.mul(0.1, g.get(1)))));
        long t1 = System.nanoTime();
        train.callAll(dx, dy);
        long t2 = System.nanoTime();
        double[] phase = new double[3];
        int[] ends = {100, 1000, 3000};
        int start = 1;
        for (int p = 0; p < 3; p++) {
            long s = System.nanoTime();
            for (int i = start; i < ends[p]; i++) {
                train.callAll(dx, dy);
            }
            phase[p] = (System.nanoTime() - s) / 1e3 / (ends[p] - start);
            start = ends[p];
        }
        // read after the timed phases: loading the management classes costs a fresh JVM 5-15 ms
        double toMain = atMain - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("jvm start to main %.0f ms%n", toMain);
        System.out.printf("build + compile train %.1f ms%n", (t1 - t0) / 1e6);
        System.out.printf("first call %.1f ms%n", (t2 - t1) / 1e6);
        System.out.printf("calls 2-100 %.0f us/call, 101-1000 %.0f us/call, 1001-3000 %.0f us/call%n", phase[0], phase[1], phase[2]);
    }
}
