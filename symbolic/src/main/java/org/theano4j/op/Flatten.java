package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code flatten(x, ndim)} for {@code ndim >= 2}: keeps the first {@code outdim - 1} axes
 * and joins the rest into the last one (C order). A view when the input is C-contiguous. The
 * kept axes keep their broadcastable flags; the last one is broadcastable when every joined axis is.
 *
 * @param outdim the number of output axes, at least 2
 */
public record Flatten(int outdim) implements Op {

    /** Checks {@code outdim >= 2} ({@code outdim} 1 is a plain {@code reshape(x, -1)}). */
    public Flatten {
        if (outdim < 2) {
            throw new IllegalArgumentException("Flatten: outdim must be >= 2 (1 is reshape to -1), got " + outdim);
        }
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Flatten takes 1 input, got " + inputs.size());
        }
        TensorType t = inputs.get(0).tensorType();
        if (outdim > t.ndim()) {
            throw new IllegalArgumentException("flatten: outdim " + outdim + " out of bound [1, " + (t.ndim() + 1)
                    + ") for " + inputs.get(0) + " (" + t.describe() + ")");
        }
        boolean[] bc = new boolean[outdim];
        bc[outdim - 1] = true;
        for (int a = 0; a < t.ndim(); a++) {
            if (a < outdim - 1) {
                bc[a] = t.isBroadcastable(a);
            } else {
                bc[outdim - 1] &= t.isBroadcastable(a);
            }
        }
        return List.of(new TensorType(t.dtype(), bc));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        long[] target = new long[outdim];
        long last = 1;
        for (int a = 0; a < x.ndim(); a++) {
            if (a < outdim - 1) {
                target[a] = x.shape(a);
            } else {
                last *= x.shape(a);
            }
        }
        target[outdim - 1] = last;
        return new Object[] {Reshape.reshape(x, target)};
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** As {@link Reshape#readsElements}. */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return Reshape.copies(inputs[0]);
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
        return "Flatten{" + outdim + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "flatten(" + inputs.get(0) + ", " + outdim + ")";
    }
}
