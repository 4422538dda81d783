package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code MakeVector} for shapes: int64 scalars into an int64 vector. The shape rewrite
 * builds a shape from its axis lengths with it, so that no join or stack is needed.
 */
public record MakeVector() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            TensorType t = inputs.get(i).tensorType();
            if (t.ndim() != 0 || t.dtype() != DType.INT64) {
                throw new IllegalArgumentException("MakeVector: input " + i + " (" + inputs.get(i)
                        + ") must be an int64 scalar, got " + t);
            }
        }
        return List.of(TensorType.of(DType.INT64, 1));
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(List.of(dims.known(inputShapes.size())));
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {{inputs.length}};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        long[] v = new long[inputs.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((NDArray) inputs[i]).getLong();
        }
        return new Object[] {NDArray.of(v)};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Arrays.asList(new Variable[node.inputs().size()]);
    }

    @Override
    public String displayName() {
        return "MakeVector";
    }

    @Override
    public String format(List<String> inputs) {
        return "[" + String.join(", ", inputs) + "]";
    }
}
