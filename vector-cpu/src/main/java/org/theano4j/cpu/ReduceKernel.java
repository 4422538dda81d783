package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.theano4j.backend.Kernel;
import org.theano4j.op.Numerics;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Float {@code Reduce} (sum, mean, prod, max, min) over any axes: each output's elements are
 * brought into a per-thread buffer (a bulk copy when they are contiguous, a strided walk
 * otherwise) and reduced there. Sums use the reference's pairwise scheme with its eight partial
 * sums held in one 8-lane vector, so results equal the reference bit for bit; max/min propagate
 * NaN. Many outputs split over the pool.
 */
final class ReduceKernel implements Kernel {
    private static final ThreadLocal<double[][]> BUFFER = ThreadLocal.withInitial(() -> new double[1][64]);
    private final Reduce.Kind kind;
    private final List<Integer> axes;

    private ReduceKernel(Reduce.Kind kind, List<Integer> axes) {
        this.kind = kind;
        this.axes = axes;
    }

    /** A kernel for float inputs, or null (integer reductions run the reference). */
    static Kernel of(Reduce op, DType in) {
        return in.isFloat() ? new ReduceKernel(op.kind(), op.axes()) : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray x = in[0];
        NDArray o = out[0];
        int nd = x.ndim();
        int kept = nd - axes.size();
        NDArray xt = axesLast(nd) ? x : x.transpose(permutation(nd));
        long outer = o.size();
        long group = outer == 0 ? 0 : x.size() / outer;
        if (group == 0 && outer > 0 && (kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN)) {
            throw new IllegalArgumentException("zero-size array to reduction operation "
                    + (kind == Reduce.Kind.MAX ? "maximum" : "minimum") + " which has no identity");
        }
        if (columnsApply(x, outer)) {
            reduceColumns(x, xt, kept, (int) group, o, outer);
            return;
        }
        int tasks = x.size() < Species.PARALLEL_ELEMENTS ? 1 : Parallel.tasksFor(outer, 1);
        if (tasks <= 1) {
            range(xt, kept, (int) group, o, 0, outer);
            return;
        }
        long step = (outer + tasks - 1) / tasks;
        Parallel.run(tasks, t -> range(xt, kept, (int) group, o, t * step, Math.min(outer, (t + 1) * step)));
    }

