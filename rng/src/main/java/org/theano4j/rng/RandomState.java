package org.theano4j.rng;

import java.util.Arrays;
import org.theano4j.tensor.NDArray;

/**
 * A bit-exact port of numpy's legacy {@code numpy.random.RandomState}: the MT19937 generator with
 * numpy's integer seeding, the polar Box-Muller gaussian with its one-value cache, and numpy's legacy
 * samplers. Methods take numpy's argument order; a trailing {@code size} gives the output shape
 * (no {@code size} means one value) and arrays come back flattened in C order.
 *
 * <p>Gaussian values use {@link Math#log}; numpy uses the C library's {@code log}, and the two
 * round differently for roughly one argument in a thousand, a one-ulp difference in that value.
 * Everything else, the generator state after every call included, matches numpy exactly.
 *
 * <p>Not thread-safe: guard a shared instance externally, as numpy does with its lock.
 */
public final class RandomState {
    /** numpy's legacy {@code poisson_lam_max}: {@code iinfo(long).max - sqrt(iinfo(long).max) * 10}. */
    private static final double POISSON_LAM_MAX =
            (double) Long.MAX_VALUE - Math.sqrt((double) Long.MAX_VALUE) * 10;

    private final Mt19937 mt;
    private final LegacyBinomial binomial = new LegacyBinomial();
    private boolean hasGauss;
    private double gauss;

    /**
     * The full generator state, as numpy's {@code get_state()} returns it
     * ({@code ('MT19937', key, pos, has_gauss, cached_gaussian)}).
     *
     * @param key the 624 32-bit words of the Mersenne Twister (numpy's uint32 words, as Java ints)
     * @param pos the index of the next word to temper, 0 to 624
     * @param hasGauss whether a second gaussian is cached
     * @param cachedGaussian the cached gaussian (0.0 when none)
     */
    public record State(int[] key, int pos, boolean hasGauss, double cachedGaussian) {
        /** Validates the shape and copies the key. */
        public State {
            if (key.length != Mt19937.STATE_WORDS) {
                throw new IllegalArgumentException("key must have 624 words, got " + key.length);
            }
            if (pos < 0 || pos > Mt19937.STATE_WORDS) {
                throw new IllegalArgumentException("pos must be in [0, 624], got " + pos);
            }
            key = key.clone();
        }

        /** A copy of the 624-word key. */
        @Override
        public int[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(key, s.key) && pos == s.pos
                    && hasGauss == s.hasGauss
                    && Double.compare(cachedGaussian, s.cachedGaussian) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(key) + Integer.hashCode(pos) + Boolean.hashCode(hasGauss);
        }

        @Override
        public String toString() {
            return "State[key[0]=" + Integer.toUnsignedString(key[0]) + ", pos=" + pos
                    + ", hasGauss=" + hasGauss + ", cachedGaussian=" + cachedGaussian + "]";
        }
    }

    /**
     * Seeds like {@code numpy.random.RandomState(seed)}.
     *
     * @param seed in [0, 2^32)
     * @throws IllegalArgumentException if the seed is out of range
     */
    public RandomState(long seed) {
        this.mt = new Mt19937();
        seed(seed);
    }

    private RandomState(Mt19937 mt, boolean hasGauss, double gauss) {
        this.mt = mt;
        this.hasGauss = hasGauss;
        this.gauss = gauss;
    }

