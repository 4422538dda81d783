package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * RandomState's bulk paths (block-wise {@code randomSample(double[])}, draws written straight into
 * an NDArray) against one {@code randomSample()} / {@code standardNormal()} call per element, over
 * awkward sizes and starting word offsets (a double may straddle a 624-word block); the generator
 * states after the draw must be equal.
 */
class RandomStateBulkTest {
    static Stream<Arguments> cases() {
        int[] sizes = {0, 1, 7, 311, 312, 313, 623, 624, 625, 100_003};
        int[] skips = {0, 1, 623};
        return Arrays.stream(sizes).boxed().flatMap(n -> Arrays.stream(skips).mapToObj(k -> Arguments.of(n, k)));
    }

    /** A generator after {@code skip} single 32-bit words (randint(0, 2) takes one word each). */
    private static RandomState after(int skip) {
        RandomState r = new RandomState(2024);
        if (skip > 0) {
            r.randint(0, 2, skip);
        }
        return r;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bulkRandomSampleEqualsOneCallPerElement(int n, int skip) {
        RandomState slow = after(skip);
        RandomState fast = after(skip);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = slow.randomSample();
        }
        double[] got = new double[n];
        fast.randomSample(got);
        assertArrayEquals(expected, got, 0.0);
        assertEquals(slow.getState(), fast.getState());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void uniformIntoAnArrayEqualsTheArrayMethod(int n, int skip) {
        RandomState slow = after(skip);
        RandomState fast = after(skip);
        double[] expected = slow.uniform(-2.5, 7.0, n);
        NDArray out = NDArray.empty(DType.FLOAT64, n);
        fast.uniform(-2.5, 7.0, out);
        assertArrayEquals(expected, out.toDoubleArray(), 0.0);
        NDArray out32 = NDArray.empty(DType.FLOAT32, n);
        RandomState fast32 = after(skip);
        fast32.uniform(-2.5, 7.0, out32);
        assertEquals(NDArray.of(expected).astype(DType.FLOAT32), out32);
        assertEquals(slow.getState(), fast.getState());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void normalIntoAnArrayEqualsOneCallPerElement(int n, int skip) {
        RandomState slow = after(skip);
        RandomState fast = after(skip);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = 1.5 + 2.0 * slow.standardNormal();
        }
        NDArray out = NDArray.empty(DType.FLOAT64, n);
        fast.normal(1.5, 2.0, out);
        assertArrayEquals(expected, out.toDoubleArray(), 0.0);
        assertEquals(slow.getState(), fast.getState());
    }

    static Stream<Arguments> gaussianCases() {
        int[] sizes = {0, 1, 2, 7, 623, 624, 625, 100_003};
        int[] skips = {0, 1, 623};
        return Arrays.stream(sizes).boxed().flatMap(n -> Arrays.stream(skips).boxed()
                .flatMap(k -> Stream.of(Arguments.of(n, k, false), Arguments.of(n, k, true))));
    }

    /**
     * The block-wise gaussian path against one {@code standardNormal()} call per value, with and
     * without a cached second gaussian at the start; the states after (the cache included) must be
     * equal, so an odd count must leave its second value cached.
     */
    @ParameterizedTest
    @MethodSource("gaussianCases")
    void standardNormalsEqualOneCallPerValue(int n, int skip, boolean cachedAtStart) {
        RandomState slow = after(skip);
        RandomState fast = after(skip);
        if (cachedAtStart) {
            assertEquals(slow.standardNormal(), fast.standardNormal(), 0.0);
            assertTrue(fast.getState().hasGauss());
        }
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = slow.standardNormal();
        }
        double[] got = new double[n];
        fast.standardNormals(got, n);
        assertArrayEquals(expected, got, 0.0);
        assertEquals(slow.getState(), fast.getState());
        assertEquals(slow.standardNormal(), fast.standardNormal(), 0.0);
    }

    @ParameterizedTest
    @MethodSource("gaussianCases")
    void normalArrayMethodEqualsOneCallPerValue(int n, int skip, boolean cachedAtStart) {
        RandomState slow = after(skip);
        RandomState fast = after(skip);
        if (cachedAtStart) {
            slow.standardNormal();
            fast.standardNormal();
        }
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = -0.5 + 3.0 * slow.standardNormal();
        }
        assertArrayEquals(expected, fast.normal(-0.5, 3.0, n), 0.0);
        assertEquals(slow.getState(), fast.getState());
    }
}
