package org.theano4j.examples.dltut;

import java.util.List;
import java.util.function.UnaryOperator;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The tutorials' {@code HiddenLayer} (mlp.py): {@code activation(input W + b)}, W drawn uniformly
 * in {@code +-sqrt(6 / (n_in + n_out))} from the given {@code RandomState} (times 4 for the
 * sigmoid), b zero. W and b may be given instead (the SdA shares them with its dA layers).
 */
public final class HiddenLayer {
    /** The activations available: the tutorials pass {@code T.tanh} or {@code T.nnet.sigmoid}. */
    public enum Activation {
        /** {@code T.tanh}. */
        TANH(T::tanh),
        /** {@code T.nnet.sigmoid}. */
        SIGMOID(T::sigmoid),
        /** No activation: the layer is linear. */
        NONE(v -> v);

        private final UnaryOperator<Variable> fn;

        Activation(UnaryOperator<Variable> fn) {
            this.fn = fn;
        }
    }

    /** The weights, (n_in, n_out). */
    public final SharedVariable w;
    /** The biases, (n_out). */
    public final SharedVariable b;
    /** The layer's output. */
    public final Variable output;
    /** The parameters: W, b. */
    public final List<SharedVariable> params;

    /** A layer with fresh W and b drawn from {@code rng}. */
    public HiddenLayer(RandomState rng, Variable input, int nIn, int nOut, Activation activation) {
        this(input, initialW(rng, nIn, nOut, activation), Theano.shared(NDArray.zeros(DType.FLOAT64, nOut), "b", true),
                activation);
    }

    /** A layer over given parameters. */
    public HiddenLayer(Variable input, SharedVariable w, SharedVariable b, Activation activation) {
        this.w = w;
        this.b = b;
        this.output = activation.fn.apply(T.dot(input, w).add(b));
        this.params = List.of(w, b);
    }

    private static SharedVariable initialW(RandomState rng, int nIn, int nOut, Activation activation) {
        double bound = Math.sqrt(6. / (nIn + nOut));
        double[] values = rng.uniform(-bound, bound, nIn, nOut);
        if (activation == Activation.SIGMOID) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= 4;
            }
        }
        return Theano.shared(NDArray.of(values).reshape(nIn, nOut), "W", true);
    }
}
