package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's SoftmaxGrad: given the output gradient {@code dy} and the softmax output {@code sm},
 * {@code (dy - sum(dy * sm, axis=-1, keepdims)) * sm}. Its own gradient is built from
 * elementwise ops and reductions, so second derivatives work.
 */
public record SoftmaxGrad() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        Softmax.checkRowInput("SoftmaxGrad", inputs, 2);
        Variable dy = inputs.get(0);
        Variable sm = inputs.get(1);
        if (dy.dtype() != sm.dtype() || dy.ndim() != sm.ndim()) {
            throw new IllegalArgumentException("SoftmaxGrad: dy " + dy.type().describe() + " and softmax output "
                    + sm.type().describe() + " must have the same dtype and ndim");
        }
        return List.of(sm.tensorType());
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(inputShapes.get(1));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[1]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray sm = (NDArray) inputs[1];
        // a C-ordered copy of dy, so row r of it starts at the same flat index as row r of out
        NDArray dy = ((NDArray) inputs[0]).broadcastTo(sm.shape()).copy();
        NDArray out = NDArray.empty(sm.dtype(), sm.shape());
        Softmax.forEachRow(sm, (base, rows, start) -> {
            double s = 0;
            ReduceGroups.Cursor c = rows.cursor(start);
            for (long i = 0; i < rows.length(); i++) {
                s += dy.readDouble(base + i) * sm.readDouble(c.next());
            }
            c = rows.cursor(start);
            for (long i = 0; i < rows.length(); i++) {
                out.writeDouble(base + i, (dy.readDouble(base + i) - s) * sm.readDouble(c.next()));
            }
        });
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable dy = node.input(0);
        Variable sm = node.input(1);
        Variable g = outputGrads.get(0);
        if (g == null) {
            return java.util.Arrays.asList(null, null);
        }
        int last = sm.ndim() - 1;
        // out = (dy - s) * sm with s = rowsum(dy * sm); r = rowsum(g * sm)
        Variable s = rowSum(Ops.mul(dy, sm), last);
        Variable r = rowSum(Ops.mul(g, sm), last);
        Variable gdy = Apply.single(new SoftmaxGrad(), g, sm);
        Variable gsm = Ops.sub(Ops.mul(g, Ops.sub(dy, s)), Ops.mul(dy, r));
        return List.of(gdy, gsm);
    }

    /** {@code sum(x, axis=last, keepdims=True)}. */
    static Variable rowSum(Variable x, int last) {
        return Axes.keepDims(Reductions.sum(x, new int[] {last}), List.of(last), x.ndim());
    }

    @Override
    public String displayName() {
        return "SoftmaxGrad";
    }
}
