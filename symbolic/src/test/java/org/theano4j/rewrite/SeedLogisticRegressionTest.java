package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * The seed page's logistic regression (N = 400, feats = 784, w ~ randn, so |dot(x, w)| is about
 * 28 and often beyond 37, where {@code 1/(1+exp(-z))} rounds to exactly 1): the compiled train
 * function stays finite and follows exact gradient descent.
 */
class SeedLogisticRegressionTest {
    private static final int N = 400;
    private static final int FEATS = 784;

    /** The data and initial weights, from a fixed seed (Box-Muller normals). */
    private record Data(double[][] x, double[] y, double[] w0) {
        static Data generate() {
            SplittableRandom rng = new SplittableRandom(1234);
            double[][] x = new double[N][FEATS];
            for (double[] row : x) {
                for (int j = 0; j < FEATS; j++) {
                    row[j] = gaussian(rng);
                }
            }
            double[] y = new double[N];
            for (int i = 0; i < N; i++) {
                y[i] = rng.nextInt(2);
            }
            double[] w = new double[FEATS];
            for (int j = 0; j < FEATS; j++) {
                w[j] = gaussian(rng);
            }
            return new Data(x, y, w);
        }

        private static double gaussian(SplittableRandom rng) {
            double u1 = 1 - rng.nextDouble();
            double u2 = rng.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }

    /** The seed's train function over fresh shared w (given) and b = 0. */
    private record Model(SharedVariable w, SharedVariable b, Function train) {
        static Model build(double[] w0) {
            Variable x = T.dmatrix("x");
            Variable y = T.dvector("y");
            SharedVariable w = Theano.shared(w0.clone(), "w");
            SharedVariable b = Theano.shared(0.0, "b");
            Variable p1 = T.div(1, T.add(1, T.exp(T.sub(T.neg(T.dot(x, w)), b))));
            Variable prediction = T.gt(p1, 0.5);
            Variable xent = T.sub(T.mul(T.neg(y), T.log(p1)), T.mul(T.sub(1, y), T.log(T.sub(1, p1))));
            Variable cost = T.add(xent.mean(), T.mul(0.01, T.sum(T.pow(w, 2))));
            List<Variable> g = T.grad(cost, List.of(w, b));
            Function train = Theano.function(List.of(x, y), List.of(prediction, xent), Theano.options()
                    .update(w, w.sub(T.mul(0.1, g.get(0)))).update(b, b.sub(T.mul(0.1, g.get(1)))));
            return new Model(w, b, train);
        }
    }

    @Test
    void xentStaysFiniteWhileDotSaturates() {
        Data d = Data.generate();
        assertTrue(maxAbsLogit(d, d.w0(), 0) > 37, "the test data must saturate the sigmoid");
        Model m = Model.build(d.w0());
        for (int step = 0; step < 20; step++) {
            List<NDArray> out = m.train().callAll(d.x(), d.y());
            for (double v : out.get(1).toDoubleArray()) {
                assertTrue(Double.isFinite(v), "xent not finite at step " + step);
            }
            for (double v : m.w().getValue().toDoubleArray()) {
                assertTrue(Double.isFinite(v), "w not finite after step " + step);
            }
        }
    }

    @Test
    void compiledGraphUsesSigmoidAndSoftplus() {
        String printed = Model.build(Data.generate().w0()).train().debugprint();
        assertTrue(printed.contains("sigmoid"), printed);
        assertTrue(printed.contains("softplus"), printed);
    }

    @Test
    void fiveStepsEqualExactGradientDescent() {
        Data d = Data.generate();
        Model m = Model.build(d.w0());
        double[] w = d.w0().clone();
        double[] b = {0};
        for (int step = 0; step < 5; step++) {
            m.train().callAll(d.x(), d.y());
            handStep(d, w, b);
        }
        double[] got = m.w().getValue().toDoubleArray();
        assertEquals(FEATS, got.length);
        for (int j = 0; j < FEATS; j++) {
            assertEquals(w[j], got[j], 1e-9 * Math.abs(w[j]) + 1e-12, "w[" + j + "]");
        }
        assertEquals(b[0], m.b().getValue().item(), 1e-9 * Math.abs(b[0]) + 1e-12, "b");
    }

    /** One step of w -= 0.1 (x^T (p - y) / N + 0.02 w), b -= 0.1 mean(p - y), p = sigmoid computed stably. */
    private static void handStep(Data d, double[] w, double[] b) {
        double[] gw = new double[FEATS];
        double gb = 0;
        for (int i = 0; i < N; i++) {
            double z = b[0];
            for (int j = 0; j < FEATS; j++) {
                z += d.x()[i][j] * w[j];
            }
            double r = (stableSigmoid(z) - d.y()[i]) / N;
            gb += r;
            for (int j = 0; j < FEATS; j++) {
                gw[j] += d.x()[i][j] * r;
            }
        }
        for (int j = 0; j < FEATS; j++) {
            w[j] -= 0.1 * (gw[j] + 0.02 * w[j]);
        }
        b[0] -= 0.1 * gb;
    }

    private static double stableSigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double maxAbsLogit(Data d, double[] w, double b) {
        double max = 0;
        for (double[] row : d.x()) {
            double z = b;
            for (int j = 0; j < FEATS; j++) {
                z += row[j] * w[j];
            }
            max = Math.max(max, Math.abs(z));
        }
        return max;
    }
}
