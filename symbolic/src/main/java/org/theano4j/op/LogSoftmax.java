package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Log-softmax over the last axis, computed stably as {@code x - max - log(sum(exp(x - max)))}.
 * Gradient: {@code gz - exp(out) * sum(gz, axis=-1, keepdims)}.
 */
public record LogSoftmax() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return List.of(Softmax.checkRowInput("LogSoftmax", inputs, 1));
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
        Softmax.forEachRow(x, (base, rows, start) -> {
            double m = Softmax.rowMax(x, rows, start);
            double s = 0;
            ReduceGroups.Cursor c = rows.cursor(start);
            for (long i = 0; i < rows.length(); i++) {
                s += Elementary.exp(x.readDouble(c.next()) - m);
            }
            double shift = m + Math.log(s);
            c = rows.cursor(start);
            for (long i = 0; i < rows.length(); i++) {
                out.writeDouble(base + i, x.readDouble(c.next()) - shift);
            }
        });
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null) {
            return Collections.singletonList(null);
        }
        Variable out = node.output(0);
        Variable g = Ops.sub(gz, Ops.mul(Ops.exp(out), SoftmaxGrad.rowSum(gz, out.ndim() - 1)));
        return List.of(Ops.cast(g, node.input(0).dtype()));
    }

    @Override
    public String displayName() {
        return "LogSoftmax";
    }

    @Override
    public String format(List<String> inputs) {
        return "log_softmax(" + inputs.get(0) + ")";
    }
}
