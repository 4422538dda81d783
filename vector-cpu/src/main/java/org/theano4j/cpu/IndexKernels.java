package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.theano4j.backend.Kernel;
import org.theano4j.op.Indices;
import org.theano4j.op.Loops;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * AdvancedSubtensor1 ({@code take(x, idx, axis)}) and AdvancedIncSubtensor1 (a copy of x with y
 * added into or assigned to the slices {@code x[idx]}) into preallocated outputs, exact. Slices
 * move with {@link NDArray#copyFrom} (one bulk copy when both sides are contiguous, e.g. rows of
 * a C-ordered matrix along axis 0); adding a contiguous float slice runs in vector lanes.
 * Repeated indices accumulate when adding, the last wins when assigning, like the reference.
 */
final class IndexKernels implements Kernel {
    private static final ByteOrder BO = ByteOrder.nativeOrder();
    private final int axis;
    private final boolean inc;
    private final boolean set;

    private IndexKernels(int axis, boolean inc, boolean set) {
        this.axis = axis;
        this.inc = inc;
        this.set = set;
    }

    /** The take kernel (any dtype: slices are copies). */
    static Kernel take(int axis) {
        return new IndexKernels(axis, false, false);
    }

    /** The increment/assign kernel for float x, or null. */
    static Kernel incSubtensor(int axis, boolean set, DType x) {
        return x.isFloat() ? new IndexKernels(axis, true, set) : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray x = in[0];
        NDArray o = out[0];
        if (!inc) {
            Indices idx = Indices.check(in[1], x.shape(axis), axis);
            for (long j = 0; j < idx.count() && o.size() > 0; j++) {
                o.index(axis, j).copyFrom(x.index(axis, idx.get(j)));
            }
            return;
        }
        Indices idx = Indices.check(in[2], x.shape(axis), axis);
        NDArray yb = broadcastValue(x, in[1], idx.count());
        if (o.size() == 0) {
            return;
        }
        o.copyFrom(x);
        for (long j = 0; j < idx.count(); j++) {
            NDArray region = o.index(axis, idx.get(j));
            NDArray y = yb.index(axis, j);
            if (set) {
                region.copyFrom(y);
            } else {
                add(region, y);
            }
        }
    }

    private String name() {
        return (set ? "AdvancedSetSubtensor1" : "AdvancedIncSubtensor1") + "{axis=" + axis + "}";
    }

    private NDArray broadcastValue(NDArray x, NDArray y, long count) {
        long[] region = x.shape();
        region[axis] = count;
        try {
            return y.broadcastTo(region);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": value of shape " + Shapes.toString(y.shape())
                    + " does not broadcast to the indexed shape " + Shapes.toString(region), e);
        }
    }

    /** {@code region += y} (same shape): vector lanes when both are contiguous, else element by element. */
    private static void add(NDArray region, NDArray y) {
        if (region.isCContiguous() && y.isCContiguous()) {
            addContiguous(region.segment(), region.offset(), y.segment(), y.offset(), region.size(), region.dtype());
            return;
        }
        for (Loops it = new Loops(region.shape(), region, y); it.hasNext(); it.next()) {
            long p = it.pos(0);
            region.writeDouble(p, region.readDouble(p) + y.readDouble(it.pos(1)));
        }
    }

    private static void addContiguous(MemorySegment d, long at, MemorySegment s, long from, long n, DType dtype) {
        long i = 0;
        if (dtype == DType.FLOAT64) {
            if (Species.vector()) {
                for (long bound = n - n % Species.D.length(); i < bound; i += Species.D.length()) {
                    DoubleVector a = DoubleVector.fromMemorySegment(Species.D, d, (at + i) * 8, BO);
                    a.add(DoubleVector.fromMemorySegment(Species.D, s, (from + i) * 8, BO)).intoMemorySegment(d, (at + i) * 8, BO);
                }
            }
            for (; i < n; i++) {
                double v = d.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, at + i) + s.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, from + i);
                d.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, at + i, v);
            }
            return;
        }
        if (Species.vector()) {
            for (long bound = n - n % Species.F.length(); i < bound; i += Species.F.length()) {
                FloatVector a = FloatVector.fromMemorySegment(Species.F, d, (at + i) * 4, BO);
                a.add(FloatVector.fromMemorySegment(Species.F, s, (from + i) * 4, BO)).intoMemorySegment(d, (at + i) * 4, BO);
            }
        }
        for (; i < n; i++) {
            float v = d.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, at + i) + s.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, from + i);
            d.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, at + i, v);
        }
    }
}
