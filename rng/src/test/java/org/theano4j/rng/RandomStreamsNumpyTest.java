package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.Theano;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Every {@link RandomStreams} distribution through a compiled function, two calls in a row, against
 * {@code numpy-reference/randomstreams.txt} (written by {@code rng/scripts/randomstreams_reference.py},
 * which calls numpy the way Theano 1.0's {@code raw_random} helpers do), for seeds 0, 1, 42 and
 * sizes (0,), (1,), (7,), (2, 3).
 */
class RandomStreamsNumpyTest {
    private static final double[] P4 = {0.1, 0.2, 0.3, 0.4};
    private static final double[] P8 = {0.05, 0.1, 0.15, 0.2, 0.1, 0.1, 0.2, 0.1};
    private static final double[] P3 = {0.2, 0.3, 0.5};
    private static final double[] P10 = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};

    /** The same names and parameters as the script's DISTRIBUTIONS. */
    private static final Map<String, BiFunction<RandomStreams, long[], RandomVariable>> DISTRIBUTIONS = Map.ofEntries(
            Map.entry("uniform", (s, size) -> s.uniform(size)),
            Map.entry("uniform_ab", (s, size) -> s.uniform(size, -2.0, 3.0)),
            Map.entry("normal", (s, size) -> s.normal(size)),
            Map.entry("normal_ab", (s, size) -> s.normal(size, 1.5, 0.25)),
            Map.entry("binomial", (s, size) -> s.binomial(size, 10, 0.3)),
            Map.entry("random_integers", (s, size) -> s.randomIntegers(size, -3, 5)),
            Map.entry("choice", (s, size) -> s.choice(size, 5, true)),
            Map.entry("choice_norep", (s, size) -> s.choice(size, 7, false)),
            Map.entry("choice_p", (s, size) -> s.choice(size, 4, true, P4)),
            Map.entry("choice_p_norep", (s, size) -> s.choice(size, 8, false, P8)),
            Map.entry("permutation", (s, size) -> s.permutation(size, 4)),
            Map.entry("multinomial", (s, size) -> s.multinomial(size, 10, P3)),
            Map.entry("multinomial_10", (s, size) -> s.multinomial(size, 20, P10)));

    /** One line of the reference file. */
    record Case(String dist, long seed, long[] size, long[] shape, String first, String second) {
        @Override
        public String toString() {
            return dist + " seed " + seed + " size " + Arrays.toString(size);
        }
    }

    static Stream<Case> cases() throws IOException {
        try (var in = RandomStreamsNumpyTest.class.getResourceAsStream("/numpy-reference/randomstreams.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(line -> line.split("\\|", -1))
                    .map(p -> new Case(p[0], Long.parseLong(p[1]), longs(p[2], ","), longs(p[3], ","), p[4], p[5]))
                    .toList().stream();
        }
    }

    private static long[] longs(String s, String sep) {
        return s.isEmpty() ? new long[0] : Arrays.stream(s.split(sep)).mapToLong(Long::parseLong).toArray();
    }

    @Test
    void everyDistributionOfTheScriptIsCovered() throws IOException {
        assertEquals(DISTRIBUTIONS.keySet(), cases().map(Case::dist).collect(java.util.stream.Collectors.toSet()));
        assertEquals(DISTRIBUTIONS.size() * 3 * 4, cases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void twoCallsMatchNumpy(Case c) {
        RandomVariable v = DISTRIBUTIONS.get(c.dist()).apply(new RandomStreams(c.seed()), c.size());
        Function f = Theano.function(List.of(), v);
        for (String expected : List.of(c.first(), c.second())) {
            NDArray got = f.call();
            assertArrayEquals(c.shape(), got.shape());
            assertSame(expected, got);
        }
    }

    private static void assertSame(String expected, NDArray got) {
        if (got.dtype() == DType.INT64) {
            assertArrayEquals(longs(expected, " "), got.toLongArray());
            return;
        }
        assertEquals(DType.FLOAT64, got.dtype());
        double[] want = expected.isEmpty() ? new double[0]
                : Arrays.stream(expected.split(" ")).mapToDouble(Double::parseDouble).toArray();
        // gaussians may differ by one ulp where Java's log and the C library's round differently
        double[] have = got.toDoubleArray();
        assertEquals(want.length, have.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], have[i], Math.ulp(want[i]), "element " + i);
        }
    }
}
