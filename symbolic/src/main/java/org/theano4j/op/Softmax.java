package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
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
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(inputShapes.get(0));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[0]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = NDArray.empty(x.dtype(), x.shape());
        forEachRow(x, (base, rows, start) -> {
            double m = rowMax(x, rows, start);
            double s = 0;
            ReduceGroups.Cursor c = rows.cursor(start);
            for (long i = 0; i < rows.length(); i++) {
                s += Elementary.exp(x.readDouble(c.next()) - m);
            }
            c = rows.cursor(start);
            for (long i = 0; i < rows.length(); i++) {
                out.writeDouble(base + i, Elementary.exp(x.readDouble(c.next()) - m) / s);
            }
        });
        return new Object[] {out};
    }

    /** Receives one row along the last axis: the flat index of its first element, and where its elements are. */
    @FunctionalInterface
    interface RowVisitor {
        void visit(long base, ReduceGroups rows, long start);
    }

    /** Visits every row along the last axis of {@code x} in C order. */
    static void forEachRow(NDArray x, RowVisitor visitor) {
        ReduceGroups rows = new ReduceGroups(x, List.of(x.ndim() - 1));
        for (long r = 0; r < rows.count(); r++) {
            visitor.visit(r * rows.length(), rows, rows.start(r));
        }
    }

    /** The maximum of a row (NaN propagates), 0 when it is infinite or the row is empty. */
    static double rowMax(NDArray x, ReduceGroups rows, long start) {
        double m = Double.NEGATIVE_INFINITY;
        ReduceGroups.Cursor c = rows.cursor(start);
        for (long i = 0; i < rows.length(); i++) {
            m = Numerics.maximum(m, x.readDouble(c.next()));
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
