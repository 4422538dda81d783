package org.theano4j.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;

/**
 * The branch a switch does not take adds nothing to the gradient, even where its derivative is
 * infinite or NaN (Theano's switch sinking), in every mode. Expected values are Theano 1.0.5's
 * (the full table is tests' TheanoGradParityTest).
 */
class SwitchGradTest {
    private static final double[] X = {-2, -1, -0.5, 0, 0.5, 1, 2};
    private static final double INF = Double.POSITIVE_INFINITY;

    record Row(String name, Function<Variable, Variable> f, double[] grad) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        List<Row> rows = List.of(
                new Row("switch(x > 0, log x, 0)", x -> T.switchOp(T.gt(x, 0), T.log(x), 0), new double[] {0, 0, 0, 0, 2, 1, 0.5}),
                new Row("switch(x > 0, log x, log -x)", x -> T.switchOp(T.gt(x, 0), T.log(x), T.log(T.neg(x))),
                        new double[] {-0.5, -1, -2, INF, 2, 1, 0.5}),
                new Row("switch(x >= 0, sqrt x, 0)", x -> T.switchOp(T.ge(x, 0), T.sqrt(x), 0),
                        new double[] {0, 0, 0, INF, 0.7071067811865475, 0.5, 0.35355339059327373}),
                new Row("switch(x > 0, 2 * log x, 0) through a product", x -> T.switchOp(T.gt(x, 0), T.mul(T.log(x), 2), 0),
                        new double[] {0, 0, 0, 0, 4, 2, 1}),
                new Row("nested: switch(x > 0, switch(x > 1, log(x - 1), 0), sqrt -x)",
                        x -> T.switchOp(T.gt(x, 0), T.switchOp(T.gt(x, 1), T.log(T.sub(x, 1)), 0), T.sqrt(T.neg(x))),
                        new double[] {-0.35355339059327373, -0.5, -0.7071067811865475, INF, 0, 0, 1}));
        return rows.stream().flatMap(r -> Stream.of(Arguments.of("FAST_RUN", r), Arguments.of("FAST_COMPILE", r)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void untakenBranchAddsNoNaN(String mode, Row row) {
        Variable x = T.dvector("x");
        Variable g = T.grad(T.sum(row.f().apply(x)), x);
        double[] got = Theano.function(List.of(x), g, Theano.options().mode(mode)).call((Object) X).toDoubleArray();
        assertArrayEquals(row.grad(), got, 1e-15, row.name());
    }
}
