package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.op.Alloc;
import org.theano4j.op.SumToShape;
import org.theano4j.tensor.NDArray;

/**
 * Gradients where run-time broadcasting may happen: the sum back to an input's shape stays
 * unless the shapes provably agree, where it goes. Since a length-1 axis that the type does not
 * mark broadcastable is an error at call time (Theano's rule), a (1, 3) array for an input of
 * type matrix against a (2, 3) one fails in both modes, naming the input, and the other cases
 * give the same numbers in both modes.
 */
class ShapeAnalysisRulesTest {
    /** A gradient {@code d cost / d x} for inputs x, y; its arguments; the expected gradient; SumToShape nodes left. */
    record Case(String name, boolean matrix, Function<Variable[], Variable> cost, Object[] args, NDArray expected,
            int sumsLeft) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // x = [[1, 2, 3]] broadcast against y = [[1, 2, 3], [4, 5, 6]]: numpy (x * y).sum() grad is y.sum(0, keepdims=True)
                new Case("matrix x of shape (1, 3) times y of (2, 3)", true, v -> T.sum(T.mul(v[0], v[1])),
                        new Object[] {new double[][] {{1, 2, 3}}, new double[][] {{1, 2, 3}, {4, 5, 6}}},
                        NDArray.of(new double[][] {{5, 7, 9}}), 1),
                // np.exp(0.5) * np.sum([1., 2., 3., 4.]) = 16.487212707001284
                new Case("vector x of length 1 times y of 4", false, v -> T.sum(T.mul(T.exp(v[0]), v[1])),
                        new Object[] {new double[] {0.5}, new double[] {1, 2, 3, 4}},
                        NDArray.of(new double[] {16.487212707001284}), 1),
                // x of length 3 with y of length 1: grad of sum(x * y) is y broadcast: [2, 2, 2]
                new Case("vector x of length 3 times y of 1", false, v -> T.sum(T.mul(v[0], v[1])),
                        new Object[] {new double[] {1, 2, 3}, new double[] {2}},
                        NDArray.of(new double[] {2, 2, 2}), 1),
                // grad of sum(3 * x * x + y) is 6 x: the shapes of x * x and x provably agree
                new Case("x * x needs no sum", false, v -> T.sum(T.add(T.mul(3, T.mul(v[0], v[0])), T.sum(v[1]))),
                        new Object[] {new double[] {1, 2, 3}, new double[] {7}},
                        NDArray.of(new double[] {6, 12, 18}), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientSumsBackWhereBroadcastingMayHappen(Case c) {
        Variable x = c.matrix() ? T.dmatrix("x") : T.dvector("x");
        Variable y = c.matrix() ? T.dmatrix("y") : T.dvector("y");
        Variable g = T.grad(c.cost().apply(new Variable[] {x, y}), x);
        for (String mode : List.of("FAST_RUN", "FAST_COMPILE")) {
            org.theano4j.Function f = Theano.function(List.of(x, y), g, Theano.options().mode(mode));
            if (c.sumsLeft() > 0) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.call(c.args()), mode);
                assertTrue(e.getMessage().startsWith("Input dimension mis-match"), e.getMessage());
                continue;
            }
            NDArray got = f.call(c.args());
            assertArrayEquals(c.expected().shape(), got.shape(), mode);
            assertArrayEquals(c.expected().toDoubleArray(), got.toDoubleArray(), 1e-12, mode);
        }
        org.theano4j.Function fast = Theano.function(List.of(x, y), g);
        assertEquals(c.sumsLeft(), count(fast.planNodes(), SumToShape.class), fast.debugprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleKeepsEverySumThatMayReduce(Case c) {
        Variable x = c.matrix() ? T.dmatrix("x") : T.dvector("x");
        Variable y = c.matrix() ? T.dmatrix("y") : T.dvector("y");
        List<Variable> g = List.of(T.grad(c.cost().apply(new Variable[] {x, y}), x));
        List<Variable> before = RewriteTesting.rulePhases(g);
        List<Variable> after = new ShapeAnalysisRules().apply(before);
        assertEquals(c.sumsLeft(), count(Graphs.toposort(after), SumToShape.class));
    }

    @Test
    void biasGradientStillSumsAVectorOfLengthOneBroadcastAtRunTime() {
        Variable b = T.dvector("b");
        Variable y = T.dmatrix("y");
        Variable g = T.grad(T.sum(T.mul(y, b)), b);
        Object[] args = {new double[] {2}, new double[][] {{1, 2, 3}, {4, 5, 6}}};
        for (String mode : List.of("FAST_RUN", "FAST_COMPILE")) {
            // numpy would broadcast b = [2.] and give y.sum(axis=0).sum(keepdims=True) = [21.]; Theano refuses
            org.theano4j.Function f = Theano.function(List.of(b, y), g, Theano.options().mode(mode));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.call(args), mode);
            assertTrue(e.getMessage().contains("has length 1 on axis 1"), e.getMessage());
        }
        // b's row (1, n) of a (m, n) gradient: a Sum over axis 0 feeding the sum back to b's shape
        org.theano4j.Function fast = Theano.function(List.of(b, y), g);
        assertEquals(1, count(fast.planNodes(), SumToShape.class), fast.debugprint());
    }

    @Test
    void allocCoveredByTheOtherInputsIsDropped() {
        Variable w = T.dvector("w");
        // d/dw of 0.01 * sum(w ** 2) + sum(exp(w)) allocates 0.01 and 1 to the shapes of w ** 2 and
        // exp(w); the other inputs (2 * w, exp(w)) cover them
        Variable cost = T.add(T.mul(0.01, T.sum(T.pow(w, 2))), T.sum(T.exp(w)));
        Variable g = T.grad(cost, w);
        List<Variable> before = RewriteTesting.rulePhases(List.of(g));
        assertEquals(2, count(Graphs.toposort(before), Alloc.class));
        assertEquals(0, count(Graphs.toposort(new ShapeAnalysisRules().apply(before)), Alloc.class));
        // numpy: 0.02 * w + np.exp(w) for w = [1., 2.]: [2.738281828459045, 7.42905609893065]
        NDArray got = Theano.function(List.of(w), g).call(new double[] {1, 2});
        assertArrayEquals(new double[] {2.738281828459045, 7.42905609893065}, got.toDoubleArray(), 1e-15);
    }

    private static long count(List<Apply> nodes, Class<?> op) {
        return nodes.stream().filter(n -> op.isInstance(n.op())).count();
    }
}
