package org.theano4j.op.nnet;

/**
 * The pooling loops over one plane (a C-ordered {@code rows x cols} block of doubles at an
 * offset), shared by the reference evaluation and the CPU backend, which runs them on many
 * planes at once. Max starts from a window's first element and keeps any larger one, as Theano's
 * C code does; the gradients of max go to every element equal to the window's maximum.
 */
public final class PoolLoops {
    private PoolLoops() {
    }

    /** The windows of one pooling over planes of {@code rows x cols}. */
    public record Windows(PoolParams.Mode mode, PoolAxis r, PoolAxis c) {
        /** The windows of {@code p} for planes of the given size. */
        public static Windows of(PoolParams p, long rows, long cols) {
            return new Windows(p.mode(), p.rows(rows), p.cols(cols));
        }

        /** Elements of an input plane. */
        public int inPlane() {
            return r.in() * c.in();
        }

        /** Elements of an output plane. */
        public int outPlane() {
            return r.out() * c.out();
        }

        /** Output rows. */
        public int outRows() {
            return r.out();
        }

        /** Output columns. */
        public int outCols() {
            return c.out();
        }
    }

    /** {@code z[zo..]} = the pooling of plane {@code x[xo..]}. */
    public static void forward(Windows w, double[] x, int xo, double[] z, int zo) {
        int cols = w.c.in();
        for (int i = 0; i < w.r.out(); i++) {
            for (int j = 0; j < w.c.out(); j++) {
                double acc = w.mode == PoolParams.Mode.MAX ? x[xo + w.r.lo()[i] * cols + w.c.lo()[j]] : 0;
                for (int y = w.r.lo()[i]; y < w.r.hi()[i]; y++) {
                    int row = xo + y * cols;
                    for (int v = w.c.lo()[j]; v < w.c.hi()[j]; v++) {
                        double a = x[row + v];
                        acc = w.mode == PoolParams.Mode.MAX ? (a > acc ? a : acc) : acc + a;
                    }
                }
                z[zo + i * w.c.out() + j] = scale(w, i, j, acc);
            }
        }
    }

    private static double scale(Windows w, int i, int j, double acc) {
        return switch (w.mode) {
            case MAX, SUM -> acc;
            case AVERAGE_INC_PAD, AVERAGE_EXC_PAD -> acc / ((double) w.r.count()[i] * w.c.count()[j]);
        };
    }

    /** Theano's MaxPoolGrad: {@code gx[xo..]} (zeroed here) gets {@code gz} at each window's maximum positions. */
    public static void maxGrad(Windows w, double[] x, double[] z, double[] gz, int xo, int zo, double[] gx) {
        java.util.Arrays.fill(gx, xo, xo + w.inPlane(), 0);
        int cols = w.c.in();
        for (int i = 0; i < w.r.out(); i++) {
            for (int j = 0; j < w.c.out(); j++) {
                double m = z[zo + i * w.c.out() + j];
                double g = gz[zo + i * w.c.out() + j];
                for (int y = w.r.lo()[i]; y < w.r.hi()[i]; y++) {
                    for (int v = w.c.lo()[j]; v < w.c.hi()[j]; v++) {
                        int p = xo + y * cols + v;
                        if (x[p] == m) {
                            gx[p] += g;
                        }
                    }
                }
            }
        }
    }

    /** Theano's DownsampleFactorMaxGradGrad: {@code ggz[zo..]} = the sum of {@code ggx} over each window's maximum positions. */
    public static void maxGradGrad(Windows w, double[] x, double[] z, double[] ggx, int xo, int zo, double[] ggz) {
        int cols = w.c.in();
        for (int i = 0; i < w.r.out(); i++) {
            for (int j = 0; j < w.c.out(); j++) {
                double m = z[zo + i * w.c.out() + j];
                double s = 0;
                for (int y = w.r.lo()[i]; y < w.r.hi()[i]; y++) {
                    for (int v = w.c.lo()[j]; v < w.c.hi()[j]; v++) {
                        int p = xo + y * cols + v;
                        if (x[p] == m) {
                            s += ggx[p];
                        }
                    }
                }
                ggz[zo + i * w.c.out() + j] = s;
            }
        }
    }

    /** Theano's AveragePoolGrad (sum and both averages): {@code gx[xo..]} (zeroed here) gets each window's share of {@code gz}. */
    public static void averageGrad(Windows w, double[] gz, int xo, int zo, double[] gx) {
        java.util.Arrays.fill(gx, xo, xo + w.inPlane(), 0);
        int cols = w.c.in();
        for (int i = 0; i < w.r.out(); i++) {
            for (int j = 0; j < w.c.out(); j++) {
                double g = scale(w, i, j, gz[zo + i * w.c.out() + j]);
                for (int y = w.r.lo()[i]; y < w.r.hi()[i]; y++) {
                    int row = xo + y * cols;
                    for (int v = w.c.lo()[j]; v < w.c.hi()[j]; v++) {
                        gx[row + v] += g;
                    }
                }
            }
        }
    }
}
