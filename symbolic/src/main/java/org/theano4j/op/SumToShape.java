package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * {@code sumToShape(g, x)}: sums {@code g} over the axes where {@code x} has length 1 and
 * {@code g} does not, giving an array of x's shape (the gradient of broadcasting). Returns g
 * itself when the shapes already agree.
 */
public record SumToShape() implements Op {
    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        TensorType g = inputs.get(0).tensorType();
        TensorType x = inputs.get(1).tensorType();
        if (g.ndim() != x.ndim()) {
            throw new IllegalArgumentException("sumToShape: ndim " + g.ndim() + " vs " + x.ndim());
        }
        return List.of(x.withDType(g.dtype()));
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(inputShapes.get(1));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray g = (NDArray) inputs[0];
        long[] target = ((NDArray) inputs[1]).shape();
        long[] shape = g.shape();
        if (Arrays.equals(shape, target)) {
            return new Object[] {g};
        }
        NDArray out = NDArray.zeros(g.dtype(), target);
        NDArray acc = out.broadcastTo(shape);
        // accumulate with broadcasting: out[...] += g[...]
        Loops it = new Loops(shape, g, acc);
        boolean isFloat = g.dtype().isFloat();
        for (; it.hasNext(); it.next()) {
            if (isFloat) {
                acc.writeDouble(it.pos(1), acc.readDouble(it.pos(1)) + g.readDouble(it.pos(0)));
            } else {
                acc.writeLong(it.pos(1), acc.readLong(it.pos(1)) + g.readLong(it.pos(0)));
            }
        }
        return new Object[] {out};
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** Reads {@code x}'s shape only, and {@code g}'s elements only when it sums them (the shapes differ). */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return input == 0 && !Arrays.equals(((NDArray) inputs[0]).shape(), ((NDArray) inputs[1]).shape());
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        return Arrays.asList(Ops.add(Ops.zerosLike(node.input(0)), gz), null);
    }

    @Override
    public String displayName() {
        return "SumToShape";
    }
}
