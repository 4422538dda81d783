package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code Reshape(ndim)}: {@code x} reshaped to a shape known at run time, an integer vector
 * of {@code ndim} entries (one may be -1, inferred), as {@code x.reshape([n_steps, n_samples, dim])}
 * builds it. Inputs: {@code (x, shape)}. A view when {@code x} is C-contiguous; a size mismatch fails
 * at run time naming both shapes. {@link Reshape} is the form with a fixed target.
 *
 * @param broadcastable the output's broadcastable pattern (true where the length is the constant 1)
 */
public record ReshapeTo(List<Boolean> broadcastable) implements Op {

    /** Copies the pattern. */
    public ReshapeTo {
        broadcastable = List.copyOf(broadcastable);
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("ReshapeTo takes 2 inputs (x, shape), got " + inputs.size());
        }
        Variable shape = inputs.get(1);
        if (shape.ndim() != 1 || !shape.dtype().isInteger()) {
            throw new IllegalArgumentException("reshape: the shape must be an integer vector, got " + shape + " of type "
                    + shape.type().describe());
        }
        boolean[] bc = new boolean[broadcastable.size()];
        for (int i = 0; i < bc.length; i++) {
            bc[i] = broadcastable.get(i);
        }
        return List.of(new TensorType(inputs.get(0).dtype(), bc));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        long[] target = ((NDArray) inputs[1]).toLongArray();
        if (target.length != broadcastable.size()) {
            throw new IllegalArgumentException("reshape: the shape vector has " + target.length + " entries, expected "
                    + broadcastable.size());
        }
        return new Object[] {Reshape.reshape((NDArray) inputs[0], target)};
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** Reads the shape vector; {@code x} only when it is copied ({@link Reshape#readsElements}). */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return input != 0 || Reshape.copies(inputs[0]);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        if (!x.dtype().isFloat() || outputGrads.get(0) == null) {
            return Arrays.asList(null, null);
        }
        return Arrays.asList(Apply.single(new ReshapeLike(), outputGrads.get(0), x), null);
    }

    @Override
    public String displayName() {
        return "ReshapeTo{" + broadcastable.size() + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "reshape(" + inputs.get(0) + ", " + inputs.get(1) + ")";
    }
}
