package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.tensor.NDArray;

/** Extreme-value results against numpy, graphs the rules must leave alone, gemm/gemv evaluation, gradient stabilization. */
class StabilityTest {

    /** An expression of a vector, its input values and numpy's results. */
    record Extreme(String name, UnaryOperator<Variable> expr, double[] in, double[] expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Extreme> extremes() {
        double[] z = {-800, -40, 0, 40, 800};
        // numpy: -np.logaddexp(0, -z), -np.logaddexp(0, z), np.log1p, np.expm1
        return Stream.of(
                new Extreme("log(1/(1+exp(-z)))", x -> T.log(T.div(1, T.add(1, T.exp(T.neg(x))))), z,
                        new double[] {-800, -40, -6.93147180559945286e-01, -4.24835425529158900e-18, -0.0}),
                new Extreme("log(1-sigmoid(z))", x -> T.log(T.sub(1, T.sigmoid(x))), z,
                        new double[] {-0.0, -4.24835425529158900e-18, -6.93147180559945286e-01, -40, -800}),
                new Extreme("log(1+x)", x -> T.log(T.add(1, x)), new double[] {1e-20}, new double[] {1e-20}),
                new Extreme("exp(x)-1", x -> T.sub(T.exp(x), 1), new double[] {1e-20}, new double[] {1e-20}),
                // numpy: m = X.max(); m + np.log(np.exp(X - m).sum()) for X = [1000, 1000]
                new Extreme("log(sum(exp(x)))", x -> T.log(T.sum(T.exp(x))), new double[] {1000, 1000},
                        new double[] {1000.6931471805599}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremes")
    void fastRunIsStableWhereTheFormulaIsNot(Extreme c) {
        Variable x = T.dvector("x");
        NDArray got = Theano.function(List.of(x), c.expr().apply(x)).call(c.in());
        assertArrayEquals(c.expected(), got.toDoubleArray(), 1e-15 * 1000);
    }

    @Test
    void crossentropyOfSoftmaxIsFiniteForLargeLogits() {
        Variable a = T.dmatrix("a");
        Variable t = T.lvector("t");
        NDArray got = Theano.function(List.of(a, t), T.categoricalCrossentropy(T.softmax(a), t))
                .call(new double[][] {{1000, 1000}, {-1000, 0}}, new long[] {1, 0});
        // numpy: -(X - lse)[[0, 1], [1, 0]] = [0.69314718, 1000.]
        assertArrayEquals(new double[] {0.6931471805599453, 1000}, got.toDoubleArray(), 1e-12);
    }

    static Stream<UnaryOperator<Variable>> untouched() {
        return Stream.of(x -> T.mul(x, 2), x -> T.log(T.add(2, x)), x -> T.sub(T.exp(x), 2), x -> T.pow(x, 3),
                x -> T.div(2, T.add(2, T.exp(x))), x -> T.add(x, x.sqr().neg().exp()), x -> T.log(T.sub(2, T.sigmoid(x))));
    }

    @ParameterizedTest
    @MethodSource("untouched")
    void otherGraphsAreLeftAlone(UnaryOperator<Variable> expr) {
        Variable out = expr.apply(T.dvector("x"));
        List<Variable> folded = new LocalRewriter("fold", List.of(ConstantFolding.rule())).apply(List.of(out));
        assertEquals(RewriteTesting.opNames(folded), RewriteTesting.opNames(RewriteTesting.rulePhases(List.of(out))));
    }

    @Test
    void gemmAndGemvEvaluate() {
        NDArray x = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        NDArray z = NDArray.of(new double[][] {{1, 1}, {2, 2}});
        // numpy: 2 * x @ x + 0.5 * z = [[14.5, 20.5], [31, 45]]
        NDArray gemm = (NDArray) new Gemm(2, 0.5).evaluate(new Object[] {z, x, x})[0];
        assertArrayEquals(new double[] {14.5, 20.5, 31, 45}, gemm.toDoubleArray(), 0);
        // numpy: -1 * x @ [1, -1] + 1 * [10, 20] = [11, 21]
        NDArray gemv = (NDArray) new Gemv(-1, 1).evaluate(new Object[] {NDArray.of(new double[] {10, 20}), x,
                NDArray.of(new double[] {1, -1})})[0];
        assertArrayEquals(new double[] {11, 21}, gemv.toDoubleArray(), 0);
    }

    @Test
    void gradientWithRespectToAnIntermediateResultSurvivesStabilization() {
        Variable x = T.dvector("x");
        Variable p = T.div(1, T.add(1, T.exp(T.neg(x))));
        Variable g = T.grad(T.sum(T.log(p)), p);
        NDArray got = Theano.function(List.of(x), g).call(new double[] {0, 2});
        // d/dp sum(log p) = 1/p; numpy: 1 + np.exp(-np.array([0., 2.]))
        assertArrayEquals(new double[] {2, 1.1353352832366128}, got.toDoubleArray(), 1e-15);
    }

    @Test
    void gradientOfLogSigmoidIsFiniteWhereTheSigmoidSaturates() {
        Variable x = T.dvector("x");
        Variable cost = T.sum(T.log(T.sub(1, T.div(1, T.add(1, T.exp(T.neg(x)))))));
        NDArray got = Theano.function(List.of(x), T.grad(cost, x)).call(new double[] {-800, 0, 40, 800});
        // d/dx -softplus(x) = -sigmoid(x); numpy: -1 / (1 + np.exp(-x))
        assertArrayEquals(new double[] {-0.0, -0.5, -1, -1}, got.toDoubleArray(), 1e-16);
        assertTrue(RewriteTesting.opNames(List.of(T.grad(cost, x))).contains("Elemwise{sigmoid}"));
    }
}
