package org.theano4j.bench;

import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.cpu.Parallel;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code T.nnet.conv2d} forward and {@code conv2d_grad_wrt_weights}, float64, on the CPU backend (im2col + packed GEMM) against a
 * direct loop (per output row: broadcast-FMA of each filter tap over the row in Vector API lanes,
 * images split over the same worker team; for the filter gradient a dot product of each output
 * gradient row with the shifted input row, filters split over the team), on LeNet5's two layers and a 3x3 'half' layer. Prints
 * the median of 7 timed rounds of each (after at least 100 calls and 3 s of warm-up: on a busy machine C2 needs ~50 calls) and GFLOP/s (2 * flops of the multiply-adds).
 * Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.theano4j.bench.ConvBench}
 * (argument {@code gradWeights}: the filter-gradient rows only).
 */
public final class ConvBench {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private ConvBench() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) {
        long[][] shapes = {
            {64, 1, 28, 28, 20, 5, 0},   // LeNet5 layer 0 (batch 64)
            {64, 20, 12, 12, 50, 5, 0},  // LeNet5 layer 1
            {16, 32, 32, 32, 32, 3, 1},  // 3x3 'half', 32 channels
        };
        System.out.printf("%-28s %12s %12s %10s %10s%n", "shape (b,c,h,w,k,f,half)", "im2col ms", "direct ms", "im2col GF", "direct GF");
        boolean gradOnly = args.length > 0 && args[0].equals("gradWeights");
        for (long[] s : shapes) {
            if (!gradOnly) {
                run(s);
            }
        }
        System.out.printf("%n%-28s %12s %12s %10s %10s%n", "gradWeights (b,c,h,w,k,f,half)", "im2col ms", "direct ms",
                "im2col GF", "direct GF");
        for (long[] s : shapes) {
            runGradWeights(s);
        }
        runGradWeights(new long[] {128, 16, 8, 8, 32, 3, 1});   // small images: one product per image would be 64 deep
    }

    /** {@code conv2d_grad_wrt_weights} on the CPU backend against {@link #directGradWeights}. */
    private static void runGradWeights(long[] s) {
        int b = (int) s[0];
        int c = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        int k = (int) s[4];
        int f = (int) s[5];
        int pad = s[6] == 1 ? f / 2 : 0;
        int oh = h + 2 * pad - f + 1;
        int ow = w + 2 * pad - f + 1;
        RandomState rs = new RandomState(11);
        double[] x = rs.uniform(-1, 1, b, c, h, w);
        double[] top = rs.uniform(-1, 1, b, k, oh, ow);
        Variable xv = T.dtensor4("x");
        Variable tv = T.dtensor4("top");
        Function gw = Theano.function(List.of(xv, tv), T.nnet.conv2dGradWrtWeights(xv, tv, new long[] {k, c, f, f},
                org.theano4j.ConvOptions.defaults().borderMode(pad).filterFlip(false)));
        NDArray xa = NDArray.of(x).reshape(b, c, h, w);
        NDArray ta = NDArray.of(top).reshape(b, k, oh, ow);
        double[] direct = new double[k * c * f * f];
        double[] viaGemm = gw.call(xa, ta).toDoubleArray();
        directGradWeights(x, top, direct, b, c, h, w, k, f, pad);
        double maxErr = 0;
        for (int i = 0; i < direct.length; i++) {
            maxErr = Math.max(maxErr, Math.abs(direct[i] - viaGemm[i]));
        }
        double im2col = median(() -> gw.call(xa, ta));
        double loop = median(() -> directGradWeights(x, top, direct, b, c, h, w, k, f, pad));
        double flops = 2.0 * b * k * oh * ow * c * f * f;
        System.out.printf("%-28s %12.3f %12.3f %10.1f %10.1f   (max |diff| %.1e)%n", Arrays.toString(s), im2col * 1e3,
                loop * 1e3, flops / im2col / 1e9, flops / loop / 1e9, maxErr);
    }

    /**
     * {@code dW[k, c, u, v] = sum_{n, i, j} top[n, k, i, j] x[n, c, i + u - pad, j + v - pad]} (unit stride and
     * dilation): a Vector API dot product of each top row with the shifted input row, filters split over the team.
     */
    static void directGradWeights(double[] x, double[] top, double[] dw, int b, int c, int h, int w, int k, int f,
            int pad) {
        int oh = h + 2 * pad - f + 1;
        int ow = w + 2 * pad - f + 1;
        int tasks = Parallel.tasksFor(k, 1);
        int step = (k + tasks - 1) / tasks;
        Parallel.run(tasks, t -> {
            for (int kk = t * step; kk < Math.min(k, (t + 1) * step); kk++) {
                for (int cc = 0; cc < c; cc++) {
                    for (int u = 0; u < f; u++) {
                        for (int v = 0; v < f; v++) {
                            dw[((kk * c + cc) * f + u) * f + v] = tap(x, top, b, c, h, w, k, kk, cc, u, v, pad, oh, ow);
                        }
                    }
                }
            }
        });
    }

    private static double tap(double[] x, double[] top, int b, int c, int h, int w, int k, int kk, int cc, int u, int v,
            int pad, int oh, int ow) {
        int j0 = Math.max(0, pad - v);
        int j1 = Math.min(ow, w + pad - v);
        DoubleVector acc = DoubleVector.zero(S);
        double tail = 0;
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < oh; i++) {
                int y = i + u - pad;
                if (y < 0 || y >= h || j1 <= j0) {
                    continue;
                }
                int tRow = ((n * k + kk) * oh + i) * ow;
                int xRow = ((n * c + cc) * h + y) * w + v - pad;
                int j = j0;
                for (int bound = j0 + S.loopBound(j1 - j0); j < bound; j += S.length()) {
                    acc = DoubleVector.fromArray(S, top, tRow + j).fma(DoubleVector.fromArray(S, x, xRow + j), acc);
                }
                for (; j < j1; j++) {
                    tail += top[tRow + j] * x[xRow + j];
                }
            }
        }
        return acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD) + tail;
    }

    private static void run(long[] s) {
        int b = (int) s[0];
        int c = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        int k = (int) s[4];
        int f = (int) s[5];
        int pad = s[6] == 1 ? f / 2 : 0;
        RandomState rs = new RandomState(7);
        double[] x = rs.uniform(-1, 1, b, c, h, w);
        double[] wt = rs.uniform(-1, 1, k, c, f, f);
        Variable xv = T.dtensor4("x");
        Variable wv = T.dtensor4("w");
        Function conv = Theano.function(List.of(xv, wv), T.nnet.conv2d(xv, wv,
                org.theano4j.ConvOptions.defaults().borderMode(pad).filterFlip(false)));
        NDArray xa = NDArray.of(x).reshape(b, c, h, w);
        NDArray wa = NDArray.of(wt).reshape(k, c, f, f);
        int oh = h + 2 * pad - f + 1;
        int ow = w + 2 * pad - f + 1;
        double[] direct = new double[b * k * oh * ow];
        double[] viaGemm = conv.call(xa, wa).toDoubleArray();
        directConv(x, wt, direct, b, c, h, w, k, f, pad);
        double maxErr = 0;
        for (int i = 0; i < direct.length; i++) {
            maxErr = Math.max(maxErr, Math.abs(direct[i] - viaGemm[i]));
        }
        double im2col = median(() -> conv.call(xa, wa));
        double loop = median(() -> directConv(x, wt, direct, b, c, h, w, k, f, pad));
        double flops = 2.0 * b * k * oh * ow * c * f * f;
        System.out.printf("%-28s %12.3f %12.3f %10.1f %10.1f   (max |diff| %.1e)%n", Arrays.toString(s), im2col * 1e3,
                loop * 1e3, flops / im2col / 1e9, flops / loop / 1e9, maxErr);
    }

    private static double median(Runnable r) {
        long warm = System.nanoTime();
        for (int i = 0; i < 100 || System.nanoTime() - warm < 3_000_000_000L; i++) {
            r.run();   // long enough for C2 to compile the loops (a few calls run interpreted)
        }
        double[] t = new double[7];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            int reps = 0;
            do {
                r.run();
                reps++;
            } while (System.nanoTime() - t0 < 100_000_000L);
            t[i] = (System.nanoTime() - t0) / 1e9 / reps;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** Correlation with unit stride and dilation, zero padding {@code pad}, images split over the team. */
    static void directConv(double[] x, double[] wt, double[] out, int b, int c, int h, int w, int k, int f, int pad) {
        int oh = h + 2 * pad - f + 1;
        int ow = w + 2 * pad - f + 1;
        int tasks = Parallel.tasksFor(b, 1);
        int step = (b + tasks - 1) / tasks;
        Parallel.run(tasks, t -> {
            for (int n = t * step; n < Math.min(b, (t + 1) * step); n++) {
                image(x, wt, out, n, c, h, w, k, f, pad, oh, ow);
            }
        });
    }

    private static void image(double[] x, double[] wt, double[] out, int n, int c, int h, int w, int k, int f, int pad,
            int oh, int ow) {
        for (int kk = 0; kk < k; kk++) {
            for (int i = 0; i < oh; i++) {
                int o = ((n * k + kk) * oh + i) * ow;
                Arrays.fill(out, o, o + ow, 0);
                for (int cc = 0; cc < c; cc++) {
                    for (int u = 0; u < f; u++) {
                        int y = i + u - pad;
                        if (y < 0 || y >= h) {
                            continue;
                        }
                        int row = ((n * c + cc) * h + y) * w;
                        for (int v = 0; v < f; v++) {
                            double tap = wt[((kk * c + cc) * f + u) * f + v];
                            int j0 = Math.max(0, pad - v);
                            int j1 = Math.min(ow, w + pad - v);
                            axpy(tap, x, row + v - pad, out, o, j0, j1);
                        }
                    }
                }
            }
        }
    }

    /** {@code out[o + j] += a * x[src + j]} for {@code j0 <= j < j1}. */
    private static void axpy(double a, double[] x, int src, double[] out, int o, int j0, int j1) {
        int j = j0;
        DoubleVector av = DoubleVector.broadcast(S, a);
        for (int bound = j0 + S.loopBound(j1 - j0); j < bound; j += S.length()) {
            DoubleVector.fromArray(S, x, src + j).fma(av, DoubleVector.fromArray(S, out, o + j)).intoArray(out, o + j);
        }
        for (; j < j1; j++) {
            out[o + j] += a * x[src + j];
        }
    }
}
