package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Gradients of real costs of complex expressions of real inputs (through complex, real, imag,
 * abs, angle and the arithmetic), checked against central finite differences of the compiled cost.
 */
class ComplexGradTest {
    private static final double[] X = {0.7, -1.3, 2.1, 0.4, -0.9};
    private static final double[] Y = {1.1, 0.6, -0.8, -2.2, 0.3};

    private static final List<BinaryOperator<Variable>> COSTS = List.of(
            (x, y) -> T.sum(T.abs(T.complex(x, y))),
            (x, y) -> T.sum(T.real(T.mul(T.exp(T.complex(x, y)), T.complex(y, 0.5)))),
            (x, y) -> T.sum(T.imag(T.div(T.log(T.complex(x, y)), T.conj(T.complex(y, x))))),
            (x, y) -> T.sum(T.angle(T.sqrt(T.complex(x, y)))),
            (x, y) -> T.add(T.abs(T.sum(T.sub(T.complex(x, y), T.complex(y, 1.5)))), T.real(T.mean(T.neg(T.complex(y, x))))),
            (x, y) -> T.sum(T.abs(T.add(T.mul(T.complex(x, y), x), T.cast(y, DType.COMPLEX128)))));

    @ParameterizedTest(name = "cost {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void gradientsMatchFiniteDifferences(int which) {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Variable cost = COSTS.get(which).apply(x, y);
        assertEquals(DType.FLOAT64, cost.dtype());
        List<Variable> g = T.grad(cost, List.of(x, y));
        Function f = Theano.function(List.of(x, y), cost);
        Function df = Theano.function(List.of(x, y), g);
        List<NDArray> got = df.callAll(NDArray.of(X), NDArray.of(Y));
        double h = 1e-6;
        for (int input = 0; input < 2; input++) {
            for (int k = 0; k < X.length; k++) {
                double[] plusX = X.clone();
                double[] plusY = Y.clone();
                double[] minusX = X.clone();
                double[] minusY = Y.clone();
                (input == 0 ? plusX : plusY)[k] += h;
                (input == 0 ? minusX : minusY)[k] -= h;
                double numeric = (f.call(NDArray.of(plusX), NDArray.of(plusY)).item()
                        - f.call(NDArray.of(minusX), NDArray.of(minusY)).item()) / (2 * h);
                double analytic = got.get(input).getFlat(k);
                assertTrue(Math.abs(numeric - analytic) <= 1e-6 * Math.max(1, Math.abs(numeric)),
                        "cost " + which + " d/d" + (input == 0 ? "x" : "y") + "[" + k + "]: numeric " + numeric
                                + ", T.grad " + analytic);
            }
        }
    }

    @ParameterizedTest(name = "refused {0}")
    @ValueSource(ints = {0})
    void gradientThroughAComplexProductIsRefusedClearly(int unused) {
        Variable x = T.dvector("x");
        Variable cost = T.abs(T.prod(T.complex(x, x)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> T.grad(cost, List.of(x)));
        assertTrue(e.getMessage().contains("product of complex"), e.getMessage());
    }
}
