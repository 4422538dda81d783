package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Reshape to a fixed target shape in which one entry may be -1 (inferred). A view when the input
 * is C-contiguous, a copy otherwise; a size mismatch fails at run time naming both shapes.
 *
 * @param shape the target shape
 */
public record Reshape(List<Long> shape) implements Op {

    /** Checks the target: at most one -1, no other negative entry. */
    public Reshape {
        shape = List.copyOf(shape);
        long unknown = shape.stream().filter(d -> d == -1).count();
        if (unknown > 1 || shape.stream().anyMatch(d -> d < -1)) {
            throw new IllegalArgumentException("reshape: target shape " + shape
                    + " may hold one -1 and otherwise non-negative lengths");
        }
    }

    private long[] target() {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Reshape takes 1 input, got " + inputs.size());
        }
        boolean[] bc = new boolean[shape.size()];
        for (int i = 0; i < bc.length; i++) {
            bc[i] = shape.get(i) == 1;
        }
        return List.of(new TensorType(inputs.get(0).dtype(), bc));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        return new Object[] {reshape((NDArray) inputs[0], target())};
    }

    /**
     * @param x a run-time input of a reshape
     * @return whether {@link #reshape} copies its elements (it is not C-contiguous) rather than making a view
     */
    static boolean copies(Object x) {
        return !((NDArray) x).isCContiguous();
    }

    /** {@code x} reshaped to {@code target} (view when possible), errors naming both shapes. */
    static NDArray reshape(NDArray x, long[] target) {
        try {
            return x.reshape(Shapes.reshapeTarget(x.shape(), target));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reshape: cannot reshape array of shape " + Shapes.toString(x.shape())
                    + " (size " + x.size() + ") into shape " + Shapes.toString(target), e);
        }
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** A view of a C-contiguous input; any other is copied ({@link #reshape}). */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return copies(inputs[0]);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        if (!x.dtype().isFloat() || outputGrads.get(0) == null) {
            return Collections.singletonList(null);
        }
        return List.of(Apply.single(new ReshapeLike(), outputGrads.get(0), x));
    }

    @Override
    public String displayName() {
        return "Reshape{" + Shapes.toString(target()) + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "reshape(" + inputs.get(0) + ", " + Shapes.toString(target()) + ")";
    }
}
