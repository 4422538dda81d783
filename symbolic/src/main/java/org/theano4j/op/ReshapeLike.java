package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * {@code reshapeLike(g, x)}: {@code g} reshaped to the run-time shape of {@code x}, with x's type
 * (but g's dtype). The gradient of {@link Reshape}; a view when g is C-contiguous.
 */
public record ReshapeLike() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("ReshapeLike takes 2 inputs (value, template), got " + inputs.size());
        }
        return List.of(inputs.get(1).tensorType().withDType(inputs.get(0).dtype()));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        return new Object[] {Reshape.reshape((NDArray) inputs[0], ((NDArray) inputs[1]).shape())};
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** Reads the second input's shape only; the first's elements only when it is copied ({@link Reshape#readsElements}). */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return input == 0 && Reshape.copies(inputs[0]);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = node.input(0);
        if (!g.dtype().isFloat() || outputGrads.get(0) == null) {
            return Arrays.asList(null, null);
        }
        return Arrays.asList(Apply.single(new ReshapeLike(), outputGrads.get(0), g), null);
    }

    @Override
    public String displayName() {
        return "ReshapeLike";
    }
}
