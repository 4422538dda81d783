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
 * Theano's {@code AveragePoolGrad} (modes sum, average_inc_pad, average_exc_pad): from the input
 * {@code x} (for its shape) and the pooled gradient {@code gz}, each window's {@code gz} (divided
 * as the average divided) added to every element of the window. Its gradient w.r.t. {@code gz}
 * is the pooling itself.
 *
 * @param params the pooling's parameters (a mode other than max)
 */
public record AveragePoolGrad(PoolParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return List.of(PoolShapes.check("AveragePoolGrad", inputs, 2));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {PoolShapes.checkPooled("AveragePoolGrad", params, inputs, "output gradient")};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        PoolShapes.checkPooled("AveragePoolGrad", params, inputs, "output gradient");
        PoolLoops.Windows w = PoolShapes.windows(params, x.shape());
        double[] gz = ((NDArray) inputs[1]).toDoubleArray();
        double[] gx = new double[Math.toIntExact(x.size())];
        for (int p = 0; p < PoolShapes.planes(x.shape()); p++) {
            PoolLoops.averageGrad(w, gz, p * w.inPlane(), p * w.outPlane(), gx);
        }
        return new Object[] {PoolShapes.result(x, x.shape(), gx)};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable ggx = outputGrads.get(0);
        if (ggx == null) {
            return Arrays.asList(null, null);
        }
        Variable x = node.input(0);
        return List.of(Ops.zerosLike(x), Apply.single(new Pool(params), Conv.castLike(ggx, x)));
    }

    @Override
    public String displayName() {
        return "AveragePoolGrad{" + params + "}";
    }
}
