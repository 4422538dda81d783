package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** State handling, shapes and argument checks of {@link RandomState}. */
class RandomStateTest {
    @ParameterizedTest
    @MethodSource("badSeeds")
    void rejectsSeedsNumpyRejects(long seed) {
        assertThrows(IllegalArgumentException.class, () -> new RandomState(seed));
        assertThrows(IllegalArgumentException.class, () -> new RandomState(1).seed(seed));
    }

    static Stream<Long> badSeeds() {
        return Stream.of(-1L, 1L << 32, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void reseedingRestartsTheStreamAndDropsTheCachedGaussian() {
        RandomState rs = new RandomState(3);
        double first = rs.standardNormal();
        assertTrue(rs.getState().hasGauss());
        rs.seed(3);
        assertFalse(rs.getState().hasGauss());
        assertEquals(first, rs.standardNormal(), 0.0);
    }

    @Test
    void setStateReplaysDrawsIncludingTheCachedGaussian() {
        RandomState rs = new RandomState(7);
        rs.randn(1);
        RandomState.State saved = rs.getState();
        double[] expected = rs.randn(5);
        rs.randomSample(700);
        rs.setState(saved);
        assertArrayEquals(expected, rs.randn(5), 0.0);
        RandomState other = new RandomState(99);
        other.setState(saved);
        assertEquals(saved, other.getState());
    }

    @Test
    void copyIsIndependent() {
        RandomState rs = new RandomState(11);
        rs.randn(1);
        RandomState copy = rs.copy();
        assertArrayEquals(rs.randn(3), copy.randn(3), 0.0);
        copy.randomSample(10);
        assertNotEquals(rs.getState(), copy.getState());
    }

    @Test
    void stateCopiesItsKey() {
        int[] key = new RandomState(1).getState().key();
        RandomState.State s = new RandomState.State(key, 624, false, 0.0);
        key[0] ^= 1;
        assertNotEquals(key[0], s.key()[0]);
        s.key()[1] ^= 1;
        assertEquals(new RandomState(1).getState(), s);
    }

    @Test
    void stateRejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new RandomState.State(new int[623], 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new RandomState.State(new int[624], 625, false, 0));
    }

    @Test
    void emptySizeIsOneValueAndZeroDimensionIsEmpty() {
        RandomState rs = new RandomState(0);
        assertEquals(1, rs.randomSample(new long[0]).length);
        assertEquals(0, rs.uniform(0, 1, 3, 0).length);
        assertEquals(6, rs.binomial(3, 0.5, 2, 3).length);
        assertEquals(4 * 3, rs.multinomial(3, new double[] {0.2, 0.3, 0.5}, 2, 2).length);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                bad("randint high == low", rs -> rs.randint(5, 5)),
                bad("randint high < low", rs -> rs.randint(5, 4)),
                bad("randint(0)", rs -> rs.randint(0)),
                bad("negative size", rs -> rs.randomSample(2, -1)),
                bad("uniform infinite range", rs -> rs.uniform(-Double.MAX_VALUE, Double.MAX_VALUE)),
                bad("normal scale < 0", rs -> rs.normal(0, -1)),
                bad("binomial n < 0", rs -> rs.binomial(-1, 0.5)),
                bad("binomial p > 1", rs -> rs.binomial(3, 1.5)),
                bad("binomial p NaN", rs -> rs.binomial(3, Double.NaN)),
                bad("poisson lam < 0", rs -> rs.poisson(-1)),
                bad("poisson lam too large", rs -> rs.poisson(1e19)),
                bad("choice without replacement too many", rs -> rs.choice(3, 4, false)),
                bad("choice from nothing", rs -> rs.choice(0, 1, true)),
                bad("multinomial mass > 1", rs -> rs.multinomial(5, new double[] {0.7, 0.7, 0.1})),
                bad("multinomial p < 0", rs -> rs.multinomial(5, new double[] {-0.1, 1.1})));
    }

    private static Arguments bad(String name, Consumer<RandomState> call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void rejectsBadArguments(String name, Consumer<RandomState> call) {
        assertThrows(IllegalArgumentException.class, () -> call.accept(new RandomState(0)));
    }

    @Test
    void permutationIsAPermutation() {
        long[] p = new RandomState(5).permutation(1000);
        long[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.LongStream.range(0, 1000).toArray(), sorted);
    }
}
