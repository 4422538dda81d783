package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The long-length sums equal the array versions bit for bit (the oracle is the plain loop over
 * a materialized array), and take one step where a run of equal values makes that possible.
 */
class SummationTest {
    private static final double[] VALUES = {1.0, 2.0, 0.1, -1.0 / 3, 1e-300, Double.MIN_VALUE, 1e308, -0.0, 0.0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.0000000000000004, 0.7};
    private static final long[] COUNTS = {0, 1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 1023, 1025, 4099,
        Summation.PIECE - 1, Summation.PIECE, Summation.PIECE + 1, 200_003};

    static Stream<Arguments> valuesAndCounts() {
        List<Arguments> out = new ArrayList<>();
        for (double v : VALUES) {
            for (long n : COUNTS) {
                out.add(Arguments.of(v, n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("valuesAndCounts")
    void repeatedValuesSumAsTheirArrays(double v, long n) {
        double[] copies = new double[(int) n];
        Arrays.fill(copies, v);
        assertSame(Summation.pairwise(copies, 0, (int) n), Summation.repeated(v, n), "pairwise");
        double s = 0;
        for (double c : copies) {
            s += c;
        }
        assertSame(s, Summation.sequential(v, n), "left to right");
    }

    /** Sequences of random runs (lengths 1 .. 70000, some crossing the piece boundaries) read piece by piece. */
    @Test
    void piecewiseSumsOfRunsEqualTheArraySum() {
        SplittableRandom r = new SplittableRandom(3);
        for (long run : new long[] {1, 2, 3, 8, 100, 1000, 65_537, 70_000, 300_000}) {
            for (int n : new int[] {0, 1, 5, 130, 65_536, 131_073, 300_000}) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i % run == 0 ? r.nextDouble(-1, 1) : v[i - 1];
                }
                double got = Summation.pairwise(n, run, n, new Summation.Pieces() {
                    @Override
                    public double sum(long from, int len) {
                        return Summation.pairwise(v, (int) from, len);
                    }

                    @Override
                    public double at(long i) {
                        return v[(int) i];
                    }
                });
                assertSame(Summation.pairwise(v, 0, n), got, "n=" + n + " run=" + run);
            }
        }
    }

    /** Sequences that repeat a random block (of 1 .. 70000 elements, some with runs) read piece by piece. */
    @Test
    void piecewiseSumsOfPeriodsEqualTheArraySum() {
        SplittableRandom r = new SplittableRandom(5);
        for (int period : new int[] {1, 3, 8, 1000, 65_537, 70_000}) {
            for (int run : new int[] {1, 4}) {
                double[] block = new double[period * run];
                for (int i = 0; i < block.length; i++) {
                    block[i] = i % run == 0 ? r.nextDouble(-1, 1) : block[i - 1];
                }
                int n = 300_000 - 300_000 % block.length;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = block[i % block.length];
                }
                long[] reads = {0};
                double got = Summation.pairwise(n, run, block.length, new Summation.Pieces() {
                    @Override
                    public double sum(long from, int len) {
                        reads[0] += len;
                        return Summation.pairwise(v, (int) from, len);
                    }

                    @Override
                    public double at(long i) {
                        return v[(int) i];
                    }
                });
                assertSame(Summation.pairwise(v, 0, n), got, "n=" + n + " period=" + block.length + " run=" + run);
                assertTrue(reads[0] <= n, "read " + reads[0] + " of " + n);
            }
        }
        // 2^32 + 3 elements repeating 1, 2, 3: read a few pieces, not the sequence
        long n = 3 * ((1L << 32) + 1);
        long[] reads = {0};
        double got = Summation.pairwise(n, 1, 3, new Summation.Pieces() {
            @Override
            public double sum(long from, int len) {
                reads[0] += len;
                double[] piece = new double[len];
                for (int i = 0; i < len; i++) {
                    piece[i] = 1 + (from + i) % 3;
                }
                return Summation.pairwise(piece, 0, len);
            }

            @Override
            public double at(long i) {
                return 1 + i % 3;
            }
        });
        assertEquals(2.0 * n, got);
        assertTrue(reads[0] < 1 << 22, "read " + reads[0] + " elements");
    }

    @Test
    void hugeRunsAreExactAndFree() {
        long n = (1L << 32) + 3;
        assertEquals(4294967299.0, Summation.repeated(1.0, n));
        assertEquals(8589934598.0, Summation.sequential(2.0, n));
        Summation.Pieces ones = new Summation.Pieces() {
            @Override
            public double sum(long from, int len) {
                throw new AssertionError("a run of one value is summed without reading it");
            }

            @Override
            public double at(long i) {
                return 1.0;
            }
        };
        assertEquals(4294967299.0, Summation.pairwise(n, n, n, ones));
        // 0.1 is not exact: the sum still follows the tree, and equals tree sums of its halves
        long half = n / 2 - (n / 2) % 8;
        assertEquals(Summation.repeated(0.1, half) + Summation.repeated(0.1, n - half), Summation.repeated(0.1, n));
    }

    private static void assertSame(double want, double got, String what) {
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), what + ": " + want + " vs " + got);
    }
}
