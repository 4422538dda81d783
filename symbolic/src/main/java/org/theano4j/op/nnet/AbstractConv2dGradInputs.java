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
 * Theano's {@code AbstractConv2d_gradInputs}: the gradient of a convolution with respect to its
 * input, from the filters, the output gradient and the input's {@code (rows, columns)} (an
 * integer vector; with subsampling several input sizes give one output size). Its gradient
 * w.r.t. the filters is {@link AbstractConv2dGradWeights}, w.r.t. the output gradient the
 * convolution itself.
 *
 * @param params the convolution's parameters
 */
public record AbstractConv2dGradInputs(ConvParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        ConvTypes.check("AbstractConv2d_gradInputs", inputs, 3, "filters", "output gradient");
        boolean[] w = inputs.get(0).broadcastable();
        boolean[] top = inputs.get(1).broadcastable();
        return List.of(new TensorType(inputs.get(0).dtype(), top[0], w[1], false, false));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {geometry(inputs).inputShape()};
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ConvShapeRules.gradInputs(node, inputShapes.get(0), inputShapes.get(1), dims);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray w = (NDArray) inputs[0];
        return new Object[] {ConvReference.gradInputs(geometry(inputs), w, (NDArray) inputs[1], w.dtype())};
    }

    /** The geometry for run-time inputs. */
    public ConvGeometry geometry(Object[] inputs) {
        return ConvGeometry.gradInputs(params, ((NDArray) inputs[0]).shape(), ((NDArray) inputs[1]).shape(),
                ConvTypes.sizes(inputs[2]));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gx = outputGrads.get(0);
        if (gx == null) {
            return Arrays.asList(null, null, null);
        }
        Variable w = node.input(0);
        Variable top = node.input(1);
        Variable x = Conv.castLike(gx, w);
        return Arrays.asList(Conv.gradWeights(params, x, top, Conv.lastTwo(w)), Conv.conv2d(x, w, params), null);
    }

    @Override
    public String displayName() {
        return "AbstractConv2d_gradInputs{" + params + "}";
    }
}