    /**
     * Re-seeds like numpy's {@code RandomState.seed(seed)} and drops the cached gaussian.
     *
     * @param seed in [0, 2^32)
     * @throws IllegalArgumentException if the seed is out of range
     */
    public void seed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt.seed(seed);
        hasGauss = false;
        gauss = 0.0;
    }

    /** The current state; later draws do not change the returned record. */
    public State getState() {
        return new State(mt.key(), mt.pos(), hasGauss, gauss);
    }

    /** Restores a state previously read with {@link #getState()} (or built from numpy's). */
    public void setState(State state) {
        mt.restore(state.key, state.pos());
        hasGauss = state.hasGauss();
        gauss = state.cachedGaussian();
    }

    /** An independent generator in the same state. */
    public RandomState copy() {
        return new RandomState(mt.copy(), hasGauss, gauss);
    }

    /** One double in [0, 1) with 53 random bits ({@code random_sample()}). */
    public double randomSample() {
        return mt.nextDouble();
    }

    /** Doubles in [0, 1) ({@code random_sample(size)}). */
    public double[] randomSample(long... size) {
        double[] out = new double[Shapes.count(size)];
        randomSample(out);
        return out;
    }

    /**
     * Fills {@code out} with what {@code out.length} calls of {@link #randomSample()} return, in
     * order, reading the generator block by block (the bulk path of every uniform draw).
     */
    public void randomSample(double[] out) {
        mt.fillDoubles(out, 0, out.length);
    }

    /**
     * {@code low + (high - low) * random_sample()} ({@code uniform(low, high, size)}).
     *
     * @throws IllegalArgumentException if {@code high - low} is not finite
     */
    public double[] uniform(double low, double high, long... size) {
        double range = checkedRange(low, high);
        double[] out = randomSample(size);
        for (int i = 0; i < out.length; i++) {
            out[i] = low + range * out[i];
        }
        return out;
    }

    private static double checkedRange(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("Range exceeds valid bounds");
        }
        return range;
    }

    /**
     * {@link #uniform(double, double, long...)} over {@code out.size()} values written straight
     * into the C-contiguous float64 or float32 {@code out} (float32 gets each float64 value rounded).
     */
    void uniform(double low, double high, NDArray out) {
        double range = checkedRange(low, high);
        BulkWriter.fill(out, (chunk, n) -> {
            mt.fillDoubles(chunk, 0, n);
            for (int i = 0; i < n; i++) {
                chunk[i] = low + range * chunk[i];
            }
        });
    }

    /**
     * {@link #normal(double, double, long...)} over {@code out.size()} values written straight
     * into the C-contiguous float64 or float32 {@code out}.
     */
    void normal(double loc, double scale, NDArray out) {
        checkScale(scale);
        BulkWriter.fill(out, (chunk, n) -> {
            standardNormals(chunk, n);
            for (int i = 0; i < n; i++) {
                chunk[i] = loc + scale * chunk[i];
            }
        });
    }

    /**
     * Fills {@code out[0 .. n)} with what {@code n} calls of {@link #standardNormal()} return, in
     * order, leaving the same state (an odd count after whole pairs leaves the second value cached):
     * a cached value first, then whole pairs straight from the generator's block.
     */
    void standardNormals(double[] out, int n) {
        int i = 0;
        if (n > 0 && hasGauss) {
            out[i++] = standardNormal();
        }
        int pairs = (n - i) >> 1;
        mt.fillGaussianPairs(out, i, pairs);
        i += 2 * pairs;
        if (i < n) {
            out[i] = standardNormal();
        }
    }

    /** One standard normal value from the legacy polar method ({@code standard_normal()}). */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * mt.nextDouble() - 1.0;
            x2 = 2.0 * mt.nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** Standard normal values ({@code randn(*size)}). */
    public double[] randn(long... size) {
        return normal(0.0, 1.0, size);
    }

    /**
     * {@code loc + scale * standard_normal()} ({@code normal(loc, scale, size)}).
     *
     * @throws IllegalArgumentException if {@code scale < 0}
     */
    public double[] normal(double loc, double scale, long... size) {
        checkScale(scale);
        double[] out = new double[Shapes.count(size)];
        standardNormals(out, out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = loc + scale * out[i];
        }
        return out;
    }

    private static void checkScale(double scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("scale < 0");
        }
    }

    /** One integer uniform on [0, high) ({@code randint(high)}). */
    public long randint(long high) {
        return randint(0, high)[0];
    }

    /**
     * Integers uniform on [low, high) like numpy's legacy {@code randint(low, high, size)} with
     * dtype int64: masked rejection sampling, 32-bit draws when the range fits in 32 bits.
     *
     * @throws IllegalArgumentException if {@code high <= low}
     */
    public long[] randint(long low, long high, long... size) {
        if (high <= low) {
            throw new IllegalArgumentException("low >= high (low=" + low + ", high=" + high + ")");
        }
        long[] out = new long[Shapes.count(size)];
        BoundedIntegers.fill(mt, low, high - 1 - low, out);
        return out;
    }

    /**
     * Binomial counts ({@code binomial(n, p, size)}), numpy's legacy inversion/BTPE sampler.
     *
     * @throws IllegalArgumentException if {@code n < 0} or {@code p} is outside [0, 1] or NaN
     */
    public long[] binomial(long n, double p, long... size) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p < 0, p > 1 or p is NaN");
        }
        long[] out = new long[Shapes.count(size)];
        for (int i = 0; i < out.length; i++) {
            out[i] = binomial.legacy(mt, n, p);
        }
        return out;
    }

    /** One legacy binomial count, parameters unchecked (the per-element path of an array-parameter draw). */
    long binomialOne(long n, double p) {
        return binomial.legacy(mt, n, p);
    }

    /**
     * Poisson counts ({@code poisson(lam, size)}): multiplication method below 10, PTRS above.
     *
     * @throws IllegalArgumentException if {@code lam} is negative, NaN or too large
     */
    public long[] poisson(double lam, long... size) {
        if (!(lam >= 0)) {
            throw new IllegalArgumentException("lam < 0 or lam is NaN");
        }
        if (lam > POISSON_LAM_MAX) {
            throw new IllegalArgumentException("lam value too large");
        }
        long[] out = new long[Shapes.count(size)];
        for (int i = 0; i < out.length; i++) {
            out[i] = LegacyPoisson.sample(mt, lam);
        }
        return out;
    }

    /** A random permutation of 0 .. n-1 ({@code permutation(n)}). */
    public long[] permutation(long n) {
        long[] out = new long[Shapes.count(n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        shuffle(out);
        return out;
    }

    /** Shuffles in place like numpy's legacy 1-d {@code shuffle}. */
    public void shuffle(long[] x) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = (int) BoundedIntegers.interval(mt, i);
            long t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** Shuffles in place like numpy's legacy 1-d {@code shuffle}. */
    public void shuffle(double[] x) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = (int) BoundedIntegers.interval(mt, i);
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /**
     * Draws {@code size} values from 0 .. a-1 ({@code choice(a, size, replace)} without {@code p}):
     * {@code randint(0, a, size)} with replacement, {@code permutation(a)[:size]} without.
     *
     * @throws IllegalArgumentException if {@code a <= 0} while samples are asked for, if
     *     {@code size < 0}, or if {@code size > a} without replacement
     */
    public long[] choice(long a, long size, boolean replace) {
        if (size < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed");
        }
        if (a < 0 || (a == 0 && size > 0)) {
            throw new IllegalArgumentException("a must be a positive integer unless no samples are taken");
        }
        if (replace) {
            return size == 0 ? new long[0] : randint(0, a, size);
        }
        if (size > a) {
            throw new IllegalArgumentException(
                    "Cannot take a larger sample than population when 'replace=False'");
        }
        return Arrays.copyOf(permutation(a), (int) size);
    }

    /**
     * Multinomial counts ({@code multinomial(n, pvals, size)}), flattened with shape
     * {@code size + [pvals.length]}: per sample, sequential binomials on the remaining mass.
     *
     * @throws IllegalArgumentException if {@code n < 0}, a probability is outside [0, 1] or NaN,
     *     or {@code sum(pvals[:-1]) > 1 + 1e-12}
     */
    public long[] multinomial(long n, double[] pvals, long... size) {
        validateMultinomial(n, pvals);
        int d = pvals.length;
        long[] out = new long[Math.multiplyExact(Shapes.count(size), d)];
        for (int offset = 0; offset < out.length; offset += d) {
            multinomialOnce(n, pvals, out, offset);
        }
        return out;
    }

    private void multinomialOnce(long n, double[] pvals, long[] out, int offset) {
        int d = pvals.length;
        double remaining = 1.0;
        long dn = n;
        for (int j = 0; j < d - 1; j++) {
            out[offset + j] = binomial.shortcut(mt, dn, pvals[j] / remaining);
            dn -= out[offset + j];
            if (dn <= 0) {
                return;
            }
            remaining -= pvals[j];
        }
        if (dn > 0) {
            out[offset + d - 1] = dn;
        }
    }

    private static void validateMultinomial(long n, double[] pvals) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        if (pvals.length == 0) {
            throw new IllegalArgumentException("pvals must have at least 1 element");
        }
        for (double p : pvals) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("pvals < 0, pvals > 1 or pvals contains NaNs");
            }
        }
        if (kahanSum(pvals, pvals.length - 1) > 1.0 + 1e-12) {
            throw new IllegalArgumentException("sum(pvals[:-1]) > 1.0");
        }
    }

    private static double kahanSum(double[] x, int n) {
        if (n <= 0) {
            return 0.0;
        }
        double sum = x[0];
        double c = 0.0;
        for (int i = 1; i < n; i++) {
            double y = x[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
