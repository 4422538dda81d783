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
 * Gradient of {@link CrossentropyCategorical1Hot} with respect to {@code p}: inputs
 * {@code (gy, p, t)}, output a matrix of p's shape, zero except {@code -gy[i] / p[i, t[i]]} at
 * {@code (i, t[i])}. Its own gradient uses a one-hot mask built from ops.
 */
public record CrossentropyCategorical1HotGrad() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException("CrossentropyCategorical1HotGrad takes 3 inputs (gy, p, targets), got "
                    + inputs.size());
        }
        Variable gy = inputs.get(0);
        TensorType p = CrossentropyCategorical1Hot.checkArgs("CrossentropyCategorical1HotGrad", inputs.get(1), inputs.get(2));
        if (gy.ndim() != 1 || gy.dtype() != p.dtype()) {
            throw new IllegalArgumentException("CrossentropyCategorical1HotGrad: gy " + gy + " must be a "
                    + p.dtype().numpyName() + " vector, got " + gy.type().describe());
        }
        return List.of(p);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[1]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray gy = (NDArray) inputs[0];
        NDArray p = (NDArray) inputs[1];
        Indices t = CrossentropyCategorical1Hot.targets("CrossentropyCategorical1HotGrad", p, (NDArray) inputs[2]);
        NDArray out = NDArray.zeros(p.dtype(), p.shape());
        long cols = p.shape(1);
        for (long i = 0; i < t.count(); i++) {
            out.writeDouble(i * cols + t.get(i), -gy.getDouble(i) / p.getDouble(i, t.get(i)));
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        if (g == null) {
            return Arrays.asList(null, null, null);
        }
        Variable gy = node.input(0);
        Variable p = node.input(1);
        Variable t = node.input(2);
        // out[i, j] = -gy[i] * mask[i, j] / p[i, j] with mask[i, j] = (j == t[i])
        Variable classes = ShapeOps.arange(0, Indexing.subtensor(ShapeOps.shape(p), 1), 1);
        Variable mask = Ops.eq(Ops.dimshuffle(classes, "x", 0), Ops.dimshuffle(t, 0, "x"));
        Variable gMasked = Ops.mul(g, mask);
        Variable ggy = Ops.neg(Reductions.sum(Ops.div(gMasked, p), new int[] {1}));
        Variable gp = Ops.div(Ops.mul(gMasked, Ops.dimshuffle(gy, 0, "x")), Ops.sqr(p));
        return Arrays.asList(Ops.cast(ggy, gy.dtype()), Ops.cast(gp, p.dtype()), null);
    }

    @Override
    public String displayName() {
        return "CrossentropyCategorical1HotGrad";
    }
}
