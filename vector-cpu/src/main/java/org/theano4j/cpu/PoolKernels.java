package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.backend.Kernel;
import org.theano4j.op.nnet.PoolLoops;
import org.theano4j.op.nnet.PoolParams;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Pooling and its gradients on the CPU: the reference's plane loops ({@link PoolLoops}, so the
 * results are the reference's bit for bit) run over blocks of planes split across the team, each
 * thread reading its planes into its own double buffers and writing its results back.
 */
final class PoolKernels {
    /** Which op of the family. */
    enum Kind { FORWARD, MAX_GRAD, AVERAGE_GRAD, MAX_GRAD_GRAD }

    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[4][0]);

    private PoolKernels() {
    }

    /** The kernel for a pooling op over float inputs, or null. */
    static Kernel of(Kind kind, PoolParams params, DType dtype) {
        if (!dtype.isFloat()) {
            return null;
        }
        return (in, out) -> run(kind, params, in, out[0]);
    }

    private static void run(Kind kind, PoolParams params, NDArray[] in, NDArray out) {
        NDArray[] a = new NDArray[in.length];
        for (int i = 0; i < in.length; i++) {
            a[i] = in[i].isCContiguous() ? in[i] : in[i].copy();
        }
        long[] shape = a[0].shape();
        PoolLoops.Windows w = PoolLoops.Windows.of(params, shape[shape.length - 2], shape[shape.length - 1]);
        long planes = w.inPlane() == 0 ? 0 : a[0].size() / w.inPlane();
        if (planes == 0 || w.outPlane() == 0 && kind == Kind.FORWARD) {
            if (kind != Kind.FORWARD && kind != Kind.MAX_GRAD_GRAD) {
                out.fill(0);
            }
            return;
        }
        long work = planes * (long) (w.inPlane() + w.outPlane());
        int tasks = work < 65536 ? 1 : Parallel.tasksFor(planes, Math.max(1, 16384 / (w.inPlane() + w.outPlane())));
        long step = (planes + tasks - 1) / tasks;
        Parallel.run(tasks, t -> block(kind, w, a, out, t * step, Math.min(planes, (t + 1) * step)));
    }

    /** Planes {@code [p0, p1)}. */
    private static void block(Kind kind, PoolLoops.Windows w, NDArray[] a, NDArray out, long p0, long p1) {
        if (p0 >= p1) {
            return;
        }
        int n = (int) (p1 - p0);
        int inN = n * w.inPlane();
        int outN = n * w.outPlane();
        double[][] buf = BUFFERS.get();
        double[] x = load(a[0], p0 * w.inPlane(), inN, buf, 0);
        switch (kind) {
            case FORWARD -> {
                double[] z = grow(buf, 1, outN);
                for (int p = 0; p < n; p++) {
                    PoolLoops.forward(w, x, p * w.inPlane(), z, p * w.outPlane());
                }
                store(z, out, p0 * w.outPlane(), outN);
            }
            case MAX_GRAD, MAX_GRAD_GRAD -> {
                double[] z = load(a[1], p0 * w.outPlane(), outN, buf, 1);
                boolean grad = kind == Kind.MAX_GRAD;
                double[] g = grad ? load(a[2], p0 * w.outPlane(), outN, buf, 2) : load(a[2], p0 * w.inPlane(), inN, buf, 2);
                double[] r = grow(buf, 3, grad ? inN : outN);
                for (int p = 0; p < n; p++) {
                    if (grad) {
                        PoolLoops.maxGrad(w, x, z, g, p * w.inPlane(), p * w.outPlane(), r);
                    } else {
                        PoolLoops.maxGradGrad(w, x, z, g, p * w.inPlane(), p * w.outPlane(), r);
                    }
                }
                store(r, out, grad ? p0 * w.inPlane() : p0 * w.outPlane(), grad ? inN : outN);
            }
            case AVERAGE_GRAD -> {
                double[] gz = load(a[1], p0 * w.outPlane(), outN, buf, 1);
                double[] r = grow(buf, 3, inN);
                for (int p = 0; p < n; p++) {
                    PoolLoops.averageGrad(w, gz, p * w.inPlane(), p * w.outPlane(), r);
                }
                store(r, out, p0 * w.inPlane(), inN);
            }
        }
    }

    private static double[] grow(double[][] buf, int slot, int n) {
        if (buf[slot].length < n) {
            buf[slot] = new double[n];
        }
        return buf[slot];
    }

    /** Elements {@code [from, from + n)} of a C-contiguous array, as doubles in buffer {@code slot}. */
    private static double[] load(NDArray a, long from, int n, double[][] buf, int slot) {
        double[] dst = grow(buf, slot, n);
        MemorySegment s = a.segment();
        long base = a.offset() + from;
        if (a.dtype() == DType.FLOAT64) {
            MemorySegment.copy(s, ValueLayout.JAVA_DOUBLE_UNALIGNED, base * 8, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = s.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, base + i);
            }
        }
        return dst;
    }

    /** Writes {@code src[0, n)} to elements {@code [from, from + n)} of the C-contiguous output. */
    private static void store(double[] src, NDArray out, long from, int n) {
        MemorySegment s = out.segment();
        long base = out.offset() + from;
        if (out.dtype() == DType.FLOAT64) {
            MemorySegment.copy(src, 0, s, ValueLayout.JAVA_DOUBLE_UNALIGNED, base * 8, n);
        } else {
            for (int i = 0; i < n; i++) {
                s.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, base + i, (float) src[i]);
            }
        }
    }
}
