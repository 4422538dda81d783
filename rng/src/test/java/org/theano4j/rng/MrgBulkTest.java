package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The bulk MRG samplers ({@link MrgBulk}: substream ranges on threads, branch-free loops) against
 * the scalar reference loops of {@link Mrg31k3p}, bit for bit, over awkward sizes and substream
 * counts; the states after the draw must match too.
 */
class MrgBulkTest {
    static Stream<Arguments> cases() {
        int[] sizes = {0, 1, 7, 623, 624, 625, 100_003};
        int[] streams = {1, 3, 64, 100, 15_360};
        return Arrays.stream(sizes).boxed().flatMap(n -> Arrays.stream(streams).mapToObj(s -> Arguments.of(n, s)));
    }

    private static int[][] rows(int streams) {
        return Mrg31k3p.substreamStates(Mrg31k3p.seedToState(12345), streams);
    }

    private static int[] flat(int[][] rows) {
        return Arrays.stream(rows).flatMapToInt(Arrays::stream).toArray();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void uniformFloat64MatchesTheReference(int n, int streams) {
        int[][] ref = rows(streams);
        int[] fast = flat(rows(streams));
        double[] expected = new double[n];
        Mrg31k3p.uniform(ref, expected, -3.0, 5.0);
        NDArray out = NDArray.empty(DType.FLOAT64, n);
        MrgBulk.uniform(fast, out, -3.0, 5.0);
        assertArrayEquals(expected, out.toDoubleArray(), 0.0);
        assertArrayEquals(flat(ref), fast);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void uniformFloat32MatchesTheReference(int n, int streams) {
        int[][] ref = rows(streams);
        int[] fast = flat(rows(streams));
        float[] expected = new float[n];
        Mrg31k3p.uniform(ref, expected, 0.5f, 2.0f);
        NDArray out = NDArray.empty(DType.FLOAT32, n);
        MrgBulk.uniform(fast, out, 0.5, 2.0);
        assertArrayEquals(expected, out.toFloatArray(), 0.0f);
        assertArrayEquals(flat(ref), fast);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void normalMatchesTheReference(int n, int streams) {
        int[][] ref = rows(streams);
        int[] fast = flat(rows(streams));
        double[] expected = new double[n];
        Mrg31k3p.normal(ref, expected, 1.0, 2.0);
        NDArray out = NDArray.empty(DType.FLOAT64, n);
        MrgBulk.normal(fast, out, 1.0, 2.0);
        assertArrayEquals(expected, out.toDoubleArray(), 0.0);
        assertArrayEquals(flat(ref), fast);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void binomialMatchesTheReference(int n, int streams) {
        int[][] ref = rows(streams);
        int[] fast = flat(rows(streams));
        long[] expected = new long[n];
        Mrg31k3p.binomial(ref, 0.3, expected);
        NDArray out = NDArray.empty(DType.INT64, n);
        MrgBulk.binomial(fast, out, 0.3, false);
        assertArrayEquals(expected, out.toLongArray());
        assertArrayEquals(flat(ref), fast);
    }
}
