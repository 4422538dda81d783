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
 * Theano's {@code MaxPoolGrad}: from the input {@code x}, the pooled maximum {@code z} and its
 * gradient {@code gz}, the gradient w.r.t. {@code x}: each window's {@code gz} goes to every
 * element of the window equal to its maximum (ties all get it, as in Theano). Its gradient
 * w.r.t. {@code gz} is {@link DownsampleFactorMaxGradGrad}.
 *
 * @param params the pooling's parameters (mode max)
 */
public record MaxPoolGrad(PoolParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return List.of(PoolShapes.check("MaxPoolGrad", inputs, 3));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {PoolShapes.checkPooled("MaxPoolGrad", params, inputs, "maxout", "output gradient")};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        PoolShapes.checkPooled("MaxPoolGrad", params, inputs, "maxout", "output gradient");
        PoolLoops.Windows w = PoolShapes.windows(params, x.shape());
        double[] xs = x.toDoubleArray();
        double[] z = ((NDArray) inputs[1]).toDoubleArray();
        double[] gz = ((NDArray) inputs[2]).toDoubleArray();
        double[] gx = new double[xs.length];
        for (int p = 0; p < PoolShapes.planes(x.shape()); p++) {
            PoolLoops.maxGrad(w, xs, z, gz, p * w.inPlane(), p * w.outPlane(), gx);
        }
        return new Object[] {PoolShapes.result(x, x.shape(), gx)};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable ggx = outputGrads.get(0);
        if (ggx == null) {
            return Arrays.asList(null, null, null);
        }
        Variable x = node.input(0);
        Variable z = node.input(1);
        return List.of(Ops.zerosLike(x), Ops.zerosLike(z),
                Apply.single(new DownsampleFactorMaxGradGrad(params), x, z, Conv.castLike(ggx, x)));
    }

    @Override
    public String displayName() {
        return "MaxPoolGrad{" + params + "}";
    }
}
