package org.theano4j.rng;

import java.util.Arrays;

/**
 * numpy's legacy weighted {@code choice} and the probability handling of Theano's
 * {@code choice_helper} and {@code multinomial_helper}, with numpy's exact summation orders.
 */
final class Choices {
    /** numpy's tolerance on {@code sum(p) - 1}: {@code sqrt(finfo(float64).eps)}. */
    private static final double ATOL = Math.sqrt(Math.ulp(1.0));

    private Choices() {
    }

    /** numpy's checks on {@code choice(a, p=p)}. */
    static void checkProbabilities(long a, double[] p) {
        if (p.length != a) {
            throw new IllegalArgumentException("choice: a and p must have the same size, got a=" + a + ", p of length " + p.length);
        }
        double sum = kahanSum(p);
        if (Double.isNaN(sum)) {
            throw new IllegalArgumentException("choice: probabilities contain NaN");
        }
        for (double v : p) {
            if (v < 0) {
                throw new IllegalArgumentException("choice: probabilities are not non-negative: " + Arrays.toString(p));
            }
        }
        if (Math.abs(sum - 1.0) > ATOL) {
            throw new IllegalArgumentException("choice: probabilities do not sum to 1 (sum " + sum + ")");
        }
    }

    /** {@code choice(len(p), count, replace, p)} as numpy's legacy code draws it. */
    static long[] weighted(RandomState rng, double[] p, int count, boolean replace) {
        if (replace) {
            double[] cdf = cdf(p);
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = searchRight(cdf, rng.randomSample());
            }
            return out;
        }
        return withoutReplacement(rng, p.clone(), count);
    }

    /** numpy's loop: draw the missing count, zero the found entries, keep first occurrences of new indices. */
    private static long[] withoutReplacement(RandomState rng, double[] p, int count) {
        if (count > p.length) {
            throw new IllegalArgumentException("choice: cannot take a larger sample than population when replace=false");
        }
        if (Arrays.stream(p).filter(v -> v > 0).count() < count) {
            throw new IllegalArgumentException("choice: fewer non-zero entries in p than size");
        }
        long[] found = new long[count];
        int nUniq = 0;
        while (nUniq < count) {
            double[] x = rng.randomSample(count - nUniq);
            for (int i = 0; i < nUniq; i++) {
                p[(int) found[i]] = 0;
            }
            double[] cdf = cdf(p);
            long[] fresh = Arrays.stream(x).mapToLong(v -> searchRight(cdf, v)).distinct().toArray();
            System.arraycopy(fresh, 0, found, nUniq, fresh.length);
            nUniq += fresh.length;
        }
        return found;
    }

    /** {@code cumsum(p) / cumsum(p)[-1]}. */
    private static double[] cdf(double[] p) {
        double[] cdf = new double[p.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i];
            cdf[i] = s;
        }
        double last = cdf[cdf.length - 1];
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= last;
        }
        return cdf;
    }

    /** {@code searchsorted(cdf, x, side='right')}: the number of entries {@code <= x}. */
    private static long searchRight(double[] cdf, double x) {
        int lo = 0;
        int hi = cdf.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double kahanSum(double[] x) {
        double sum = x.length > 0 ? x[0] : 0.0;
        double c = 0.0;
        for (int i = 1; i < x.length; i++) {
            double y = x[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
