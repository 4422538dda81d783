package org.theano4j.op.nnet;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/** Type and shape rules shared by the pooling ops, and the run-time planes of a pooled tensor. */
final class PoolShapes {
    private PoolShapes() {
    }

    /** Checks the input count and that every input is a float tensor of input 0's dtype and ndim (at least 2). */
    static TensorType check(String op, List<Variable> inputs, int count) {
        if (inputs.size() != count) {
            throw new IllegalArgumentException(op + " takes " + count + " inputs, got " + inputs.size());
        }
        Variable x = inputs.get(0);
        if (!x.isTensor() || x.ndim() < 2 || !x.dtype().isFloat()) {
            throw new IllegalArgumentException(op + ": input " + x + " must be a float tensor with at least 2 axes, got "
                    + x.type().describe());
        }
        for (Variable v : inputs) {
            if (!v.isTensor() || v.ndim() != x.ndim() || v.dtype() != x.dtype()) {
                throw new IllegalArgumentException(op + ": " + v + " is " + v.type().describe() + " but input " + x + " is "
                        + x.type().describe() + "; they must match");
            }
        }
        return x.tensorType();
    }

    /** The pooled type: leading axes as the input's, the last two not broadcastable. */
    static TensorType pooled(TensorType x) {
        boolean[] b = x.broadcastable();
        b[b.length - 1] = false;
        b[b.length - 2] = false;
        return new TensorType(x.dtype(), b);
    }

    /** The windows for input shape {@code x}. */
    static PoolLoops.Windows windows(PoolParams p, long[] x) {
        return PoolLoops.Windows.of(p, x[x.length - 2], x[x.length - 1]);
    }

    /** The output shape of pooling an input of shape {@code x}. */
    static long[] outShape(PoolParams p, long[] x) {
        PoolLoops.Windows w = windows(p, x);
        long[] out = x.clone();
        out[out.length - 2] = w.outRows();
        out[out.length - 1] = w.outCols();
        if (!p.ignoreBorder() && (w.outRows() == 0 || w.outCols() == 0) && Shapes.size(x) > 0) {
            throw new IllegalArgumentException("pool_2d: input of shape " + Shapes.toString(x) + " gives no window");
        }
        return out;
    }

    /** The number of planes (the product of the leading axes). */
    static int planes(long[] x) {
        return Math.toIntExact(Shapes.size(Arrays.copyOf(x, x.length - 2)));
    }

    /**
     * Checks that run-time inputs 1, 2, ... (named {@code what}) have the pooled shape of input 0
     * (or, with {@code what} empty, nothing); returns input 0's shape.
     */
    static long[] checkPooled(String op, PoolParams p, Object[] inputs, String... what) {
        long[] x = ((NDArray) inputs[0]).shape();
        long[] expected = outShape(p, x);
        for (int i = 0; i < what.length; i++) {
            long[] given = ((NDArray) inputs[i + 1]).shape();
            if (!Arrays.equals(given, expected)) {
                throw new IllegalArgumentException(op + ": " + what[i] + " has shape " + Shapes.toString(given) + " but pooling"
                        + " the input of shape " + Shapes.toString(x) + " gives " + Shapes.toString(expected));
            }
        }
        return x;
    }

    /** A C-ordered array of {@code shape} holding {@code data}, in {@code like}'s dtype. */
    static NDArray result(NDArray like, long[] shape, double[] data) {
        NDArray out = NDArray.empty(like.dtype(), shape);
        for (int i = 0; i < data.length; i++) {
            out.writeDouble(i, data[i]);
        }
        return out;
    }
}
