package org.theano4j.tensor;

import java.util.HashMap;
import java.util.Map;

/**
 * numpy's summation orders, shared by every module that must reproduce numpy's float sums bit for
 * bit: the pairwise tree of {@code np.sum}, over a Java array or over a sequence of any long
 * length read piece by piece (whose runs of one repeated value, e.g. along a stride-0 axis, cost
 * nothing), and the left-to-right sum of one value repeated.
 */
public final class Summation {
    /** The pairwise tree's leaves: at most this many elements are summed with eight partial sums. */
    static final int LEAF = 128;
    private static final int LANES = 8;
    /** Longest piece a {@link Pieces} source is asked to sum; the tree splits longer ranges as for an array. */
    public static final int PIECE = 1 << 16;
    /** Below this magnitude every integer is a double. */
    private static final long EXACT_INTEGERS = 1L << 53;

    private Summation() {
    }

    /**
     * numpy's pairwise summation of {@code v[from .. from+n)}: plain below 8 elements, 8 partial
     * sums combined as a tree up to 128, halves (multiples of 8) above. This is {@code np.sum}
     * of a contiguous float64 vector.
     */
    public static double pairwise(double[] v, int from, int n) {
        if (n < LANES) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        if (n <= LEAF) {
            return leaf(v, from, n);
        }
        int half = n / 2;
        half -= half % LANES;
        return pairwise(v, from, half) + pairwise(v, from + half, n - half);
    }

    private static double leaf(double[] v, int from, int n) {
        double[] r = new double[LANES];
        System.arraycopy(v, from, r, 0, LANES);
        int i = LANES;
        for (; i < n - n % LANES; i += LANES) {
            for (int j = 0; j < LANES; j++) {
                r[j] += v[from + i + j];
            }
        }
        double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) {
            s += v[from + i];
        }
        return s;
    }

    /** A sequence of doubles summed by {@link #pairwise(long, long, long, Pieces)} one piece at a time. */
    public interface Pieces {
        /** {@link #pairwise(double[], int, int)} of elements {@code [from, from + n)}, {@code n <= PIECE}. */
        double sum(long from, int n);

        /** Element {@code i} (asked for the first element of a run). */
        double at(long i);
    }

    /**
     * The pairwise sum of a sequence of {@code n} elements made of consecutive runs of {@code run}
     * equal elements ({@code run >= 1}; 1 when nothing is known) that repeats itself every
     * {@code period} elements ({@code period >= n} when it does not): bit for bit the result of
     * {@link #pairwise(double[], int, int)} over the whole sequence. Ranges of at most
     * {@link #PIECE} elements come from {@code pieces}, in increasing order; a range inside one run is
     * {@link #repeated}, and a range that starts at the same place in another period is summed
     * once, so a broadcast of few distinct runs or a short period costs O(log n) whatever its length.
     */
    public static double pairwise(long n, long run, long period, Pieces pieces) {
        return new Tree(Math.max(run, 1), period > 0 && period < n ? period : 0, pieces).sum(0, n);
    }

    /** One pairwise sum over pieces, with the sums of ranges already seen in an earlier period. */
    private static final class Tree {
        private final long run;
        private final long period;
        private final Pieces pieces;
        private final Map<Range, Double> seen = new HashMap<>();

        private record Range(long offset, long n) {
        }

        Tree(long run, long period, Pieces pieces) {
            this.run = run;
            this.period = period;
            this.pieces = pieces;
        }

        double sum(long from, long n) {
            if (n > 1 && from / run == (from + n - 1) / run) {
                return repeated(pieces.at(from), n);
            }
            Range key = period > 0 ? new Range(from % period, n) : null;
            Double known = key == null ? null : seen.get(key);
            if (known != null) {
                return known;
            }
            double s;
            if (n <= PIECE) {
                s = pieces.sum(from, (int) n);
            } else {
                long half = n / 2;
                half -= half % LANES;
                s = sum(from, half) + sum(from + half, n - half);
            }
            if (key != null) {
                seen.put(key, s);
            }
            return s;
        }
    }

    /** {@link #pairwise(double[], int, int)} of {@code n} copies of {@code v}, exactly, in O(log n) steps. */
    public static double repeated(double v, long n) {
        return repeated(v, n, new HashMap<>());
    }

    private static double repeated(double v, long n, Map<Long, Double> memo) {
        if (n < LANES) {
            return sequential(v, n);
        }
        if (n <= LEAF) {
            double r = v; // each of the eight partial sums adds one element per block of eight
            for (long b = 1; b < n / LANES; b++) {
                r += v;
            }
            double s = ((r + r) + (r + r)) + ((r + r) + (r + r));
            for (long i = 0; i < n % LANES; i++) {
                s += v;
            }
            return s;
        }
        Double known = memo.get(n);
        if (known != null) {
            return known;
        }
        long half = n / 2;
        half -= half % LANES;
        double s = repeated(v, half, memo) + repeated(v, n - half, memo);
        memo.put(n, s);
        return s;
    }

    /**
     * {@code s = 0; s += v} done {@code n} times, exactly: in one step when every partial sum
     * {@code i * v} is a double (the significand of v times n stays below 2^53 and nothing
     * overflows), else added up (stopping once the sum no longer changes).
     */
    public static double sequential(double v, long n) {
        if (n <= 0 || v == 0) {
            return 0.0;
        }
        if (!Double.isFinite(v) || exactMultiples(v, n)) {
            return n * v;
        }
        double s = 0;
        for (long i = 0; i < n; i++) {
            double next = s + v;
            if (next == s) {
                break;
            }
            s = next;
        }
        return s;
    }

    /** Whether {@code i * v} is a double for every {@code i <= n} (v finite, non-zero). */
    private static boolean exactMultiples(double v, long n) {
        long bits = Double.doubleToRawLongBits(v);
        long fraction = bits & ((1L << 52) - 1);
        long significand = (bits >>> 52 & 0x7FF) == 0 ? fraction : fraction | 1L << 52;
        long odd = significand >>> Long.numberOfTrailingZeros(significand);
        return n < EXACT_INTEGERS / odd && Double.isFinite(n * v);
    }
}
