package org.theano4j.op.nnet;

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
 * Theano's {@code AbstractConv2d_gradWeights}: the gradient of a convolution with respect to its
 * filters, from the input, the output gradient and the filters' {@code (fh, fw)} (an integer
 * vector). Its gradient w.r.t. the input is {@link AbstractConv2dGradInputs}, w.r.t. the output
 * gradient the convolution itself.
 *
 * @param params the convolution's parameters
 */
public record AbstractConv2dGradWeights(ConvParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        ConvTypes.check("AbstractConv2d_gradWeights", inputs, 3, "input", "output gradient");
        boolean[] x = inputs.get(0).broadcastable();
        boolean[] top = inputs.get(1).broadcastable();
        return List.of(new TensorType(inputs.get(0).dtype(), top[1], x[1], false, false));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {geometry(inputs).filterShape()};
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ConvShapeRules.gradWeights(node, inputShapes.get(0), inputShapes.get(1), dims);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        return new Object[] {ConvReference.gradWeights(geometry(inputs), x, (NDArray) inputs[1], x.dtype())};
    }

    /** The geometry for run-time inputs. */
    public ConvGeometry geometry(Object[] inputs) {
        return ConvGeometry.gradWeights(params, ((NDArray) inputs[0]).shape(), ((NDArray) inputs[1]).shape(),
                ConvTypes.sizes(inputs[2]));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gw = outputGrads.get(0);
        if (gw == null) {
            return Arrays.asList(null, null, null);
        }
        Variable x = node.input(0);
        Variable top = node.input(1);
        Variable w = Conv.castLike(gw, x);
        return Arrays.asList(Conv.gradInputs(params, w, top, Conv.lastTwo(x)), Conv.conv2d(x, w, params), null);
    }

    @Override
    public String displayName() {
        return "AbstractConv2d_gradWeights{" + params + "}";
    }
}
