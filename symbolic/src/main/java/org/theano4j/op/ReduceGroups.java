package org.theano4j.op;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The input elements that each output of a reduction combines, with long lengths throughout:
 * output {@code o} (C order over the kept axes) combines a group of {@link #length()} elements
 * (C order over the reduced axes). The trailing reduced axes that do not move through memory
 * (stride 0 or length 1, e.g. a broadcast input) make runs of {@link #run()} equal elements, and
 * the leading ones make the group repeat itself every {@link #period()} elements; a reduction
 * can then take each run in one step and each period once, so a broadcast of 2^32 elements costs
 * nothing.
 * Shared by the reference evaluations and the CPU kernels, so both walk the same elements in the
 * same order.
 */
public final class ReduceGroups {
    private final NDArray x;
    private final int[] kept;
    private final int[] walked;
    private final long[] keptShape;
    private final long[] keptStrides;
    private final long[] shape;
    private final long[] strides;
    private final long count;
    private final long length;
    private final int runAxes;
    private final long run;
    private final int leadAxes;
    private final long period;
    private final boolean contiguous;
    private ReduceGroups heads;
    private ReduceGroups firstPeriod;

    /** The groups of a reduction of {@code x} over the (resolved, distinct) axes {@code reduced}, in that order. */
    public ReduceGroups(NDArray x, List<Integer> reduced) {
        this(x, Axes.kept(reduced, x.ndim()), reduced.stream().mapToInt(Integer::intValue).toArray());
    }

    private ReduceGroups(NDArray x, int[] kept, int[] walked) {
        this.x = x;
        this.kept = kept;
        this.walked = walked;
        this.keptShape = pick(x.shape(), kept);
        this.keptStrides = pick(x.strides(), kept);
        this.shape = pick(x.shape(), walked);
        this.strides = pick(x.strides(), walked);
        this.count = product(keptShape);
        this.length = product(shape);
        this.runAxes = runAxes(shape, strides, length);
        long r = 1;
        for (int ax = shape.length - runAxes; ax < shape.length; ax++) {
            r *= shape[ax];
        }
        this.run = r;
        this.leadAxes = leadAxes(shape, strides, length);
        long repeats = 1;
        for (int ax = 0; ax < leadAxes; ax++) {
            repeats *= shape[ax];
        }
        this.period = length / repeats;
        this.contiguous = contiguous(shape, strides);
    }

    private static long[] pick(long[] v, int[] axes) {
        long[] out = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = v[axes[i]];
        }
        return out;
    }

    private static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d; // at most the input's size with zero lengths counted as 1, which fits a long (numpy's rule)
        }
        return n;
    }

    /** How many trailing axes do not move through memory (stride 0 or length 1); none for an empty group. */
    private static int runAxes(long[] shape, long[] strides, long length) {
        int n = 0;
        for (int ax = shape.length - 1; ax >= 0 && length > 0 && (strides[ax] == 0 || shape[ax] == 1); ax--) {
            n++;
        }
        return n;
    }

    /** How many leading axes do not move through memory; none for an empty group. */
    private static int leadAxes(long[] shape, long[] strides, long length) {
        int n = 0;
        while (n < shape.length && length > 0 && (strides[n] == 0 || shape[n] == 1)) {
            n++;
        }
        return n;
    }

    private static boolean contiguous(long[] shape, long[] strides) {
        long expected = 1;
        for (int ax = shape.length - 1; ax >= 0; ax--) {
            if (shape[ax] != 1 && strides[ax] != expected) {
                return false;
            }
            expected *= shape[ax];
        }
        return true;
    }

    /** The number of groups (outputs). */
    public long count() {
        return count;
    }

    /** The number of elements in each group. */
    public long length() {
        return length;
    }

    /** The group is made of consecutive runs of this many equal elements (1 when nothing is known). */
    public long run() {
        return run;
    }

    /** The group repeats itself every this many elements ({@link #length()} when it does not). */
    public long period() {
        return period;
    }

    /** The first period of every group: groups of {@link #period()} elements at the same starts. */
    public ReduceGroups firstPeriod() {
        if (firstPeriod == null) { // benign race: every thread computes the same geometry
            firstPeriod = leadAxes == 0 ? this : new ReduceGroups(x, kept, Arrays.copyOfRange(walked, leadAxes, walked.length));
        }
        return firstPeriod;
    }

    /** How many times the group repeats its first period (0 for an empty group). */
    public long repeats() {
        return period == 0 ? 0 : length / period;
    }

    /** The first element of every run: groups of {@code length() / run()} elements at the same starts. */
    public ReduceGroups heads() {
        if (heads == null) {
            heads = runAxes == 0 ? this : new ReduceGroups(x, kept, Arrays.copyOf(walked, walked.length - runAxes));
        }
        return heads;
    }

    /** The physical position of the first element of group {@code o}. */
    public long start(long o) {
        if (keptShape.length == 1) {
            return x.offset() + o * keptStrides[0]; // the common case (rows of a matrix) without a division
        }
        long pos = x.offset();
        long rest = o;
        for (int ax = keptShape.length - 1; ax >= 0; ax--) {
            pos += (rest % keptShape[ax]) * keptStrides[ax];
            rest /= keptShape[ax];
        }
        return pos;
    }

    /** The physical position of element {@code j} of the group that starts at {@code start}. */
    public long position(long start, long j) {
        if (contiguous) {
            return start + j;
        }
        long pos = start;
        long rest = j;
        for (int ax = shape.length - 1; ax >= 0; ax--) {
            pos += (rest % shape[ax]) * strides[ax];
            rest /= shape[ax];
        }
        return pos;
    }

    /** Element {@code j} of the group that starts at {@code start}, as a double. */
    public double value(long start, long j) {
        return x.readDouble(position(start, j));
    }

    /** Reads elements {@code [from, from + n)} of the group at {@code start} into {@code buf} (as doubles). */
    public void read(long start, long from, int n, double[] buf) {
        if (n == 0) {
            return; // an empty group may start past its segment's end
        }
        if (contiguous && x.dtype() == DType.FLOAT64) {
            MemorySegment.copy(x.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED, (start + from) * 8, buf, 0, n);
            return;
        }
        Cursor c = new Cursor(start, from);
        for (int i = 0; i < n; i++) {
            buf[i] = x.readDouble(c.next());
        }
    }

    /** A walk over the group that starts at {@code start}, from its first element. */
    public Cursor cursor(long start) {
        return new Cursor(start, 0);
    }

    /** The positions of one group's elements in C order, one {@link #next()} at a time. */
    public final class Cursor {
        private final long[] index = new long[shape.length];
        private long pos;

        private Cursor(long start, long from) {
            pos = start;
            long rest = from;
            for (int ax = shape.length - 1; ax >= 0 && length > 0; ax--) {
                index[ax] = rest % shape[ax];
                pos += index[ax] * strides[ax];
                rest /= shape[ax];
            }
        }

        /** The current element's position; then moves to the next one (never past an axis' last element). */
        public long next() {
            long current = pos;
            for (int ax = shape.length - 1; ax >= 0; ax--) {
                if (++index[ax] < shape[ax]) {
                    pos += strides[ax];
                    return current;
                }
                pos -= strides[ax] * (shape[ax] - 1);
                index[ax] = 0;
            }
            return current;
        }
    }

    /**
     * {@code n} applications of {@code step} to {@code p}, exactly: once the value comes back
     * after one or two steps (a product reaching 1, 0, infinity or NaN, or only flipping its
     * sign) the rest follows from the parity of the steps left. A left-to-right product over a
     * run or a period is {@code step} repeated.
     */
    public static double iterate(double p, DoubleUnaryOperator step, long n) {
        double before = p;
        double r = p;
        for (long i = 0; i < n; i++) {
            double next = step.applyAsDouble(r);
            if (same(next, r)) {
                return r;
            }
            if (i > 0 && same(next, before)) {
                return (n - i) % 2 == 0 ? r : next;
            }
            before = r;
            r = next;
        }
        return r;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }
}
