package org.theano4j.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/** Jacobian, Hessian, R- and L-operators with the values of Theano's gradients tutorial (gradients.txt). */
class JacobianTest {
    static void assertMatrix(double[][] expected, NDArray got) {
        double[][] m = got.toDoubleMatrix();
        assertEquals(expected.length, m.length);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], m[r], 1e-12);
        }
    }

    @Test
    void jacobianOfXSquared() {
        // J, updates = theano.scan(lambda i, y, x: T.grad(y[i], x), sequences=T.arange(y.shape[0]), non_sequences=[y, x])
        // f([4, 4]) -> [[8, 0], [0, 8]]
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.jacobian(T.pow(x, 2), x));
        assertMatrix(new double[][] {{8, 0}, {0, 8}}, f.call(new double[] {4, 4}));
        assertMatrix(new double[][] {{2, 0, 0}, {0, 4, 0}, {0, 0, 6}}, f.call(new double[] {1, 2, 3}));
    }

    @Test
    void hessianOfSumOfSquares() {
        // cost = (x ** 2).sum(); H = jacobian(grad(cost, x), x); f([4, 4]) -> [[2, 0], [0, 2]]
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.hessian(T.sum(T.pow(x, 2)), x));
        assertMatrix(new double[][] {{2, 0}, {0, 2}}, f.call(new double[] {4, 4}));
    }

    @Test
    void jacobianOfAMatrixProductWithRespectToAMatrix() {
        // y = W x: J[i, j, k] = d y_i / d W_jk = x_k if i == j
        Variable w = T.dmatrix("W");
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(w, x), T.jacobian(T.dot(w, x), w));
        NDArray j = f.call(new double[][] {{1, 2}, {3, 4}}, new double[] {5, 7});
        assertArrayEquals(new long[] {2, 2, 2}, j.shape());
        assertArrayEquals(new double[] {5, 7, 0, 0, 0, 0, 5, 7}, j.toDoubleArray());
    }

    @Test
    void jacobianOfAScalarIsTheGradient() {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.jacobian(T.sum(T.exp(x)), x));
        assertArrayEquals(new double[] {1, Math.E}, f.call(new double[] {0, 1}).toDoubleArray(), 1e-15);
    }

    @Test
    void rOperator() {
        // y = T.dot(x, W); JV = T.Rop(y, W, V); f([[1, 1], [1, 1]], [[2, 2], [2, 2]], [0, 1]) -> [2, 2]
        Variable w = T.dmatrix("W");
        Variable v = T.dmatrix("V");
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(w, v, x), T.Rop(T.dot(x, w), w, v));
        assertArrayEquals(new double[] {2, 2},
                f.call(new double[][] {{1, 1}, {1, 1}}, new double[][] {{2, 2}, {2, 2}}, new double[] {0, 1}).toDoubleArray());
    }

    @Test
    void lOperator() {
        // y = T.dot(x, W); VJ = T.Lop(y, W, v); f([2, 2], [0, 1]) -> [[0, 0], [2, 2]]
        Variable w = T.dmatrix("W");
        Variable v = T.dvector("v");
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(v, x), T.Lop(T.dot(x, w), w, v));
        assertMatrix(new double[][] {{0, 0}, {2, 2}}, f.call(new double[] {2, 2}, new double[] {0, 1}));
    }

    @Test
    void rOperatorOfANonlinearFunctionMatchesTheJacobian() {
        // Rop(tanh(x * s), x, v) = J v with J = diag(s * (1 - tanh(x s)^2)); numpy: s*(1-np.tanh(x*s)**2)*v
        Variable x = T.dvector("x");
        Variable s = T.dvector("s");
        Variable v = T.dvector("v");
        Function f = Theano.function(List.of(x, s, v), T.Rop(T.tanh(T.mul(x, s)), x, v));
        double[] xs = {0.3, -0.5};
        double[] ss = {2, 3};
        double[] vs = {1.5, -1};
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double t = Math.tanh(xs[i] * ss[i]);
            expected[i] = ss[i] * (1 - t * t) * vs[i];
        }
        assertArrayEquals(expected, f.call(xs, ss, vs).toDoubleArray(), 1e-12);
    }
}
