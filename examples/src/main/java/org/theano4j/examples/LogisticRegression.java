package org.theano4j.examples;

import java.util.List;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.NDArray;

/**
 * The seed page's "real example": logistic regression trained by gradient descent, N=400
 * samples of 784 features, 10,000 steps, data drawn from numpy's generator (seeded, so the run
 * is reproducible and matches numpy's {@code RandomState(seed)} draws).
 * Arguments: [steps] [seed].
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /** Trains and prints the model and predictions as the seed page does. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        RandomState rng = new RandomState(seed);
        int n = 400;
        int feats = 784;
        NDArray dx = NDArray.of(rng.randn(n, feats)).reshape(n, feats);
        NDArray dy = NDArray.of(rng.randint(0, 2, n));

        Variable x = T.dmatrix("x");
        Variable y = T.dvector("y");
        SharedVariable w = Theano.shared(rng.randn(feats), "w");
        SharedVariable b = Theano.shared(0.0, "b");
        System.out.println("Initial model:");
        System.out.println(w.getValue().str());
        System.out.println(b.getValue().str());

        Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));   // probability that target = 1
        Variable prediction = T.gt(p1, 0.5);                                      // the prediction thresholded
        Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1)))); // cross-entropy
        Variable cost = T.add(xent.mean(), T.mul(0.01, w.pow(2).sum()));          // the cost to minimize
        List<Variable> g = T.grad(cost, List.of(w, b));                           // gradient w.r.t. w and b

        Function train = Theano.function(List.of(x, y), List.of(prediction, xent),
                Theano.options().update(w, w.sub(T.mul(0.1, g.get(0)))).update(b, b.sub(T.mul(0.1, g.get(1)))));
        Function predict = Theano.function(List.of(x), prediction);

        long start = System.nanoTime();
        List<NDArray> last = null;
        for (int i = 0; i < steps; i++) {
            last = train.callAll(dx, dy);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.println("Final model:");
        System.out.println(w.getValue().str());
        System.out.println(b.getValue().str());
        System.out.println("target values for D:");
        System.out.println(dy.str());
        System.out.println("prediction on D:");
        System.out.println(predict.call(dx).str());
        if (last != null) {
            System.out.printf("%d steps in %.2f s (%.1f us/step), final mean xent %.6g%n", steps, seconds,
                    seconds * 1e6 / steps, mean(last.get(1)));
        }
    }

    private static double mean(NDArray a) {
        double s = 0;
        for (double v : a.toDoubleArray()) {
            s += v;
        }
        return s / a.size();
    }
}