    /** Whether a sum or mean runs over the leading axes of a contiguous array ({@link ColumnReduce}). */
    private boolean columnsApply(NDArray x, long outer) {
        if ((kind != Reduce.Kind.SUM && kind != Reduce.Kind.MEAN) || axes.isEmpty() || axes.size() == x.ndim()) {
            return false;
        }
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i) != i) {
                return false;
            }
        }
        return ColumnReduce.applies(x, outer);
    }

    /** Whole vectors of columns in {@link ColumnReduce}, split over the pool; the last few columns here. */
    private void reduceColumns(NDArray x, NDArray xt, int kept, int rows, NDArray o, long cols) {
        boolean mean = kind == Reduce.Kind.MEAN;
        long covered = ColumnReduce.covered(cols);
        int lanes = Species.D.length();
        int tasks = x.size() < Species.PARALLEL_ELEMENTS ? 1 : Parallel.tasksFor(covered / lanes, 1);
        if (tasks <= 1) {
            ColumnReduce.run(x, rows, cols, mean, o, 0, covered);
        } else {
            long step = (covered / lanes + tasks - 1) / tasks * lanes;
            Parallel.run(tasks, t -> ColumnReduce.run(x, rows, cols, mean, o, Math.min(covered, t * step),
                    Math.min(covered, (t + 1) * step)));
        }
        range(xt, kept, rows, o, covered, cols);
    }

    /** Whether the reduced axes are already the last ones, in order (no transposed view needed). */
    private boolean axesLast(int nd) {
        int first = nd - axes.size();
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i) != first + i) {
                return false;
            }
        }
        return true;
    }

    /** The kept axes in order, then the reduced ones. */
    private int[] permutation(int nd) {
        int[] perm = new int[nd];
        int p = 0;
        for (int ax = 0; ax < nd; ax++) {
            if (!axes.contains(ax)) {
                perm[p++] = ax;
            }
        }
        for (int ax : axes) {
            perm[p++] = ax;
        }
        return perm;
    }

    private void range(NDArray xt, int kept, int group, NDArray o, long from, long to) {
        long[] shape = xt.shape();
        long[] strides = xt.strides();
        boolean contiguous = contiguousTail(shape, strides, kept);
        double[] buf = buffer(group);
        for (long i = from; i < to; i++) {
            long base = xt.offset();
            long rest = i;
            for (int ax = kept - 1; ax >= 0; ax--) {
                base += (rest % shape[ax]) * strides[ax];
                rest /= shape[ax];
            }
            gather(xt, base, shape, strides, kept, group, contiguous, buf);
            o.writeDouble(o.offset() + i, reduce(buf, group));
        }
    }

    private static boolean contiguousTail(long[] shape, long[] strides, int kept) {
        long expected = 1;
        for (int ax = shape.length - 1; ax >= kept; ax--) {
            if (shape[ax] != 1 && strides[ax] != expected) {
                return false;
            }
            expected *= shape[ax];
        }
        return true;
    }

    private static void gather(NDArray xt, long base, long[] shape, long[] strides, int kept, int group, boolean contiguous,
            double[] buf) {
        MemorySegment seg = xt.segment();
        if (group == 0) {
            return;
        }
        if (contiguous && xt.dtype() == DType.FLOAT64) {
            MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, base * 8, buf, 0, group);
            return;
        }
        for (int j = 0; j < group; j++) {
            long pos = base;
            long rest = j;
            for (int ax = shape.length - 1; ax >= kept; ax--) {
                pos += (rest % shape[ax]) * strides[ax];
                rest /= shape[ax];
            }
            buf[j] = xt.readDouble(pos);
        }
    }

    private double reduce(double[] v, int n) {
        return switch (kind) {
            case SUM -> pairwise(v, 0, n);
            case MEAN -> pairwise(v, 0, n) / n;
            case PROD -> {
                double r = 1;
                for (int i = 0; i < n; i++) {
                    r *= v[i];
                }
                yield r;
            }
            case MAX, MIN -> extreme(v, n, kind == Reduce.Kind.MAX);
        };
    }

    /**
     * The maximum (or minimum) of {@code v[0 .. n)}, n >= 1, as the reference's sequential
     * {@code Numerics.maximum} gives it: NaN propagates, and a zero result has the sign of the
     * last zero (of equal elements the later one wins), which the lanes cannot tell apart.
     */
    static double extreme(double[] v, int n, boolean max) {
        double m = lanesExtreme(v, n, max);
        return m == 0 ? lastZero(v, n) : m;
    }

    private static double lastZero(double[] v, int n) {
        int i = n - 1;
        while (v[i] != 0) {
            i--;
        }
        return v[i];
    }

    private static double lanesExtreme(double[] v, int n, boolean max) {
        double m = v[0];
        int i = 1;
        if (Species.vector() && n >= 2 * Species.D.length()) {
            DoubleVector acc = DoubleVector.fromArray(Species.D, v, 0);
            int bound = Species.D.loopBound(n);
            for (i = Species.D.length(); i < bound; i += Species.D.length()) {
                DoubleVector x = DoubleVector.fromArray(Species.D, v, i);
                acc = max ? acc.lanewise(VectorOperators.MAX, x) : acc.lanewise(VectorOperators.MIN, x);
            }
            for (int l = 0; l < Species.D.length(); l++) {
                m = max ? Numerics.maximum(m, acc.lane(l)) : Numerics.minimum(m, acc.lane(l));
            }
        }
        for (; i < n; i++) {
            m = max ? Numerics.maximum(m, v[i]) : Numerics.minimum(m, v[i]);
        }
        return m;
    }

    /** numpy's (and the reference's) pairwise sum; the 8 partial sums of a leaf are one 8-lane vector. */
    static double pairwise(double[] v, int from, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            int i = leaf(v, from, n, r);
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(v, from, half) + pairwise(v, from + half, n - half);
    }

    private static int leaf(double[] v, int from, int n, double[] r) {
        int end = n - n % 8;
        if (Species.vector() && Species.D.length() == 8) {
            DoubleVector acc = DoubleVector.fromArray(Species.D, v, from);
            for (int i = 8; i < end; i += 8) {
                acc = acc.add(DoubleVector.fromArray(Species.D, v, from + i));
            }
            acc.intoArray(r, 0);
            return end;
        }
        System.arraycopy(v, from, r, 0, 8);
        for (int i = 8; i < end; i += 8) {
            for (int j = 0; j < 8; j++) {
                r[j] += v[from + i + j];
            }
        }
        return end;
    }

    private static double[] buffer(int n) {
        double[][] holder = BUFFER.get();
        if (holder[0].length < n) {
            holder[0] = new double[Math.max(n, 2 * holder[0].length)];
        }
        return holder[0];
    }
}
