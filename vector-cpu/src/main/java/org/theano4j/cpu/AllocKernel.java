package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Float {@code Alloc}: the value broadcast into the preallocated output, exact. A C-contiguous
 * output is filled row by row along its last axis: a row whose source is one broadcast element
 * (a scalar or a column) by vector broadcast stores, a unit-stride source row by one bulk copy,
 * anything else element by element. Other outputs take {@link NDArray#copyFrom}.
 */
final class AllocKernel implements Kernel {
    private static final ByteOrder BO = ByteOrder.nativeOrder();

    private AllocKernel() {
    }

    /** A kernel for float values, or null. */
    static Kernel of(DType dtype) {
        return dtype.isFloat() ? new AllocKernel() : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray value = in[0];
        NDArray o = out[0];
        NDArray vb;
        try {
            vb = value.broadcastTo(o.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Alloc: value of shape " + Shapes.toString(value.shape())
                    + " does not broadcast to shape " + Shapes.toString(o.shape()), e);
        }
        if (o.size() == 0) {
            return;
        }
        if (!o.isCContiguous() || o.dtype() != vb.dtype()) {
            o.copyFrom(vb);
            return;
        }
        if (value.size() == 1) {
            fill(o, o.offset(), o.size(), vb.readDouble(vb.offset()));
            return;
        }
        Rows src = new Rows(vb);
        long n = o.shape(o.ndim() - 1);
        long stride = vb.stride(vb.ndim() - 1);
        long width = o.dtype().byteSize();
        for (long r = 0, rows = src.count(); r < rows; r++) {
            long at = o.offset() + r * n;
            long from = src.start(r);
            if (stride == 0) {
                fill(o, at, n, vb.readDouble(from));
            } else if (stride == 1) {
                MemorySegment.copy(vb.segment(), from * width, o.segment(), at * width, n * width);
            } else {
                for (long j = 0; j < n; j++) {
                    o.writeDouble(at + j, vb.readDouble(from + j * stride));
                }
            }
        }
    }

    /** Writes {@code v} to the {@code n} elements of {@code o} from physical position {@code at}. */
    private static void fill(NDArray o, long at, long n, double v) {
        MemorySegment seg = o.segment();
        long i = 0;
        if (o.dtype() == DType.FLOAT64) {
            if (Species.vector()) {
                DoubleVector b = DoubleVector.broadcast(Species.D, v);
                for (long bound = n - n % Species.D.length(); i < bound; i += Species.D.length()) {
                    b.intoMemorySegment(seg, (at + i) * 8, BO);
                }
            }
            for (; i < n; i++) {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, at + i, v);
            }
            return;
        }
        float f = (float) v;
        if (Species.vector()) {
            FloatVector b = FloatVector.broadcast(Species.F, f);
            for (long bound = n - n % Species.F.length(); i < bound; i += Species.F.length()) {
                b.intoMemorySegment(seg, (at + i) * 4, BO);
            }
        }
        for (; i < n; i++) {
            seg.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, at + i, f);
        }
    }
}
