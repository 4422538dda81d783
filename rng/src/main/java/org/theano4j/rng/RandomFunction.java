package org.theano4j.rng;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;

/**
 * Theano's {@code RandomFunction} op: one input, a {@link RandomState}; two outputs, the state
 * after the draw and the sample (a {@link RandomVariable}) of shape
 * {@code distribution.sampleShape(size)}. It draws from a copy of its input, so running it
 * changes no shared state; never merged and never constant-folded ({@link #isDeterministic()}).
 *
 * @param distribution what to draw
 * @param size the numpy {@code size} of the draw (axes of length 1 are broadcastable, as in Theano)
 */
public record RandomFunction(Distribution distribution, long[] size) implements Op {
    /** Checks the size and copies it. */
    public RandomFunction {
        size = size.clone();
        for (long s : size) {
            if (s < 0) {
                throw new IllegalArgumentException(distribution.displayName() + ": size must not be negative, got "
                        + Arrays.toString(size));
            }
        }
        Shapes.count(distribution.sampleShape(size));
    }

    @Override
    public long[] size() {
        return size.clone();
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1 || !(inputs.get(0).type() instanceof RandomStateType)) {
            throw new IllegalArgumentException(displayName() + ": expects one RandomStateType input, got "
                    + inputs.stream().map(v -> v.type().describe()).toList());
        }
        long[] shape = distribution.sampleShape(size);
        boolean[] broadcastable = new boolean[shape.length];
        for (int i = 0; i < size.length; i++) {
            broadcastable[i] = size[i] == 1;
        }
        return List.of(RandomStateType.INSTANCE, new TensorType(distribution.dtype(), broadcastable));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        if (!(inputs[0] instanceof RandomState state)) {
            throw new IllegalArgumentException(displayName() + ": input 0 must be a RandomState, got " + inputs[0]);
        }
        RandomState r = state.copy();
        return new Object[] {r, distribution.draw(r, size)};
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
        return "RandomFunction{" + distribution.displayName() + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomFunction f && distribution.equals(f.distribution) && Arrays.equals(size, f.size);
    }

    @Override
    public int hashCode() {
        return distribution.hashCode() * 31 + Arrays.hashCode(size);
    }

    @Override
    public String toString() {
        return displayName() + Arrays.toString(size);
    }
}
