package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * numpy.take with an integer vector: {@code x[idx]} along {@code axis} (Theano's
 * AdvancedSubtensor1, generalised to any axis). Negative indices wrap; the result is a copy.
 *
 * @param axis the resolved axis that is indexed
 */
public record AdvancedSubtensor1(int axis) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("AdvancedSubtensor1 takes 2 inputs (x, indices), got " + inputs.size());
        }
        TensorType x = inputs.get(0).tensorType();
        checkIndices("AdvancedSubtensor1", x, axis, inputs.get(1));
        boolean[] bc = x.broadcastable();
        bc[axis] = false;
        return List.of(new TensorType(x.dtype(), bc));
    }

    static void checkIndices(String op, TensorType x, int axis, Variable idx) {
        if (axis >= x.ndim()) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for a tensor of ndim " + x.ndim());
        }
        if (idx.ndim() != 1 || !idx.dtype().isInteger()) {
            throw new IllegalArgumentException(op + ": indices must be an integer vector, got " + idx + " of type "
                    + idx.type().describe());
        }
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        long[] shape = ((NDArray) inputs[0]).shape();
        shape[axis] = ((NDArray) inputs[1]).size();
        return new long[][] {shape};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = NDArray.empty(x.dtype(), outputShapes(inputs)[0]);
        Indices idx = Indices.check((NDArray) inputs[1], x.shape(axis), axis);
        for (long j = 0; j < idx.count(); j++) {
            out.index(axis, j).copyFrom(x.index(axis, idx.get(j)));
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable gz = outputGrads.get(0);
        if (gz == null || !x.dtype().isFloat()) {
            return Arrays.asList(null, null);
        }
        Variable gx = Apply.single(new AdvancedIncSubtensor1(axis, false), ShapeOps.zerosLike(x), gz, node.input(1));
        return Arrays.asList(gx, null);
    }

    @Override
    public String displayName() {
        return "AdvancedSubtensor1{axis=" + axis + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "take(" + inputs.get(0) + ", " + inputs.get(1) + ", axis=" + axis + ")";
    }

    static Constant zeroOf(Variable like) {
        return new Constant(NDArray.zeros(like.dtype()));
    }
}
