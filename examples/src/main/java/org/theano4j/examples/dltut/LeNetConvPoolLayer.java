package org.theano4j.examples.dltut;

import java.util.Arrays;
import java.util.List;
import org.theano4j.ConvOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The tutorials' {@code LeNetConvPoolLayer} (convolutional_mlp.py): a valid convolution with
 * flipped filters, max pooling without the border, then {@code tanh(pooled + b)} with one bias per
 * filter broadcast over the batch and the feature map. W is drawn uniformly in
 * {@code +-sqrt(6 / (fan_in + fan_out))}, {@code fan_in = channels * rows * cols},
 * {@code fan_out = filters * rows * cols // (pool rows * pool cols)}; b is zero.
 */
public final class LeNetConvPoolLayer {
    /** The filters, (filters, channels, rows, columns). */
    public final SharedVariable w;
    /** The biases, one per filter. */
    public final SharedVariable b;
    /** The layer's output, (batch, filters, pooled rows, pooled columns). */
    public final Variable output;
    /** The parameters: W, b. */
    public final List<SharedVariable> params;

    /**
     * {@code LeNetConvPoolLayer(rng, input, filter_shape, image_shape, poolsize)}.
     *
     * @param rng draws W
     * @param input a 4-d tensor of shape {@code imageShape}
     * @param filterShape (filters, channels, rows, columns)
     * @param imageShape (batch, channels, rows, columns)
     * @param poolSize the max-pooling window (rows, columns)
     */
    public LeNetConvPoolLayer(RandomState rng, Variable input, int[] filterShape, int[] imageShape, int[] poolSize) {
        if (filterShape.length != 4 || imageShape.length != 4 || poolSize.length != 2) {
            throw new IllegalArgumentException("filterShape and imageShape need 4 entries, poolSize 2; given filterShape "
                    + Arrays.toString(filterShape) + ", imageShape " + Arrays.toString(imageShape)
                    + ", poolSize " + Arrays.toString(poolSize));
        }
        if (imageShape[1] != filterShape[1]) {
            throw new IllegalArgumentException("imageShape[1] (input channels) must equal filterShape[1]: image shape "
                    + Arrays.toString(imageShape) + ", filter shape " + Arrays.toString(filterShape));
        }
        long fanIn = (long) filterShape[1] * filterShape[2] * filterShape[3];
        long fanOut = (long) filterShape[0] * filterShape[2] * filterShape[3] / ((long) poolSize[0] * poolSize[1]);
        double bound = Math.sqrt(6. / (fanIn + fanOut));
        double[] values = rng.uniform(-bound, bound, filterShape[0], filterShape[1], filterShape[2], filterShape[3]);
        w = Theano.shared(NDArray.of(values).reshape(filterShape[0], filterShape[1], filterShape[2], filterShape[3]), null, true);
        b = Theano.shared(NDArray.zeros(DType.FLOAT64, filterShape[0]), null, true);
        Variable convOut = T.nnet.conv2d(input, w, ConvOptions.defaults());
        Variable pooledOut = T.signal.pool.pool2d(convOut, poolSize, true);
        output = T.tanh(pooledOut.add(b.dimshuffle("x", 0, "x", "x")));
        params = List.of(w, b);
    }
}
