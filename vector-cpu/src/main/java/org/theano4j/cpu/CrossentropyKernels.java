package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * CrossentropyCategorical1Hot ({@code -log(p[i, t[i]])}) and its gradient ({@code -gy[i] /
 * p[i, t[i]]} at {@code (i, t[i])}, zero elsewhere) for float p, exact: one element per row is
 * read, so the work is the targets' check and, for the gradient, zeroing the output.
 */
final class CrossentropyKernels implements Kernel {
    private final boolean grad;

    private CrossentropyKernels(boolean grad) {
        this.grad = grad;
    }

    /** The forward ({@code grad == false}) or gradient kernel for float p, or null. */
    static Kernel of(boolean grad, DType p) {
        return p.isFloat() ? new CrossentropyKernels(grad) : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray o = out[0];
        if (!grad) {
            NDArray p = in[0];
            long[] t = targets("CrossentropyCategorical1Hot", p, in[1]);
            for (int i = 0; i < t.length; i++) {
                double v = p.readDouble(p.offset() + i * p.stride(0) + t[i] * p.stride(1));
                o.writeDouble(o.offset() + i * o.stride(0), -Math.log(v));
            }
            return;
        }
        NDArray gy = in[0];
        NDArray p = in[1];
        long[] t = targets("CrossentropyCategorical1HotGrad", p, in[2]);
        zero(o);
        for (int i = 0; i < t.length; i++) {
            double g = gy.readDouble(gy.offset() + i * gy.stride(0));
            double v = p.readDouble(p.offset() + i * p.stride(0) + t[i] * p.stride(1));
            o.writeDouble(o.offset() + i * o.stride(0) + t[i] * o.stride(1), -g / v);
        }
    }

    /** The target indices, wrapped and checked against p's shape (the reference's messages). */
    private static long[] targets(String op, NDArray p, NDArray t) {
        if (t.size() != p.shape(0)) {
            throw new IllegalArgumentException(op + ": p has " + p.shape(0) + " rows but the targets have "
                    + t.size() + " entries");
        }
        return IndexKernels.resolve(t, p.shape(1), 1);
    }

    private static void zero(NDArray o) {
        if (o.isCContiguous()) {
            long w = o.dtype().byteSize();
            o.segment().asSlice(o.offset() * w, o.size() * w).fill((byte) 0);
        } else {
            o.fill(0);
        }
    }
}
