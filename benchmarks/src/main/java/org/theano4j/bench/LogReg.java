package org.theano4j.bench;

import java.util.List;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.NDArray;

/**
 * The seed's logistic regression (Theano tutorial, "A Real Example"), written with the literal
 * formulas of the seed page. The data come from {@code RandomState(seed)} exactly as numpy's
 * {@code rng.randn(N, feats), rng.randint(size=N, low=0, high=2)} and {@code w = rng.randn(feats)},
 * so every peer of {@code benchmarks/compare.sh} (benchmarks/python/common.py) trains on the same numbers.
 */
public final class LogReg {
    /** Training sample size of the seed. */
    public static final int N = 400;
    /** Number of input features of the seed. */
    public static final int FEATS = 784;
    /** Seed of the data, shared with workloads.py. */
    public static final long SEED = 1234;

    /** Inputs {@code x} (N x feats) and {@code y} (N, 0 or 1), float64. */
    public final NDArray x;
    /** Targets, float64 zeros and ones. */
    public final NDArray y;
    /** The weight vector. */
    public final SharedVariable w;
    /** The bias. */
    public final SharedVariable b;
    /** {@code train(x, y) -> [prediction, xent]}, updating w and b. */
    public final Function train;

    private LogReg(NDArray x, NDArray y, SharedVariable w, SharedVariable b, Function train) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.b = b;
        this.train = train;
    }

    /**
     * The training data and the initial weights, drawn from {@code RandomState(SEED)} in numpy's order.
     *
     * @param x inputs, N x feats
     * @param y targets, float64 zeros and ones
     * @param w0 the initial weight vector (the bias starts at 0)
     */
    public record Data(NDArray x, NDArray y, NDArray w0) {
        /** {@code rng.randn(N, feats)}, {@code rng.randint(size=N, low=0, high=2)}, {@code rng.randn(feats)}. */
        public static Data draw() {
            RandomState rng = new RandomState(SEED);
            NDArray x = NDArray.of(rng.randn(N, FEATS)).reshape(N, FEATS);
            long[] labels = rng.randint(0, 2, N);
            double[] targets = new double[N];
            for (int i = 0; i < N; i++) {
                targets[i] = labels[i];
            }
            return new Data(x, NDArray.of(targets), NDArray.of(rng.randn(FEATS)));
        }
    }

    /** Draws the data and initial weights, builds the graph and compiles {@code train}. */
    public static LogReg create() {
        return create(Data.draw());
    }

    /** Builds the graph on fresh shared variables initialised from {@code data} and compiles {@code train}. */
    public static LogReg create(Data data) {
        SharedVariable w = Theano.shared(data.w0(), "w");
        SharedVariable b = Theano.shared(0.0, "b");
        return new LogReg(data.x(), data.y(), w, b, compileTrain(w, b));
    }

    /**
     * Builds the seed's graph on {@code w} and {@code b} (gradients included) and compiles the
     * train function: what the {@code compile} workload times.
     */
    public static Function compileTrain(SharedVariable w, SharedVariable b) {
        Variable x = T.dmatrix("x");
        Variable y = T.dvector("y");
        Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
        Variable prediction = T.gt(p1, 0.5);
        Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1))));
        Variable cost = T.add(T.mean(xent), T.mul(0.01, T.sum(T.pow(w, 2))));
        List<Variable> g = T.grad(cost, List.of(w, b));
        return Theano.function(List.of(x, y), List.of(prediction, xent),
                Theano.options().update(w, T.sub(w, T.mul(0.1, g.get(0))))
                        .update(b, T.sub(b, T.mul(0.1, g.get(1)))));
    }

    /** One training step; returns {@code [prediction, xent]}. */
    public List<NDArray> step() {
        return train.callAll(x, y);
    }

    /** Whether every element of {@code a} is finite. */
    public static boolean allFinite(NDArray a) {
        for (double v : a.toDoubleArray()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
