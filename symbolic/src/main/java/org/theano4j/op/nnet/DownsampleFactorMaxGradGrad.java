package org.theano4j.op.nnet;

import java.util.Arrays;
import java.util.List;
import org.theano4j.op.Ops;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code DownsampleFactorMaxGradGrad}: the gradient of {@link MaxPoolGrad} w.r.t. its
 * output gradient. From the input {@code x}, the pooled maximum {@code z} and {@code ggx} (shaped
 * like {@code x}), each output position gets the sum of {@code ggx} over its window's maximum
 * positions. Its gradient w.r.t. {@code ggx} is {@link MaxPoolGrad}.
 *
 * @param params the pooling's parameters (mode max)
 */
public record DownsampleFactorMaxGradGrad(PoolParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        PoolShapes.check("DownsampleFactorMaxGradGrad", inputs, 3);
        return List.of(inputs.get(1).tensorType());
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {check(inputs)};
    }

    private long[] check(Object[] inputs) {
        PoolShapes.checkPooled("DownsampleFactorMaxGradGrad", params, inputs, "maxout");
        NDArray x = (NDArray) inputs[0];
        NDArray ggx = (NDArray) inputs[2];
        if (!Arrays.equals(x.shape(), ggx.shape())) {
            throw new IllegalArgumentException("DownsampleFactorMaxGradGrad: ggx has shape " + Arrays.toString(ggx.shape())
                    + " but the input has " + Arrays.toString(x.shape()));
        }
        return ((NDArray) inputs[1]).shape();
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        long[] zShape = check(inputs);
        NDArray x = (NDArray) inputs[0];
        PoolLoops.Windows w = PoolShapes.windows(params, x.shape());
        double[] xs = x.toDoubleArray();
        double[] z = ((NDArray) inputs[1]).toDoubleArray();
        double[] ggx = ((NDArray) inputs[2]).toDoubleArray();
        double[] ggz = new double[z.length];
        for (int p = 0; p < PoolShapes.planes(x.shape()); p++) {
            PoolLoops.maxGradGrad(w, xs, z, ggx, p * w.inPlane(), p * w.outPlane(), ggz);
        }
        return new Object[] {PoolShapes.result(x, zShape, ggz)};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null) {
            return Arrays.asList(null, null, null);
        }
        Variable x = node.input(0);
        Variable z = node.input(1);
        return List.of(Ops.zerosLike(x), Ops.zerosLike(z), Apply.single(new MaxPoolGrad(params), x, z, Conv.castLike(gz, x)));
    }

    @Override
    public String displayName() {
        return "DownsampleFactorMaxGradGrad{" + params + "}";
    }
}
