package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The run-time shape of a tensor as an int64 vector; no gradient flows through it. */
public record Shape() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Shape takes 1 input, got " + inputs.size());
        }
        inputs.get(0).tensorType();
        return List.of(TensorType.of(DType.INT64, 1));
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(List.of(dims.known(node.input(0).ndim())));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {{((NDArray) inputs[0]).ndim()}};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        return new Object[] {NDArray.of(((NDArray) inputs[0]).shape())};
    }

    /** Reads the input's shape, not its elements. */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return false;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Collections.singletonList(null);
    }

    @Override
    public String displayName() {
        return "Shape";
    }

    @Override
    public String format(List<String> inputs) {
        return "shape(" + inputs.get(0) + ")";
    }
}
