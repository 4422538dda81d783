package org.theano4j.cpu;

import org.theano4j.backend.Kernel;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Loops;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarFn;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Elementwise work outside the float lanes of {@link ElemwiseKernel} (integer arithmetic, mixed
 * float widths): a scalar loop with the reference semantics, writing into the preallocated output.
 */
final class ScalarElemwiseKernel {
    private ScalarElemwiseKernel() {
    }

    /** A kernel for an {@code Elemwise} of {@code fn} computing in {@code compute}. */
    static Kernel of(ScalarFn fn, DType compute) {
        return (in, out) -> Elemwise.evaluateInto(fn, compute, in, out[0]);
    }

    /** A kernel evaluating a fused tree element by element (each node rounded to its dtype). */
    static Kernel of(ScalarExpr expr) {
        return (in, out) -> {
            NDArray o = out[0];
            if (o.size() == 1) {
                one(expr, in, o);
                return;
            }
            NDArray[] all = new NDArray[in.length + 1];
            System.arraycopy(in, 0, all, 0, in.length);
            all[in.length] = o;
            double[] values = new double[in.length];
            boolean floatOut = o.dtype().isFloat();
            for (Loops it = new Loops(o.shape(), all); it.hasNext(); it.next()) {
                for (int k = 0; k < in.length; k++) {
                    values[k] = in[k].dtype().isFloat() ? in[k].readDouble(it.pos(k)) : in[k].readLong(it.pos(k));
                }
                double v = ScalarExpr.evaluate(expr, values);
                if (floatOut) {
                    o.writeDouble(it.pos(in.length), v);
                } else {
                    o.writeLong(it.pos(in.length), (long) v);
                }
            }
        };
    }

    /**
     * A one-element output (a 0-d cast of a computed size, say): every input then holds one
     * element too, so no iterator is needed.
     */
    private static void one(ScalarExpr expr, NDArray[] in, NDArray o) {
        double[] values = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            NDArray a = in[k];
            values[k] = a.dtype().isFloat() ? a.readDouble(a.offset()) : a.readLong(a.offset());
        }
        double v = ScalarExpr.evaluate(expr, values);
        if (o.dtype().isFloat()) {
            o.writeDouble(o.offset(), v);
        } else {
            o.writeLong(o.offset(), (long) v);
        }
    }
}
