package org.theano4j.rng;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * {@link RandomFunction} with a size and parameters known only when the function runs (Theano's
 * {@code RandomFunction} with inputs {@code (r, size, *params)}): inputs a {@link RandomState},
 * an integer size vector (empty: numpy's {@code size=None}, the parameters' broadcast shape) and
 * two parameter tensors; outputs the state after the draw and the sample, of
 * {@code outputType} (Theano's ndim and broadcastable rule, see {@link RandomStreams}). It draws
 * from a copy of its state input; never merged and never constant-folded.
 *
 * @param distribution what to draw
 * @param outputType the sample's type
 */
public record SizedRandomFunction(ParamDistribution distribution, TensorType outputType) implements Op {
    /** Checks that the sample has an axis for multinomial's outcomes. */
    public SizedRandomFunction {
        if (outputType.ndim() < distribution.ndimAdded()) {
            throw new IllegalArgumentException(displayName(distribution) + ": the sample needs at least " + distribution.ndimAdded()
                    + " axes, got " + outputType.describe());
        }
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        boolean ok = inputs.size() == 4 && inputs.get(0).type() instanceof RandomStateType
                && inputs.get(1).type() instanceof TensorType s && s.ndim() == 1 && s.dtype().isInteger()
                && inputs.get(2).type() instanceof TensorType && inputs.get(3).type() instanceof TensorType;
        if (!ok) {
            throw new IllegalArgumentException(displayName() + ": expects a RandomStateType, an integer size vector and "
                    + distribution.parameterName(0) + ", " + distribution.parameterName(1) + " tensors, got "
                    + inputs.stream().map(v -> v.type().describe()).toList());
        }
        return List.of(RandomStateType.INSTANCE, outputType);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        if (!(inputs[0] instanceof RandomState state)) {
            throw new IllegalArgumentException(displayName() + ": input 0 must be a RandomState, got " + inputs[0]);
        }
        long[] size = ((NDArray) inputs[1]).toLongArray();
        int expected = outputType.ndim() - distribution.ndimAdded();
        if (size.length != 0 && size.length != expected) {
            throw new IllegalArgumentException(displayName() + ": size must have " + expected + " entries, got "
                    + Arrays.toString(size));
        }
        for (long s : size) {
            if (s < 0) {
                throw new IllegalArgumentException(displayName() + ": size must not be negative, got " + Arrays.toString(size));
            }
        }
        RandomState r = state.copy();
        NDArray sample = distribution.draw(r, size.length == 0 ? null : size, (NDArray) inputs[2], (NDArray) inputs[3]);
        if (sample.ndim() != outputType.ndim()) {
            throw new IllegalArgumentException(displayName() + ": the parameters give a sample of shape "
                    + Arrays.toString(sample.shape()) + ", expected " + outputType.ndim() + " axes");
        }
        return new Object[] {r, sample.astype(outputType.dtype())};
    }

    @Override
    public Variable makeOutput(Type type, Apply owner, int index, String name) {
        return index == 1 ? new RandomVariable(type, owner, index, name) : new Variable(type, owner, index, name);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public String displayName() {
        return displayName(distribution);
    }

    private static String displayName(ParamDistribution d) {
        return "RandomFunction{" + d.displayName() + "}";
    }
}
