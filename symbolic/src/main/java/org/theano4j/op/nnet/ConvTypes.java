package org.theano4j.op.nnet;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Input checks shared by the convolution ops: 4-d float tensors of one dtype, and 2-entry integer shape vectors. */
final class ConvTypes {
    private ConvTypes() {
    }

    /** Checks the input count and that inputs 0 and 1 are 4-d float tensors of one dtype; returns that dtype. */
    static DType check(String op, List<Variable> inputs, int count, String first, String second) {
        if (inputs.size() != count) {
            throw new IllegalArgumentException(op + " takes " + count + " inputs, got " + inputs.size());
        }
        TensorType a = tensor4(op, first, inputs.get(0));
        TensorType b = tensor4(op, second, inputs.get(1));
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": " + first + " " + inputs.get(0) + " is " + a.describe() + " but "
                    + second + " " + inputs.get(1) + " is " + b.describe() + "; they must have one dtype");
        }
        if (count == 3) {
            Variable shape = inputs.get(2);
            if (!shape.isTensor() || shape.ndim() != 1 || !shape.dtype().isInteger()) {
                throw new IllegalArgumentException(op + ": shape " + shape + " must be an integer vector of 2 sizes, got "
                        + shape.type().describe());
            }
        }
        return a.dtype();
    }

    /** Checks that {@code v} is a 4-d float tensor. */
    static TensorType tensor4(String op, String what, Variable v) {
        if (!v.isTensor() || v.ndim() != 4 || !v.dtype().isFloat()) {
            throw new IllegalArgumentException(op + ": " + what + " " + v + " must be a 4-d float tensor "
                    + (what.equals("filters") ? "(filters, channels, rows, columns)" : "(batch, channels, rows, columns)")
                    + ", got " + v.type().describe());
        }
        return v.tensorType();
    }

    /** The sizes held by a run-time shape vector. */
    static long[] sizes(Object shape) {
        return ((NDArray) shape).toLongArray();
    }
}
