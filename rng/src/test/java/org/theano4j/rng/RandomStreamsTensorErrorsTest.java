package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The inputs {@link RandomStreams}' tensor-parameter draws refuse, when built and when run. */
class RandomStreamsTensorErrorsTest {
    /** The message's first line (a failing function call adds the node that failed on the next lines). */
    private static void assertRefused(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage().lines().findFirst().orElse(""));
    }

    @Test
    void parametersThatDoNotBroadcastToTheSizeAreRefusedAndTheStateStays() {
        String c = "binomial_p_matrix_size_of_p";
        Variable x = T.dmatrix("x");
        Variable p = T.dmatrix("p");
        Function f = Theano.function(List.of(x, p), new RandomStreams(1234).binomial(T.shape(x), 1, p, DType.FLOAT64));
        NDArray pv = RandomStreamsTensorTest.array(c, "in.p");
        assertRefused("binomial: p of shape [3, 4] does not broadcast to size [2, 4]", () -> f.call(new double[2][4], pv));
        assertRefused("binomial: p of shape [3, 4] does not broadcast to size [3, 1]", () -> f.call(new double[3][1], pv));
        // the failed calls drew nothing: the first good call draws numpy's first values
        RandomStreamsTensorTest.assertSame("after errors", RandomStreamsTensorTest.array(c, "call1.b"), f.call(new double[3][4], pv));
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalAreRefused() {
        Variable p = T.dvector("p");
        Function f = Theano.function(List.of(p), new RandomStreams(1).binomial(null, 3, p, null));
        assertRefused("binomial: p must be in [0, 1], got 1.5 at flat index 1", () -> f.call(new double[] {0.5, 1.5}));
        assertRefused("binomial: p must be in [0, 1], got NaN at flat index 0", () -> f.call(new double[] {Double.NaN}));
        Variable n = T.lvector("n");
        Function g = Theano.function(List.of(n), new RandomStreams(1).binomial(null, n, 0.5, null));
        assertRefused("binomial: n must be >= 0, got -2 at flat index 0", () -> g.call(new long[] {-2}));
    }

    @Test
    void wrongPvalsAreRefused() {
        Variable pvals = T.dmatrix("pvals");
        Function f = Theano.function(List.of(pvals), new RandomStreams(2).multinomial(null, 5, pvals, null));
        assertRefused("multinomial: pvals row 1 must sum to at most 1, got 1.2",
                () -> f.call(new double[][] {{0.5, 0.5}, {0.6, 0.6}}));
        assertRefused("multinomial: pvals must be >= 0, got -0.25", () -> f.call(new double[][] {{1.25, -0.25}}));
        assertRefused("multinomial: pvals must have at least one axis, got TensorType(float64, scalar)",
                () -> new RandomStreams(2).multinomial(null, 5, T.dscalar("p"), null));
        Variable p3 = T.dtensor3("p");
        assertRefused("multinomial: size must have at least as many axes as the parameters (2), got 1",
                () -> new RandomStreams(2).multinomial(List.of(4), 5, p3, null));
    }

    @Test
    void parametersThatDoNotBroadcastTogetherAreRefused() {
        Variable low = T.dvector("low");
        Variable high = T.dvector("high");
        Function f = Theano.function(List.of(low, high), new RandomStreams(3).uniform(null, low, high, null));
        assertRefused("uniform: low of shape [3] and high of shape [2] do not broadcast together",
                () -> f.call(new double[3], new double[2]));
        Variable std = T.dvector("std");
        Function g = Theano.function(List.of(std), new RandomStreams(3).normal(null, 0.0, std, null));
        assertRefused("normal: std must be >= 0, got -1.0 at flat index 1", () -> g.call(new double[] {1, -1}));
    }

    @Test
    void sizesTheanoRefusesAreRefusedWhenBuilt() {
        RandomStreams s = new RandomStreams(4);
        Variable m = T.dmatrix("m");
        assertRefused("binomial: size must have at least as many axes as the parameters (2), got 1",
                () -> s.binomial(List.of(3), 1, m, null));
        assertRefused("binomial: size must be an integer vector, got " + T.lscalar("k").type().describe(),
                () -> s.binomial(T.shape(m).get(1), 1, 0.5, null));
        assertRefused("binomial: the length of size n is not known from the graph (give a shape() or a constant vector)",
                () -> s.binomial(T.lvector("n"), 1, 0.5, null));
        assertRefused("binomial: size entry 1 must be an integer scalar, got " + T.dscalar("d").type().describe(),
                () -> s.binomial(List.of(2, T.dscalar("d")), 1, 0.5, null));
        assertRefused("binomial: size entry 0 must be >= 0 or -1, got -3", () -> s.binomial(List.of(-3), 1, 0.5, null));
        assertRefused("binomial: n must be an integer tensor, got " + T.dscalar("n").type().describe(),
                () -> s.binomial(List.of(2), T.dscalar("n"), 0.5, null));
        assertRefused("binomial: size must be null, an integer vector, or a tuple of integers and integer scalars, got String",
                () -> s.binomial("3", 1, 0.5, null));
    }
}
