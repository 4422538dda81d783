package org.theano4j.bench;

import java.util.List;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A 784-500-10 tanh/softmax multi-layer perceptron trained by plain SGD on a batch of 128, in
 * float32 or float64: the {@code mlp} workload. Same initialisation as benchmarks/python/common.py (Glorot
 * uniform from {@code RandomState(seed)}, zero biases, random inputs and labels).
 */
public final class Mlp {
    /** Batch size. */
    public static final int BATCH = 128;
    /** Layer widths: input, hidden, output. */
    public static final int IN = 784;
    /** Hidden width. */
    public static final int HIDDEN = 500;
    /** Number of classes. */
    public static final int OUT = 10;
    /** Learning rate. */
    public static final double LR = 0.01;

    /** Batch inputs, {@code BATCH x IN}. */
    public final NDArray x;
    /** Batch labels, int64 in {@code [0, OUT)}. */
    public final NDArray labels;
    /** The parameters W1, b1, W2, b2, updated by every step. */
    public final List<SharedVariable> params;
    /** {@code step(x, labels) -> cost}, updating all parameters. */
    public final Function step;

    private Mlp(Data data, List<SharedVariable> params, Function step) {
        this.x = data.x();
        this.labels = data.labels();
        this.params = params;
        this.step = step;
    }

    /**
     * The batch and the initial parameters in one dtype, drawn from {@code RandomState(seed)} in the
     * order of benchmarks/python/common.py.
     *
     * @param x batch inputs, {@code BATCH x IN}
     * @param labels int64 labels
     * @param w1 first-layer weights, {@code IN x HIDDEN} (Glorot uniform)
     * @param w2 second-layer weights, {@code HIDDEN x OUT} (Glorot uniform); both biases start at 0
     */
    public record Data(NDArray x, NDArray labels, NDArray w1, NDArray w2) {
        /** Draws the batch and the weights in {@code dtype}. */
        public static Data draw(DType dtype) {
            RandomState rng = new RandomState(LogReg.SEED);
            NDArray x = NDArray.of(rng.uniform(-1, 1, BATCH, IN)).reshape(BATCH, IN).astype(dtype);
            NDArray labels = NDArray.of(rng.randint(0, OUT, BATCH));
            NDArray w1 = glorot(rng, IN, HIDDEN, dtype);
            return new Data(x, labels, w1, glorot(rng, HIDDEN, OUT, dtype));
        }
    }

    /** Initialises the data and parameters in {@code dtype} and compiles the SGD step. */
    public static Mlp create(DType dtype) {
        return create(Data.draw(dtype));
    }

    /** Builds the graph on fresh shared variables initialised from {@code data} and compiles the SGD step. */
    public static Mlp create(Data data) {
        DType dtype = data.x().dtype();
        SharedVariable w1 = Theano.shared(data.w1(), "W1");
        SharedVariable b1 = Theano.shared(NDArray.zeros(dtype, HIDDEN), "b1");
        SharedVariable w2 = Theano.shared(data.w2(), "W2");
        SharedVariable b2 = Theano.shared(NDArray.zeros(dtype, OUT), "b2");
        Variable xv = T.matrix("x", dtype);
        Variable yv = T.lvector("y");
        Variable h = T.tanh(T.add(T.dot(xv, w1), b1));
        Variable p = T.softmax(T.add(T.dot(h, w2), b2));
        Variable cost = T.mean(T.categoricalCrossentropy(p, yv));
        List<SharedVariable> params = List.of(w1, b1, w2, b2);
        List<Variable> grads = T.grad(cost, params);
        FunctionOptions opts = Theano.options();
        for (int i = 0; i < params.size(); i++) {
            opts = opts.update(params.get(i), T.sub(params.get(i), T.mul(grads.get(i), LR)));
        }
        return new Mlp(data, params, Theano.function(List.of(xv, yv), cost, opts));
    }

    private static NDArray glorot(RandomState rng, int fanIn, int fanOut, DType dtype) {
        double bound = Math.sqrt(6.0 / (fanIn + fanOut));
        return NDArray.of(rng.uniform(-bound, bound, fanIn, fanOut)).reshape(fanIn, fanOut).astype(dtype);
    }

    /** One SGD step; returns the batch cost. */
    public double run() {
        return step.call(x, labels).item();
    }
}
