package org.theano4j;

import org.theano4j.op.DTypeRules;
import org.theano4j.op.Operands;
import org.theano4j.op.nnet.Activations;
import org.theano4j.op.nnet.Conv;
import org.theano4j.op.nnet.UltraFastSigmoid;

/**
 * Theano's {@code theano.tensor.nnet}, reached as {@link T#nnet}: {@code T.nnet.conv2d(x, w)},
 * {@code T.nnet.relu(x)}, {@code T.nnet.bn.batchNormalizationTrain(...)}. Operands are
 * {@code Object}s like every {@code T} method's (a {@link Variable}, a number, a Java array or an
 * {@code NDArray}).
 */
public final class Nnet {
    /** {@code theano.tensor.nnet.bn}: batch normalization. */
    public final BatchNorm bn = new BatchNorm();

    Nnet() {
    }

    /** {@code conv2d(input, filters)} with Theano's defaults (valid, no subsampling or dilation, flipped filters). */
    public Variable conv2d(Object input, Object filters) {
        return conv2d(input, filters, ConvOptions.defaults());
    }

    /**
     * Theano 1.0's {@code T.nnet.conv2d}: input {@code (batch, channels, rows, columns)}, filters
     * {@code (filters, channels, filter rows, filter columns)}, output
     * {@code (batch, filters, out rows, out columns)}; border mode, subsampling, dilation and flip
     * from {@code options}. Integer operands become float; mixed float32/float64 give float64.
     */
    public Variable conv2d(Object input, Object filters, ConvOptions options) {
        return Conv.conv2d(Operands.of(input), Operands.of(filters), options.params());
    }

    /**
     * Theano's {@code conv2d_grad_wrt_inputs}: the gradient of {@code conv2d} w.r.t. its input, for
     * the output gradient, the filters and the input's shape ({@code long[]} of 4 or of its last 2
     * entries); with subsampling several input sizes give one output size, hence the shape.
     */
    public Variable conv2dGradWrtInputs(Object outputGrad, Object filters, long[] inputShape, ConvOptions options) {
        return Conv.gradInputs(options.params(), Operands.of(filters), Operands.of(outputGrad), lastTwo("inputShape", inputShape));
    }

    /**
     * Theano's {@code conv2d_grad_wrt_weights}: the gradient of {@code conv2d} w.r.t. its filters,
     * for the input, the output gradient and the filters' shape ({@code long[]} of 4 or of its last 2 entries).
     */
    public Variable conv2dGradWrtWeights(Object input, Object outputGrad, long[] filterShape, ConvOptions options) {
        return Conv.gradWeights(options.params(), Operands.of(input), Operands.of(outputGrad), lastTwo("filterShape", filterShape));
    }

    private static long[] lastTwo(String name, long[] shape) {
        if (shape == null || (shape.length != 2 && shape.length != 4)) {
            throw new IllegalArgumentException(name + " must have 4 entries (or the last 2), got "
                    + (shape == null ? "null" : java.util.Arrays.toString(shape)));
        }
        return new long[] {shape[shape.length - 2], shape[shape.length - 1]};
    }

    /** {@code relu(x) = 0.5 * (x + |x|)} (gradient 1/2 at 0, as Theano's). */
    public Variable relu(Object x) {
        return Activations.relu(Operands.of(x), 0);
    }

    /** Leaky {@code relu(x, alpha)}: slope {@code alpha} below 0 (a number or a tensor). */
    public Variable relu(Object x, Object alpha) {
        return Activations.relu(Operands.of(x), alpha);
    }

    /** {@code elu(x) = switch(x > 0, x, expm1(x))}. */
    public Variable elu(Object x) {
        return Activations.elu(Operands.of(x), 1);
    }

    /** {@code elu(x, alpha) = switch(x > 0, x, alpha * expm1(x))}. */
    public Variable elu(Object x, Object alpha) {
        return Activations.elu(Operands.of(x), alpha);
    }

    /** {@code selu(x) = 1.0507009873554805 * elu(x, 1.6732632423543772)}. */
    public Variable selu(Object x) {
        return Activations.selu(Operands.of(x));
    }

    /** {@code hard_sigmoid(x) = clip(0.2 x + 0.5, 0, 1)}. */
    public Variable hardSigmoid(Object x) {
        return Activations.hardSigmoid(toFloat(Operands.of(x)));
    }

    /** Theano's piecewise {@code ultra_fast_sigmoid} (see {@code UltraFastSigmoid} for the formula). */
    public Variable ultraFastSigmoid(Object x) {
        return UltraFastSigmoid.apply(Operands.of(x));
    }

    /** {@code sigmoid(x)}, as {@link T#sigmoid}. */
    public Variable sigmoid(Object x) {
        return T.sigmoid(x);
    }

    /** {@code softmax(x)}, as {@link T#softmax}. */
    public Variable softmax(Object x) {
        return T.softmax(x);
    }

    private static Variable toFloat(Variable x) {
        return Operands.castTo(x, DTypeRules.upgradeToFloat(x.dtype()));
    }
}
