package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Op;
import org.theano4j.op.nnet.AbstractConv2d;
import org.theano4j.op.nnet.AbstractConv2dGradInputs;
import org.theano4j.op.nnet.AbstractConv2dGradWeights;
import org.theano4j.op.nnet.ConvGeometry;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The convolution and its two gradients as matrix products over patch matrices ({@link Im2col}),
 * Theano's CorrMM scheme on the packed {@link Dgemm}/{@link Sgemm}: per image,
 * {@code out = W col} and {@code dcol = W^T top} scattered back, and {@code dW = top col^T} over
 * runs of images side by side (one deep product instead of one per image)
 * ({@code W} is the {@code filters x channels*fh*fw} filter matrix, flipped when the op flips).
 * Batches of several images split over the team image by image (each thread its own patch
 * matrix; the products inside then run on that thread); a single image lets the GEMM split.
 */
final class ConvKernels {
    /** Which op. */
    enum Kind { FORWARD, GRAD_WEIGHTS, GRAD_INPUTS }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * The depth (images times output positions) that one product of the filter gradient gathers
     * images up to: 4 of Dgemm's KC slabs, enough that packing and the passes over C stop showing;
     * deeper, the patch matrices fall out of cache (ConvBench, benchmarks/README.md).
     */
    static final long BATCH_DEPTH = 2048;

    /** The most patch-matrix elements one product of the filter gradient covers (8 MiB of float64 per thread). */
    static final long BATCH_ELEMENTS = 1L << 20;

    private ConvKernels() {
    }

    /** The kernel for a convolution op over float inputs, or null. */
    static Kernel of(Kind kind, DType dtype, Op op) {
        if (!dtype.isFloat()) {
            return null;
        }
        return (in, out) -> {
            NDArray a = in[0].isCContiguous() ? in[0] : in[0].copy();
            NDArray b = in[1].isCContiguous() ? in[1] : in[1].copy();
            Object[] args = kind == Kind.FORWARD ? new Object[] {a, b} : new Object[] {a, b, in[2]};
            switch (kind) {
                case FORWARD -> forward(((AbstractConv2d) op).geometry(args), a, b, out[0]);
                case GRAD_WEIGHTS -> gradWeights(((AbstractConv2dGradWeights) op).geometry(args), a, b, out[0]);
                case GRAD_INPUTS -> gradInputs(((AbstractConv2dGradInputs) op).geometry(args), a, b, out[0]);
            }
        };
    }

    /** {@code out[b] = W col(x[b])} for every image. */
    static void forward(ConvGeometry g, NDArray x, NDArray w, NDArray out) {
        boolean f32 = x.dtype() == DType.FLOAT32;
        NDArray wm = filterMatrix(g, w);
        long ohw = g.outH() * g.outW();
        eachImage(g, (b, s) -> {
            NDArray col = s.matrix(0, f32, g.patch(), ohw);
            Im2col.gather(g, x.segment(), x.offset(), b, col.segment(), f32);
            multiply(wm, col, out.index(0, b).reshape(g.filters(), ohw), f32);
        });
    }

    /**
     * {@code dW = sum_b top[b] col(x[b])^T} as one product per run of images: each thread takes a
     * range of images and, {@link #BATCH_DEPTH} columns at a time (at most {@link #BATCH_ELEMENTS}
     * patch elements, at least one image), lays their patch
     * matrices side by side ({@code patch x n*outH*outW}) and their output gradients likewise
     * ({@code filters x n*outH*outW}), so that one GEMM sums over the images and positions; the
     * products are summed in double, per thread then in thread order, and unflipped into {@code out}.
     */
    static void gradWeights(ConvGeometry g, NDArray x, NDArray top, NDArray out) {
        boolean f32 = x.dtype() == DType.FLOAT32;
        long ohw = g.outH() * g.outW();
        int size = Math.toIntExact(g.filters() * g.patch());
        int tasks = tasks(g);
        double[][] partial = new double[tasks][];
        long step = (g.batch() + tasks - 1) / tasks;
        long run = Math.max(1, Math.min(Math.ceilDiv(BATCH_DEPTH, Math.max(1, ohw)), BATCH_ELEMENTS / Math.max(1, g.patch() * ohw)));
        Parallel.run(tasks, t -> {
            double[] acc = new double[size];
            Scratch s = SCRATCH.get();
            long end = Math.min(g.batch(), (t + 1) * step);
            for (long b0 = t * step; b0 < end; b0 += run) {
                long n = Math.min(run, end - b0);
                NDArray col = s.matrix(0, f32, g.patch(), n * ohw);
                for (long b = 0; b < n; b++) {
                    Im2col.gather(g, x.segment(), x.offset(), b0 + b, col.segment(), b * ohw, n * ohw, f32);
                }
                NDArray prod = s.matrix(1, f32, g.filters(), g.patch());
                multiply(tops(g, top, b0, n, s, f32), col.transpose(1, 0), prod, f32);
                addInto(prod, acc);
            }
            partial[t] = acc;
        });
        for (int t = 1; t < tasks; t++) {
            for (int i = 0; i < size; i++) {
                partial[0][i] += partial[t][i];
            }
        }
        writeFilters(g, partial[0], out);
    }

