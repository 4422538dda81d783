package org.theano4j.op.nnet;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code Pool} over the last two axes ({@code pool_2d}): max, sum or average of each
 * window. Its gradient is {@link MaxPoolGrad} for max and {@link AveragePoolGrad} otherwise.
 *
 * @param params window, stride, padding, border and mode
 */
public record Pool(PoolParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return List.of(PoolShapes.pooled(PoolShapes.check("pool_2d", inputs, 1)));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {PoolShapes.outShape(params, ((NDArray) inputs[0]).shape())};
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ConvShapeRules.pool(params, inputShapes.get(0), dims);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        long[] shape = PoolShapes.outShape(params, x.shape());
        PoolLoops.Windows w = PoolShapes.windows(params, x.shape());
        double[] in = x.toDoubleArray();
        double[] out = new double[PoolShapes.planes(x.shape()) * w.outPlane()];
        for (int p = 0; p < PoolShapes.planes(x.shape()); p++) {
            PoolLoops.forward(w, in, p * w.inPlane(), out, p * w.outPlane());
        }
        return new Object[] {PoolShapes.result(x, shape, out)};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null) {
            return Collections.singletonList(null);
        }
        Variable x = node.input(0);
        Variable g = Conv.castLike(gz, x);
        Op op = params.mode() == PoolParams.Mode.MAX ? new MaxPoolGrad(params) : new AveragePoolGrad(params);
        return List.of(params.mode() == PoolParams.Mode.MAX ? Apply.single(op, x, node.output(0), g) : Apply.single(op, x, g));
    }

    @Override
    public String displayName() {
        return "Pool{" + params + "}";
    }
}
