package org.theano4j.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.backend.Kernel;
import org.theano4j.op.Elementary;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Softmax, LogSoftmax and SoftmaxGrad row by row along the last axis, float64 and float32 (both
 * computed in double lanes, as the reference does). Each row is read into a per-thread buffer;
 * max, {@code x - max}, exp, division and products run in Vector API lanes, and each row sum is
 * taken left to right like the reference's; exp is {@link Elementary#exp}'s, lane by lane
 * ({@link VectorMath}). So all three equal the reference bit for bit. Large inputs split rows over
 * the pool.
 */
final class SoftmaxKernels implements Kernel {
    private static final VectorSpecies<Double> D = Species.D;
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[][] {
        new double[64], new double[64]});

    /** Which op of the family. */
    enum Kind {
        /** {@code exp(x - max) / sum}. */
        SOFTMAX,
        /** {@code x - max - log(sum)}. */
        LOG_SOFTMAX,
        /** {@code (dy - sum(dy * sm)) * sm}. */
        GRAD
    }

    private final Kind kind;

    private SoftmaxKernels(Kind kind) {
        this.kind = kind;
    }

    /** A kernel for float inputs, or null. */
    static Kernel of(Kind kind, DType dtype) {
        return dtype.isFloat() ? new SoftmaxKernels(kind) : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray main = kind == Kind.GRAD ? in[1] : in[0];
        Rows x = new Rows(main);
        Rows dy = kind == Kind.GRAD ? new Rows(in[0].broadcastTo(main.shape())) : null;
        Rows o = new Rows(out[0]);
        int n = x.bufferLength(switch (kind) {
            case SOFTMAX -> "Softmax";
            case LOG_SOFTMAX -> "LogSoftmax";
            case GRAD -> "SoftmaxGrad";
        });
        if (n == 0) {
            return;
        }
        Rows.split(x.count(), n, (from, to) -> range(x, dy, o, n, from, to));
    }

    private void range(Rows x, Rows dy, Rows o, int n, long from, long to) {
        double[] a = Rows.buffer(BUFFERS, 0, n);
        double[] b = Rows.buffer(BUFFERS, 1, n);
        for (long r = from; r < to; r++) {
            x.load(r, a);
            switch (kind) {
                case SOFTMAX -> {
                    double s = expShifted(a, b, n, rowMax(a, n));
                    divide(b, n, s);
                    o.store(r, b);
                }
                case LOG_SOFTMAX -> {
                    double m = rowMax(a, n);
                    double s = expShifted(a, b, n, m);
                    subtract(a, n, m + Math.log(s));
                    o.store(r, a);
                }
                case GRAD -> {
                    dy.load(r, b);
                    grad(b, a, n);
                    o.store(r, b);
                }
            }
        }
    }

    /** The reference's row maximum: NaN propagates, an infinite maximum becomes 0. */
    private static double rowMax(double[] a, int n) {
        double m = ReduceKernel.extreme(a, n, true);
        return Double.isInfinite(m) ? 0 : m;
    }

    /** {@code e[i] = exp(a[i] - m)}; returns the left-to-right sum of e. */
    private static double expShifted(double[] a, double[] e, int n, double m) {
        int i = 0;
        if (Species.vector()) {
            DoubleVector mv = DoubleVector.broadcast(D, m);
            for (int bound = D.loopBound(n); i < bound; i += D.length()) {
                VectorMath.exp(DoubleVector.fromArray(D, a, i).sub(mv)).intoArray(e, i);
            }
        }
        for (; i < n; i++) {
            e[i] = Elementary.exp(a[i] - m);
        }
        return sum(e, n);
    }

    /** Left to right, as the reference adds. */
    private static double sum(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }

    private static void divide(double[] v, int n, double s) {
        int i = 0;
        if (Species.vector()) {
            for (int bound = D.loopBound(n); i < bound; i += D.length()) {
                DoubleVector.fromArray(D, v, i).div(s).intoArray(v, i);
            }
        }
        for (; i < n; i++) {
            v[i] /= s;
        }
    }

    private static void subtract(double[] v, int n, double s) {
        int i = 0;
        if (Species.vector()) {
            for (int bound = D.loopBound(n); i < bound; i += D.length()) {
                DoubleVector.fromArray(D, v, i).sub(s).intoArray(v, i);
            }
        }
        for (; i < n; i++) {
            v[i] -= s;
        }
    }

    /** {@code g[i] = (g[i] - sum(g * sm)) * sm[i]}, the products rounded before the left-to-right sum. */
    private static void grad(double[] g, double[] sm, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += g[i] * sm[i];
        }
        int i = 0;
        if (Species.vector()) {
            for (int bound = D.loopBound(n); i < bound; i += D.length()) {
                DoubleVector.fromArray(D, g, i).sub(s).mul(DoubleVector.fromArray(D, sm, i)).intoArray(g, i);
            }
        }
        for (; i < n; i++) {
            g[i] = (g[i] - s) * sm[i];
        }
    }
}
