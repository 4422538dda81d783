package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/** Type and run-time shape rules that every elementwise op ({@link Elemwise}, {@link Composite}) shares. */
final class ElemwiseShapes {
    private ElemwiseShapes() {
    }

    /**
     * The output type: {@code dtype}, an axis broadcastable when it is in every input. All
     * inputs must have the same number of axes (the facade pads them).
     */
    static TensorType outputType(String op, List<Variable> inputs, DType dtype) {
        int ndim = inputs.get(0).ndim();
        boolean[] bc = new boolean[ndim];
        Arrays.fill(bc, true);
        for (Variable v : inputs) {
            if (v.ndim() != ndim) {
                throw new IllegalArgumentException(op + ": inputs have " + ndim + " and " + v.ndim()
                        + " axes (pad with dimshuffle first)");
            }
            for (int i = 0; i < ndim; i++) {
                bc[i] &= v.tensorType().isBroadcastable(i);
            }
        }
        return new TensorType(dtype, bc);
    }

    /** The broadcast shape of the inputs; an error naming {@code op} and the shapes when they don't broadcast. */
    static long[][] outputShapes(String op, Object[] inputs) {
        long[][] shapes = new long[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = ((NDArray) inputs[i]).shape();
        }
        try {
            return new long[][] {Shapes.broadcast(shapes)};
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }
}
