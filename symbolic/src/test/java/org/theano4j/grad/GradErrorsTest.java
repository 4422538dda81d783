package org.theano4j.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;

/** What T.grad refuses (non-scalar costs, disconnected inputs) and where no gradient flows. */
class GradErrorsTest {
    record Bad(String name, Supplier<Object> call, String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badCalls() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Variable m = T.dmatrix("m");
        return Stream.of(
                new Bad("vector cost", () -> T.grad(T.mul(x, 2), x), "must be a scalar"),
                new Bad("matrix cost", () -> T.grad(m, m), "must be a scalar"),
                new Bad("cost independent of wrt", () -> T.grad(T.sum(x), y), "does not depend on y"),
                new Bad("one of several wrt disconnected", () -> T.grad(T.sum(x), List.of(x, y)), "does not depend on y"),
                new Bad("jacobian of a matrix", () -> T.jacobian(m, m), "scalar or a vector"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badGradientRequestsAreIllegalArguments(Bad b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b.call::get);
        assertTrue(e.getMessage().contains(b.messagePart), e.getMessage());
    }

    @Test
    void disconnectedInputGivesZerosWhenAllowed() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Variable g = T.grad(T.sum(T.exp(x)), y, true);
        assertArrayEquals(new double[] {0, 0, 0}, Theano.function(List.of(x, y), g).call(new double[] {1, 2, 3}, new double[] {4, 5, 6})
                .toDoubleArray());
    }

    @Test
    void integerPathsCarryNoGradient() {
        // x only reaches the cost through an int32 cast (and a comparison): the gradient is zero, not an error
        Variable x = T.dvector("x");
        Variable cost = T.sum(T.add(T.cast(T.cast(x, DType.INT32), DType.FLOAT64), T.cast(T.gt(x, 0), DType.FLOAT64)));
        Variable g = T.grad(cost, x);
        assertEquals(DType.FLOAT64, g.dtype());
        assertArrayEquals(new double[] {0, 0}, Theano.function(List.of(x), g).call(new double[] {1.5, -2.5}).toDoubleArray());
    }

    @Test
    void mixedFloatAndIntegerPathsKeepTheFloatPart() {
        Variable x = T.dvector("x");
        Variable cost = T.sum(T.add(T.mul(x, 3), T.cast(T.cast(x, DType.INT64), DType.FLOAT64)));
        assertArrayEquals(new double[] {3, 3}, Theano.function(List.of(x), T.grad(cost, x)).call(new double[] {1.5, -2.5})
                .toDoubleArray());
    }

    @Test
    void gradientWithRespectToAnIntegerInputIsRealValued() {
        // Theano 1.0.5: T.grad(T.sum(i * 2.5), i) is real-valued, [2.5, 2.5] (float64), not zeros
        // (see also tests/.../e2e/SurfaceTest against surface/theano-1.0.5.txt)
        Variable i = T.lvector("i");
        Variable g = T.grad(T.sum(T.mul(i, 2.5)), i);
        assertEquals(DType.FLOAT64, g.dtype());
        assertArrayEquals(new double[] {2.5, 2.5}, Theano.function(List.of(i), g).call(new long[] {1, 2}).toDoubleArray());
        // through integer values only: zeros (Theano's "only connected to integer outputs")
        Variable z = T.grad(T.sum(T.cast(T.mul(i, i), DType.FLOAT64)), i);
        assertArrayEquals(new double[] {0, 0}, Theano.function(List.of(i), z).call(new long[] {1, 2}).toDoubleArray());
    }

    @Test
    void theTutorialGradientsHaveTheirValues() {
        // gradients.txt: d(x**2)/dx at 4 is 8; dlogistic([[0, 1], [-1, -2]])
        Variable x = T.dscalar("x");
        assertEquals(8.0, Theano.function(List.of(x), T.grad(T.pow(x, 2), x)).call(4).item());
        assertEquals(188.4, Theano.function(List.of(x), T.grad(T.pow(x, 2), x)).call(94.2).item(), 1e-12);
        Variable m = T.dmatrix("x");
        Variable s = T.sum(T.div(1, T.add(1, T.exp(T.neg(m)))));
        double[][] got = Theano.function(List.of(m), T.grad(s, m)).call((Object) new double[][] {{0, 1}, {-1, -2}}).toDoubleMatrix();
        double[][] expected = {{0.25, 0.19661193}, {0.19661193, 0.10499359}};
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(expected[r], got[r], 1e-8);
        }
    }
}
