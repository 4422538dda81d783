package org.theano4j.cpu;

import org.theano4j.backend.Kernel;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Kernels for the tiny integer steps of shape arithmetic ({@code mean} divides by
 * {@code cast(prod(shape(x)))}): {@code Shape} into its preallocated int64 vector, and integer
 * reductions of a vector into a scalar. Without them each of these steps ran the op's reference
 * evaluation, allocating its result and walking a general group iterator every call.
 */
final class ShapeKernels {
    private ShapeKernels() {
    }

    /** {@code Shape}: writes the input's dimensions into the int64 output vector. */
    static Kernel shape() {
        return (in, out) -> {
            NDArray x = in[0];
            NDArray o = out[0];
            for (int ax = 0; ax < x.ndim(); ax++) {
                o.writeLong(o.offset() + ax * o.stride(0), x.shape(ax));
            }
        };
    }

    /**
     * A full reduction of a signed int32/int64 vector (sum, prod, max, min in wrapping int64
     * arithmetic, like the reference), or null for anything else.
     */
    static Kernel vectorReduce(Reduce op, DType in, int ndim) {
        boolean signed = in == DType.INT64 || in == DType.INT32;
        if (!signed || ndim != 1 || op.axes().size() != 1 || op.kind() == Reduce.Kind.MEAN) {
            return null;
        }
        Reduce.Kind kind = op.kind();
        return (ins, out) -> {
            NDArray x = ins[0];
            long n = x.shape(0);
            if (n == 0 && (kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN)) {
                throw new IllegalArgumentException("zero-size array to reduction operation "
                        + (kind == Reduce.Kind.MAX ? "maximum" : "minimum") + " which has no identity");
            }
            long pos = x.offset();
            long stride = x.stride(0);
            if (stride == 0) { // a broadcast value: the reference takes the run in one step
                out[0].copyFrom((NDArray) op.evaluate(new Object[] {x})[0]);
                return;
            }
            long acc = kind == Reduce.Kind.PROD ? 1 : kind == Reduce.Kind.SUM ? 0 : x.readLong(pos);
            for (long i = 0; i < n; i++) {
                long v = x.readLong(pos + i * stride);
                acc = switch (kind) {
                    case SUM -> acc + v;
                    case PROD -> acc * v;
                    case MAX -> Math.max(acc, v);
                    case MIN -> Math.min(acc, v);
                    case MEAN -> throw new IllegalStateException("no integer kernel for a mean");
                };
            }
            out[0].writeLong(out[0].offset(), acc);
        };
    }
}
