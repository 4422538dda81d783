package org.theano4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The measuring helpers: medians, number format, options, size names. */
class BenchTest {
    @ParameterizedTest
    @CsvSource({"3, 3", "1 2, 1.5", "5 1 3, 3", "4 1 3 2, 2.5", "7 7 1 7, 7"})
    void medianOfOddAndEvenCounts(String values, double expected) {
        double[] v = Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(expected, Bench.median(v));
    }

    @ParameterizedTest
    @CsvSource({"1.23456, 1.235", "123456.7, 123500", "0.000123456, 0.0001235", "2, 2", "0.5, 0.5", "NaN, NaN"})
    void formatsFourSignificantDigitsWithoutExponent(double value, String expected) {
        assertEquals(expected, Bench.format(value));
    }

    @ParameterizedTest
    @CsvSource({"100000, 1e5", "1000000, 1e6", "10000000, 1e7", "256, 256", "1, 1e0"})
    void namesPowersOfTen(long n, String expected) {
        assertEquals(expected, KernelWorkloads.sizeName(n));
    }

    @Test
    void parsesKeyValueOptions() {
        Bench b = new Bench(3, Bench.parseOptions(new String[] {"logreg", "3", "steps=2e3", "n=256,512"}, 2));
        assertEquals(2000, b.longOption("steps", 1));
        assertEquals(7, b.longOption("missing", 7));
        assertArrayEquals(new long[] {256, 512}, b.longsOption("n", 1));
        assertArrayEquals(new long[] {1, 2}, b.longsOption("missing", 1, 2));
    }

    @Test
    void rejectsBadOptionsAndRounds() {
        var e = assertThrows(IllegalArgumentException.class, () -> Bench.parseOptions(new String[] {"steps"}, 0));
        assertEquals("option: expected key=value, given 'steps'", e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> new Bench(0, Map.of()));
        assertEquals("rounds: expected >= 1, given 0", r.getMessage());
    }

    @Test
    void measuresAtLeastTwoWarmupCallsAndOneCallPerRound() {
        AtomicInteger calls = new AtomicInteger();
        Bench b = new Bench(3, Map.of("warmup", "0", "warmupMax", "0", "round", "0"));
        b.medianNanos(calls::incrementAndGet);
        assertEquals(2 + 3, calls.get());
    }

    @Test
    void warmsUpWhileCallsStillGetFaster() {
        // a JIT-like start: every 0.2 s the calls get twice as fast (5, 2.5, 1.25, 0.6 ms), then 0.1 ms
        long start = System.nanoTime();
        Runnable op = () -> {
            long phase = (System.nanoTime() - start) / 200_000_000L;
            sleepNanos(phase >= 4 ? 100_000L : 5_000_000L >> phase);
        };
        Bench b = new Bench(3, Map.of("warmup", "0.1", "warmupMax", "10", "round", "0.05"));
        double nanos = b.medianNanos(op);
        assertTrue(nanos < 200_000, "measured before the calls settled: " + nanos + " ns");
    }

    private static void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
