package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case of {@code rng/scripts/numpy_reference.py} (numpy 2.4.6) and demands numpy's
 * numbers, then three more {@code random_sample()} values so a wrong word count fails too.
 */
class RandomStateNumpyTest {
    /** A call on a freshly seeded RandomState; {@code gaussian} cases allow numpy's log rounding. */
    record Case(String name, Function<RandomState, Object> call, boolean gaussian) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case exact(String name, Function<RandomState, Object> call) {
        return new Case(name, call, false);
    }

    static Case gaussian(String name, Function<RandomState, Object> call) {
        return new Case(name, call, true);
    }

    static Stream<Case> cases() {
        return Stream.of(
            exact("sample_seed0", r -> r.randomSample(10)),
            exact("sample_seed1", r -> r.randomSample(10)),
            exact("sample_seed42", r -> r.randomSample(2, 5)),
            exact("sample_seed_max", r -> r.randomSample(10)),
            exact("sample_seed_2p31m1", r -> r.randomSample(9)),
            gaussian("randn_seed_2p31m1", r -> r.randn(7)),
            exact("randint_seed_2p31m1", r -> r.randint(-3, 1L << 33, 11)),
            exact("sample_long", r -> r.randomSample(1500)),
            exact("uniform", r -> r.uniform(-2.5, 7.0, 3, 4)),
            gaussian("randn_odd", r -> r.randn(1001)),
            gaussian("randn_then_cached", r -> concat(r.randn(3), r.randn(2))),
            gaussian("normal", r -> r.normal(1.5, 2.0, 7)),
            gaussian("randn_many", r -> r.randn(20000)),
            exact("randint_1", r -> r.randint(0, 1, 5)),
            exact("randint_2", r -> r.randint(0, 2, 20)),
            exact("randint_10", r -> r.randint(0, 10, 20)),
            exact("randint_2p31", r -> r.randint(0, 1L << 31, 20)),
            exact("randint_2p32", r -> r.randint(0, 1L << 32, 20)),
            exact("randint_2p32_plus5", r -> r.randint(0, (1L << 32) + 5, 20)),
            exact("randint_2p40", r -> r.randint(0, 1L << 40, 20)),
            exact("randint_2p62_plus3", r -> r.randint(0, (1L << 62) + 3, 20)),
            exact("randint_negative_low", r -> r.randint(-5, 5, 20)),
            exact("randint_wide_negative", r -> r.randint(-(1L << 40), 1L << 40, 20)),
            exact("randint_full_int64", r -> r.randint(Long.MIN_VALUE, Long.MAX_VALUE, 10)),
            exact("randint_scalar", r -> repeat(5, () -> r.randint(1000))),
            exact("randint_2p30_scalar", r -> repeat(5, () -> r.randint(1L << 30))),
            exact("binomial_inversion", r -> r.binomial(10, 0.3, 100)),
            exact("binomial_inversion_reflected", r -> r.binomial(20, 0.95, 50)),
            exact("binomial_btpe", r -> r.binomial(100, 0.5, 100)),
            exact("binomial_btpe_reflected", r -> r.binomial(1000, 0.9, 100)),
            exact("binomial_btpe_large", r -> r.binomial(1_000_000, 0.3, 200)),
            exact("binomial_n0", r -> r.binomial(0, 0.5, 5)),
            exact("binomial_p0", r -> r.binomial(5, 0.0, 5)),
            exact("binomial_p1", r -> r.binomial(5, 1.0, 5)),
            exact("binomial_sequence", r -> concat(r.binomial(100, 0.4, 10), r.binomial(10, 0.2, 10),
                    r.binomial(100, 0.4, 10), r.binomial(100, 0.6, 10), r.binomial(200, 0.4, 10))),
            exact("poisson_0", r -> r.poisson(0.0, 5)),
            exact("poisson_small", r -> r.poisson(0.5, 50)),
            exact("poisson_3", r -> r.poisson(3.0, 50)),
            exact("poisson_below10", r -> r.poisson(9.99, 50)),
            exact("poisson_10", r -> r.poisson(10.0, 50)),
            exact("poisson_50", r -> r.poisson(50.0, 100)),
            exact("poisson_1000", r -> r.poisson(1000.0, 100)),
            exact("poisson_1e6", r -> r.poisson(1e6, 100)),
            exact("permutation_10", r -> r.permutation(10)),
            exact("permutation_1", r -> r.permutation(1)),
            exact("permutation_0", r -> r.permutation(0)),
            exact("permutation_100", r -> r.permutation(100)),
            exact("shuffle_doubles", r -> shuffled(r, new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3})),
            exact("choice_replace", r -> r.choice(10, 5, true)),
            exact("choice_no_replace", r -> r.choice(10, 5, false)),
            exact("choice_replace_2p33", r -> r.choice(1L << 33, 4, true)),
            exact("multinomial", r -> r.multinomial(20, new double[] {0.2, 0.3, 0.5}, 4)),
            exact("multinomial_ten", r -> r.multinomial(100, ten(0.1), 3)),
            exact("multinomial_btpe", r -> r.multinomial(1000, new double[] {0.5, 0.5}, 2)),
            exact("multinomial_zero_p", r -> r.multinomial(5, new double[] {0.0, 1.0})),
            exact("state_words", RandomStateNumpyTest::stateWords),
            gaussian("state_after_randn", RandomStateNumpyTest::gaussCache));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpy(Case c) {
        NumpyReference.Entry ref = NumpyReference.get(c.name());
        RandomState rs = new RandomState(ref.seed());
        Object got = c.call().apply(rs);
        switch (got) {
            case long[] ints -> assertArrayEquals(parseLongs(ref), ints, c.name());
            case double[] reals when c.gaussian() -> assertGaussiansClose(parseDoubles(ref), reals);
            case double[] reals -> assertArrayEquals(parseDoubles(ref), reals, 0.0, c.name());
            default -> throw new AssertionError("unexpected result type " + got.getClass());
        }
        assertArrayEquals(ref.trailingSamples(), rs.randomSample(3), 0.0, "stream position after " + c.name());
    }

