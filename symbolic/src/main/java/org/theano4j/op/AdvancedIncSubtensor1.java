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
 * A copy of {@code x} with {@code y} added into (or assigned to) the slices {@code x[idx]} along
 * {@code axis}; {@code y} broadcasts to the shape of {@code take(x, idx, axis)}. Repeated indices
 * accumulate when adding ({@code numpy.add.at}); when assigning the last one wins.
 * Inputs: {@code (x, y, idx)}.
 *
 * @param axis the resolved axis that is indexed
 * @param set assign when true, add when false
 */
public record AdvancedIncSubtensor1(int axis, boolean set) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException(displayName() + " takes 3 inputs (x, y, indices), got " + inputs.size());
        }
        TensorType x = inputs.get(0).tensorType();
        Variable y = inputs.get(1);
        AdvancedSubtensor1.checkIndices(displayName(), x, axis, inputs.get(2));
        if (y.dtype() != x.dtype() || y.ndim() > x.ndim()) {
            throw new IllegalArgumentException(displayName() + ": value " + y + " must have dtype "
                    + x.dtype().numpyName() + " and at most " + x.ndim() + " axes, got " + y.type().describe());
        }
        return List.of(x);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[0]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = x.copy();
        Indices idx = Indices.check((NDArray) inputs[2], x.shape(axis), axis);
        long[] region = x.shape();
        region[axis] = idx.count();
        NDArray y = (NDArray) inputs[1];
        NDArray yb;
        try {
            yb = y.broadcastTo(region);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(displayName() + ": value of shape "
                    + org.theano4j.tensor.Shapes.toString(y.shape()) + " does not broadcast to the indexed shape "
                    + org.theano4j.tensor.Shapes.toString(region), e);
        }
        for (long j = 0; j < idx.count(); j++) {
            IncSubtensor.update(out.index(axis, idx.get(j)), yb.index(axis, j), set, displayName());
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable y = node.input(1);
        Variable idx = node.input(2);
        Variable gz = outputGrads.get(0);
        if (gz == null || !x.dtype().isFloat()) {
            return Arrays.asList(null, null, null);
        }
        Variable gx = set ? Apply.single(new AdvancedIncSubtensor1(axis, true), gz, AdvancedSubtensor1.zeroOf(gz), idx) : gz;
        Variable gy = Broadcasting.reduceTo(Apply.single(new AdvancedSubtensor1(axis), gz, idx), y);
        return Arrays.asList(gx, gy, null);
    }

    @Override
    public String displayName() {
        return (set ? "AdvancedSetSubtensor1" : "AdvancedIncSubtensor1") + "{axis=" + axis + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return (set ? "set_take(" : "inc_take(") + String.join(", ", inputs) + ", axis=" + axis + ")";
    }
}
