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
 * Theano 1.0's {@code AbstractConv2d}: {@code conv2d(input, filters)} for input
 * {@code (batch, channels, rows, columns)} and filters {@code (filters, channels, fh, fw)}, with
 * the border mode, subsampling, dilation and flip of {@link ConvParams}. Its gradients are
 * {@link AbstractConv2dGradInputs} and {@link AbstractConv2dGradWeights}, whose own gradients
 * lead back to these three ops, so second derivatives work wherever Theano's do.
 *
 * @param params the convolution's parameters
 */
public record AbstractConv2d(ConvParams params) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        ConvTypes.check("conv2d", inputs, 2, "input", "filters");
        boolean[] x = inputs.get(0).broadcastable();
        boolean[] w = inputs.get(1).broadcastable();
        return List.of(new TensorType(inputs.get(0).dtype(), x[0], w[0], false, false));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {geometry(inputs).outputShape()};
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ConvShapeRules.forward(params, inputShapes.get(0), inputShapes.get(1), dims);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        return new Object[] {ConvReference.forward(geometry(inputs), x, (NDArray) inputs[1], x.dtype())};
    }

    /** The geometry for run-time inputs. */
    public ConvGeometry geometry(Object[] inputs) {
        return ConvGeometry.forward(params, ((NDArray) inputs[0]).shape(), ((NDArray) inputs[1]).shape());
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null) {
            return Arrays.asList(null, null);
        }
        Variable x = node.input(0);
        Variable w = node.input(1);
        Variable top = Conv.castLike(gz, x);
        return List.of(Conv.gradInputs(params, w, top, Conv.lastTwo(x)), Conv.gradWeights(params, x, top, Conv.lastTwo(w)));
    }

    @Override
    public String displayName() {
        return "AbstractConv2d{" + params + "}";
    }
}