    /** Images {@code [b0, b0 + n)} of the output gradient side by side: {@code filters x n*outH*outW} (a view for one image). */
    private static NDArray tops(ConvGeometry g, NDArray top, long b0, long n, Scratch s, boolean f32) {
        long ohw = g.outH() * g.outW();
        if (n == 1) {
            return top.index(0, b0).reshape(g.filters(), ohw);
        }
        NDArray m = s.matrix(2, f32, g.filters(), n * ohw);
        long es = f32 ? 4 : 8;
        for (long b = 0; b < n; b++) {
            for (long k = 0; k < g.filters(); k++) {
                MemorySegment.copy(top.segment(), (top.offset() + ((b0 + b) * g.filters() + k) * ohw) * es, m.segment(),
                        (k * n + b) * ohw * es, ohw * es);
            }
        }
        return m;
    }

    /** {@code dx[b] = scatter(W^T top[b])} for every image. */
    static void gradInputs(ConvGeometry g, NDArray w, NDArray top, NDArray out) {
        boolean f32 = w.dtype() == DType.FLOAT32;
        NDArray wt = filterMatrix(g, w).transpose(1, 0);
        long ohw = g.outH() * g.outW();
        int image = Math.toIntExact(g.channels() * g.height() * g.width());
        eachImage(g, (b, s) -> {
            NDArray dcol = s.matrix(0, f32, g.patch(), ohw);
            multiply(wt, top.index(0, b).reshape(g.filters(), ohw), dcol, f32);
            double[] acc = s.doubles(image);
            java.util.Arrays.fill(acc, 0, image, 0);
            Im2col.scatter(g, dcol.segment(), f32, acc);
            NDArray dst = out.index(0, b);
            for (int p = 0; p < image; p++) {
                dst.writeDouble(dst.offset() + p, acc[p]);
            }
        });
    }

    /** Work on one image with this thread's scratch. */
    @FunctionalInterface
    private interface ImageBody {
        void run(long b, Scratch s);
    }

    private static void eachImage(ConvGeometry g, ImageBody body) {
        int tasks = tasks(g);
        long step = (g.batch() + tasks - 1) / tasks;
        Parallel.run(tasks, t -> {
            Scratch s = SCRATCH.get();
            for (long b = t * step; b < Math.min(g.batch(), (t + 1) * step); b++) {
                body.run(b, s);
            }
        });
    }

    /** Images split over threads when there are several and each carries enough work. */
    private static int tasks(ConvGeometry g) {
        double flops = 2.0 * g.filters() * g.patch() * g.outH() * g.outW();
        return g.batch() < 2 || flops * g.batch() < 2e6 ? 1 : Parallel.tasksFor(g.batch(), 1);
    }

    private static void multiply(NDArray a, NDArray b, NDArray c, boolean f32) {
        if (f32) {
            Sgemm.multiply(a, b, c);
        } else {
            Dgemm.multiply(a, b, c);
        }
    }

    /** The C-ordered {@code filters x (c, u, v)} matrix, read flipped when the op flips. */
    private static NDArray filterMatrix(ConvGeometry g, NDArray w) {
        if (!g.flip()) {
            return w.reshape(g.filters(), g.patch());
        }
        NDArray m = NDArray.empty(w.dtype(), g.filters(), g.patch());
        long pos = 0;
        for (long k = 0; k < g.filters(); k++) {
            for (long c = 0; c < g.channels(); c++) {
                for (long u = 0; u < g.fh(); u++) {
                    for (long v = 0; v < g.fw(); v++) {
                        long src = w.offset() + ((k * g.channels() + c) * g.fh() + g.tapRow(u)) * g.fw() + g.tapCol(v);
                        m.writeDouble(pos++, w.readDouble(src));
                    }
                }
            }
        }
        return m;
    }

    private static void addInto(NDArray prod, double[] acc) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += prod.readDouble(i);
        }
    }

    /** {@code out[k, c, tap(u), tap(v)] = acc[k, (c, u, v)]}. */
    private static void writeFilters(ConvGeometry g, double[] acc, NDArray out) {
        int pos = 0;
        for (long k = 0; k < g.filters(); k++) {
            for (long c = 0; c < g.channels(); c++) {
                for (long u = 0; u < g.fh(); u++) {
                    for (long v = 0; v < g.fw(); v++) {
                        out.writeDouble(out.offset() + ((k * g.channels() + c) * g.fh() + g.tapRow(u)) * g.fw() + g.tapCol(v),
                                acc[pos++]);
                    }
                }
            }
        }
    }

    /** A thread's reusable patch matrices (heap arrays, so GEMM workers of any thread can read them). */
    private static final class Scratch {
        private final Object[] arrays = new Object[3];
        private double[] sums = new double[0];

        /** Matrix {@code slot} of {@code rows x cols} elements over this thread's array, grown as needed. */
        NDArray matrix(int slot, boolean f32, long rows, long cols) {
            int n = Math.toIntExact(rows * cols);
            MemorySegment seg;
            if (f32) {
                if (!(arrays[slot] instanceof float[] a) || a.length < n) {
                    arrays[slot] = new float[Math.max(n, 1)];
                }
                seg = MemorySegment.ofArray((float[]) arrays[slot]);
            } else {
                if (!(arrays[slot] instanceof double[] a) || a.length < n) {
                    arrays[slot] = new double[Math.max(n, 1)];
                }
                seg = MemorySegment.ofArray((double[]) arrays[slot]);
            }
            return NDArray.wrap(seg.asSlice(0, n * (f32 ? 4L : 8L)), f32 ? DType.FLOAT32 : DType.FLOAT64, rows, cols);
        }

        double[] doubles(int n) {
            if (sums.length < n) {
                sums = new double[n];
            }
            return sums;
        }
    }

}
