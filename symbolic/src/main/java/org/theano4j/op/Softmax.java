package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Softmax over the last axis, shifted by the row maximum for stability: {@code exp(x - max) /
 * sum(exp(x - max))}. Float inputs with at least one axis; computed in float64.
 * The gradient is {@link SoftmaxGrad}.
 */
public record Softmax() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return List.of(checkRowInput("Softmax", inputs, 1));
    }

    /** Checks that input 0 of {@code count} is a float tensor with at least one axis; returns its type. */
    static TensorType checkRowInput(String op, List<Variable> inputs, int count) {
        if (inputs.size() != count) {
            throw new IllegalArgumentException(op + " takes " + count + " input(s), got " + inputs.size());
        }
        Variable x = inputs.get(0);
        TensorType t = x.tensorType();
        if (t.ndim() == 0 || !t.dtype().isFloat()) {
            throw new IllegalArgumentException(op + ": input " + x + " must be a float vector or matrix, got " + t);
        }
        return t;
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[0]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = NDArray.empty(x.dtype(), x.shape());
        forEachRow(x, (base, pos) -> {
            double m = rowMax(x, pos);
            double s = 0;
            for (long p : pos) {
                s += Math.exp(x.readDouble(p) - m);
            }
            for (int i = 0; i < pos.length; i++) {
                out.writeDouble(base + i, Math.exp(x.readDouble(pos[i]) - m) / s);
            }
        });
        return new Object[] {out};
    }

    /** Receives one row along the last axis: the flat index of its first element and the element positions. */
    @FunctionalInterface
    interface RowVisitor {
        void visit(long base, long[] positions);
    }

    /** Visits every row along the last axis of {@code x} in C order. */
    static void forEachRow(NDArray x, RowVisitor visitor) {
        long n = x.shape(x.ndim() - 1);
        Reduce.forEachGroup(x, List.of(x.ndim() - 1), (row, pos) -> visitor.visit(row * n, pos));
    }

    /** The maximum of a row (NaN propagates; -inf for an empty row). */
    static double rowMax(NDArray x, long[] pos) {
        double m = Double.NEGATIVE_INFINITY;
        for (long p : pos) {
            m = Numerics.maximum(m, x.readDouble(p));
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        return java.util.Collections.singletonList(
                gz == null ? null : Apply.single(new SoftmaxGrad(), Operands.castTo(gz, node.output(0).dtype()), node.output(0)));
    }

    @Override
    public String displayName() {
        return "Softmax";
    }

    @Override
    public String format(List<String> inputs) {
        return "softmax(" + inputs.get(0) + ")";
    }
}