    /**
     * numpy's gaussian calls the C library's log, Java's {@link Math#log} rounds a few arguments
     * the other way: demand at most one ulp everywhere and exact equality almost everywhere.
     */
    private static void assertGaussiansClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        int exact = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2 * Math.ulp(expected[i]), "gaussian " + i);
            exact += expected[i] == actual[i] ? 1 : 0;
        }
        assertTrue(exact >= expected.length * 0.995, exact + " of " + expected.length + " exact");
    }

    private static long[] parseLongs(NumpyReference.Entry ref) {
        return Stream.of(ref.tokens()).limit(ref.callLength()).mapToLong(Long::parseLong).toArray();
    }

    private static double[] parseDoubles(NumpyReference.Entry ref) {
        return Stream.of(ref.tokens()).limit(ref.callLength()).mapToDouble(Double::parseDouble).toArray();
    }

    private static long[] stateWords(RandomState r) {
        r.randomSample(1000);
        RandomState.State s = r.getState();
        int[] key = s.key();
        LongStream words = LongStream.concat(
                LongStream.range(0, 10).map(i -> Integer.toUnsignedLong(key[(int) i])),
                LongStream.of(Integer.toUnsignedLong(key[623]), s.pos()));
        return words.toArray();
    }

    private static double[] gaussCache(RandomState r) {
        r.randn(3);
        RandomState.State s = r.getState();
        return new double[] {s.hasGauss() ? 1.0 : 0.0, s.cachedGaussian()};
    }

    private static double[] shuffled(RandomState r, double[] x) {
        r.shuffle(x);
        return x;
    }

    private static double[] ten(double p) {
        double[] out = new double[10];
        java.util.Arrays.fill(out, p);
        return out;
    }

    private static long[] repeat(int n, java.util.function.LongSupplier draw) {
        return LongStream.generate(draw).limit(n).toArray();
    }

    private static long[] concat(long[]... parts) {
        return Stream.of(parts).flatMapToLong(LongStream::of).toArray();
    }

    private static double[] concat(double[]... parts) {
        return Stream.of(parts).flatMapToDouble(java.util.stream.DoubleStream::of).toArray();
    }
}
