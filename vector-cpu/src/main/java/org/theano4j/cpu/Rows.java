package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * A float array seen as rows along its last axis, read into and written from {@code double[]}
 * buffers (float32 widened and narrowed as the reference's readDouble/writeDouble do). Rows with
 * unit stride move with one bulk copy; others element by element.
 */
final class Rows {
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[1][64]);
    private final NDArray a;
    private final MemorySegment seg;
    private final boolean f64;
    private final long[] shape;
    private final long[] strides;
    private final int last;
    private final long stride;

    /** {@code a}: a float array with at least one axis. */
    Rows(NDArray a) {
        this.a = a;
        this.seg = a.segment();
        this.f64 = a.dtype() == DType.FLOAT64;
        this.shape = a.shape();
        this.strides = a.strides();
        this.last = shape.length - 1;
        this.stride = strides[last];
    }

    /** The longest row a {@code double[]} buffer holds. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    /** Elements per row. */
    long length() {
        return shape[last];
    }

    /**
     * Elements per row as a buffer length; IllegalArgumentException naming {@code op} for rows
     * longer than a Java array (the output alone would then be 8 GiB or more).
     */
    int bufferLength(String op) {
        if (shape[last] > MAX_LENGTH) {
            throw new IllegalArgumentException(op + ": rows of " + shape[last] + " elements are longer than the "
                    + MAX_LENGTH + " elements a row buffer holds (shape " + Shapes.toString(shape) + ")");
        }
        return (int) shape[last];
    }

    /** Number of rows (the product of the leading axes). */
    long count() {
        long n = 1;
        for (int ax = 0; ax < last; ax++) {
            n *= shape[ax];
        }
        return n;
    }

    /** Physical position of the first element of row {@code r} (rows in C order). */
    long start(long r) {
        if (last == 1) {
            return a.offset() + r * strides[0];
        }
        long pos = a.offset();
        long rest = r;
        for (int ax = last - 1; ax >= 0; ax--) {
            pos += (rest % shape[ax]) * strides[ax];
            rest /= shape[ax];
        }
        return pos;
    }

    /** Reads row {@code r} into {@code buf[0 .. length)} (rows within {@link #bufferLength}). */
    void load(long r, double[] buf) {
        int n = (int) length();
        long pos = start(r);
        if (stride == 1 && f64) {
            MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, pos * 8, buf, 0, n);
        } else if (stride == 1) {
            float[] f = floats(n);
            MemorySegment.copy(seg, ValueLayout.JAVA_FLOAT_UNALIGNED, pos * 4, f, 0, n);
            for (int i = 0; i < n; i++) {
                buf[i] = f[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                buf[i] = a.readDouble(pos + i * stride);
            }
        }
    }

    /** Writes {@code buf[0 .. length)} into row {@code r} (rows within {@link #bufferLength}). */
    void store(long r, double[] buf) {
        int n = (int) length();
        long pos = start(r);
        if (stride == 1 && f64) {
            MemorySegment.copy(buf, 0, seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, pos * 8, n);
        } else if (stride == 1) {
            float[] f = floats(n);
            for (int i = 0; i < n; i++) {
                f[i] = (float) buf[i];
            }
            MemorySegment.copy(f, 0, seg, ValueLayout.JAVA_FLOAT_UNALIGNED, pos * 4, n);
        } else {
            for (int i = 0; i < n; i++) {
                a.writeDouble(pos + i * stride, buf[i]);
            }
        }
    }

    /** How many tasks {@code rows} rows of {@code n} elements are worth (one below {@link Species#PARALLEL_ELEMENTS}). */
    static int tasks(long rows, long n) {
        long work = rows * Math.max(1, n);
        return work < Species.PARALLEL_ELEMENTS ? 1 : Parallel.tasksFor(rows, Math.max(1, Species.PARALLEL_ELEMENTS / 2 / Math.max(1, n)));
    }

    /** Runs {@code body} over row ranges {@code [from, to)} covering {@code rows}, split over the pool when large. */
    static void split(long rows, long n, RangeBody body) {
        int tasks = tasks(rows, n);
        if (tasks <= 1) {
            body.run(0, rows);
            return;
        }
        long step = (rows + tasks - 1) / tasks;
        Parallel.run(tasks, t -> body.run(Math.min(rows, t * step), Math.min(rows, (t + 1) * step)));
    }

    /** Work over rows {@code [from, to)}. */
    @FunctionalInterface
    interface RangeBody {
        /** Processes rows {@code from .. to-1}. */
        void run(long from, long to);
    }

    /** A per-thread {@code double[]} of at least {@code n} elements, slot {@code k} of the holder. */
    static double[] buffer(ThreadLocal<double[][]> holder, int k, int n) {
        double[][] h = holder.get();
        if (h[k].length < n) {
            h[k] = new double[Math.max(n, 2 * h[k].length)];
        }
        return h[k];
    }

    private static float[] floats(int n) {
        float[][] h = FLOATS.get();
        if (h[0].length < n) {
            h[0] = new float[Math.max(n, 2 * h[0].length)];
        }
        return h[0];
    }
}
