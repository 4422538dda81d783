package org.theano4j.cpu;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.Flags;
import org.theano4j.tensor.NDArray;

/**
 * Warms the CPU kernels up in the background when the backend loads (flag {@code cpu.warmup}). Vector API code runs 10-1000x slower until C2 has compiled it, which a user's first
 * steps would otherwise pay: a daemon thread of low priority compiles a few small models through
 * the public API (a logistic regression and a two-layer softmax MLP with their gradients, in
 * float64 and float32: GEMM, GEMV, fused elementwise, reductions, softmax, crossentropy, argmax)
 * and calls each of them until the hot loops are compiled, then ends. It touches only values of
 * its own, so what the user's functions compute does not change; only how soon they run fast.
 */
final class Warmup {
    private static final System.Logger LOG = System.getLogger("org.theano4j.backend");
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Calls of each model: enough for the kernels' loops to pass C2's thresholds. */
    static final int CALLS = 400;

    private Warmup() {
    }

    /** Starts the warm-up thread once per JVM when the flag allows; returns it, or null. */
    static Thread startOnce() {
        if (!Flags.getBoolean("cpu.warmup") || !STARTED.compareAndSet(false, true)) {
            return null;
        }
        Thread t = Thread.ofPlatform().daemon().name("theano4j-warmup").priority(Thread.MIN_PRIORITY)
                .unstarted(Warmup::runQuietly);
        t.start();
        return t;
    }

    private static void runQuietly() {
        long t0 = System.nanoTime();
        try {
            run(CALLS);
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("theano4j vector-cpu: kernels warmed up in %.0f ms",
                    (System.nanoTime() - t0) / 1e6));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "theano4j vector-cpu: warm-up stopped", e);
        }
    }

    /** Compiles the warm-up models in both float dtypes and calls each {@code calls} times. */
    static void run(int calls) {
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            Function logreg = logisticRegression(dtype);
            Function mlp = mlp(dtype);
            NDArray x = data(dtype, 40, 48);
            NDArray y01 = NDArray.of(labels(40, 2)).astype(dtype);
            NDArray y = NDArray.of(labels(40, 5));
            for (int i = 0; i < calls; i++) {
                logreg.callAll(x, y01);
                mlp.callAll(x, y);
            }
        }
    }

    private static Function logisticRegression(DType dtype) {
        SharedVariable w = Theano.shared(data(dtype, 48), "warmup.w");
        SharedVariable b = Theano.shared(NDArray.zeros(dtype), "warmup.b");
        Variable x = T.matrix("x", dtype);
        Variable y = T.vector("y", dtype);
        Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
        Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1))));
        Variable cost = T.add(T.mean(xent), T.mul(0.01, T.sum(T.pow(w, 2))));
        List<Variable> g = T.grad(cost, List.of(w, b));
        FunctionOptions opts = options().update(w, T.sub(w, T.mul(0.1, g.get(0)))).update(b, T.sub(b, T.mul(0.1, g.get(1))));
        return Theano.function(List.of(x, y), List.of(T.gt(p1, 0.5), xent), opts);
    }

    private static Function mlp(DType dtype) {
        SharedVariable w1 = Theano.shared(data(dtype, 48, 40), "warmup.W1");
        SharedVariable b1 = Theano.shared(NDArray.zeros(dtype, 40), "warmup.b1");
        SharedVariable w2 = Theano.shared(data(dtype, 40, 5), "warmup.W2");
        Variable x = T.matrix("x", dtype);
        Variable y = T.lvector("y");
        Variable h = T.tanh(T.add(T.dot(x, w1), b1));
        Variable p = T.softmax(T.dot(h, w2));
        Variable cost = T.mean(T.categoricalCrossentropy(p, y));
        List<SharedVariable> params = List.of(w1, b1, w2);
        List<Variable> grads = T.grad(cost, params);
        FunctionOptions opts = options();
        for (int i = 0; i < params.size(); i++) {
            opts = opts.update(params.get(i), T.sub(params.get(i), T.mul(grads.get(i), 0.01)));
        }
        return Theano.function(List.of(x, y), List.of(cost, T.argmax(p, 1)), opts);
    }

    private static FunctionOptions options() {
        return Theano.options().device("cpu").mode("FAST_RUN").name("theano4j-warmup");
    }

    /** Values in [-0.5, 0.5) of a fixed sequence, shaped {@code shape}. */
    private static NDArray data(DType dtype, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 0x9E3779B1L) & 0xFFFF) / 65536.0 - 0.5;
        }
        return NDArray.of(v).reshape(shape).astype(dtype);
    }

    private static long[] labels(int n, int classes) {
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7L + 3) % classes;
        }
        return y;
    }
}
