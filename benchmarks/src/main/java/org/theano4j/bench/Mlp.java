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
 * float32 or float64: the {@code mlp} workload. Same initialisation as workloads.py (Glorot
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
    /** {@code step(x, labels) -> cost}, updating all parameters. */
    public final Function step;

    private Mlp(NDArray x, NDArray labels, Function step) {
        this.x = x;
        this.labels = labels;
        this.step = step;
    }

    /** Initialises the data and parameters in {@code dtype} and compiles the SGD step. */
    public static Mlp create(DType dtype) {
        RandomState rng = new RandomState(LogReg.SEED);
        NDArray x = NDArray.of(rng.uniform(-1, 1, BATCH, IN)).reshape(BATCH, IN).astype(dtype);
        NDArray labels = NDArray.of(rng.randint(0, OUT, BATCH));
        SharedVariable w1 = Theano.shared(glorot(rng, IN, HIDDEN, dtype), "W1");
        SharedVariable b1 = Theano.shared(NDArray.zeros(dtype, HIDDEN), "b1");
        SharedVariable w2 = Theano.shared(glorot(rng, HIDDEN, OUT, dtype), "W2");
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
        return new Mlp(x, labels, Theano.function(List.of(xv, yv), cost, opts));
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
