package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import org.theano4j.backend.Kernel;
import org.theano4j.op.CrossentropyCategorical1Hot;
import org.theano4j.op.Indices;
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
            Indices t = CrossentropyCategorical1Hot.targets("CrossentropyCategorical1Hot", p, in[1]);
            for (long i = 0; i < t.count(); i++) {
                double v = p.readDouble(p.offset() + i * p.stride(0) + t.get(i) * p.stride(1));
                o.writeDouble(o.offset() + i * o.stride(0), -Math.log(v));
            }
            return;
        }
        NDArray gy = in[0];
        NDArray p = in[1];
        Indices t = CrossentropyCategorical1Hot.targets("CrossentropyCategorical1HotGrad", p, in[2]);
        zero(o);
        for (long i = 0; i < t.count(); i++) {
            long ti = t.get(i);
            double g = gy.readDouble(gy.offset() + i * gy.stride(0));
            double v = p.readDouble(p.offset() + i * p.stride(0) + ti * p.stride(1));
            o.writeDouble(o.offset() + i * o.stride(0) + ti * o.stride(1), -g / v);
        }
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
