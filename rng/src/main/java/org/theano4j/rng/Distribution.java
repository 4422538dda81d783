package org.theano4j.rng;

import java.util.Arrays;
import org.theano4j.Config;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * What a {@link RandomFunction} draws, with its parameters: the distributions of Theano 1.0's
 * {@code raw_random}, each calling numpy's legacy {@code RandomState} the way Theano's
 * {@code RandomFunction.perform} does. Parameters are checked when the distribution is built.
 */
public sealed interface Distribution {
    /** The sample's dtype. */
    DType dtype();

    /** The sample's shape for a draw of {@code size} (permutation and multinomial add an axis). */
    default long[] sampleShape(long[] size) {
        return size.clone();
    }

    /** Draws a sample of {@code size} from {@code rng} (advancing it). */
    NDArray draw(RandomState rng, long[] size);

    /** A short name for printing, e.g. {@code uniform}. */
    String displayName();

    /** {@code rng.uniform(low, high, size)}, in floatX. */
    record Uniform(double low, double high) implements Distribution {
        /** Checks that the range is finite, as numpy does. */
        public Uniform {
            if (!Double.isFinite(high - low)) {
                throw new IllegalArgumentException("uniform: range high - low must be finite, got low=" + low + ", high=" + high);
            }
        }

        @Override
        public DType dtype() {
            return Config.floatX();
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            NDArray out = NDArray.empty(Config.floatX(), size);
            rng.uniform(low, high, out);
            return out;
        }

        @Override
        public String displayName() {
            return "uniform";
        }
    }

    /** {@code rng.normal(avg, std, size)}, in floatX. */
    record Normal(double avg, double std) implements Distribution {
        /** Checks {@code std >= 0}, as numpy does. */
        public Normal {
            if (!(std >= 0)) {
                throw new IllegalArgumentException("normal: std must be >= 0, got " + std);
            }
        }

        @Override
        public DType dtype() {
            return Config.floatX();
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            NDArray out = NDArray.empty(Config.floatX(), size);
            rng.normal(avg, std, out);
            return out;
        }

        @Override
        public String displayName() {
            return "normal";
        }
    }

    /** {@code rng.binomial(n, p, size)}, int64. */
    record Binomial(long n, double p) implements Distribution {
        /** Checks {@code n >= 0} and {@code 0 <= p <= 1}. */
        public Binomial {
            if (n < 0 || !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("binomial: need n >= 0 and 0 <= p <= 1, got n=" + n + ", p=" + p);
            }
        }

        @Override
        public DType dtype() {
            return DType.INT64;
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            return longs(rng.binomial(n, p, size), size);
        }

        @Override
        public String displayName() {
            return "binomial";
        }
    }

    /** {@code rng.random_integers(low, high)} per element ({@code randint(low, high + 1)}), int64, high inclusive. */
    record RandomIntegers(long low, long high) implements Distribution {
        /** Checks {@code low <= high < Long.MAX_VALUE}. */
        public RandomIntegers {
            if (high < low || high == Long.MAX_VALUE) {
                throw new IllegalArgumentException("randomIntegers: need low <= high < 2**63 - 1, got low=" + low + ", high=" + high);
            }
        }

        @Override
        public DType dtype() {
            return DType.INT64;
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            return longs(rng.randint(low, high + 1, size), size);
        }

        @Override
        public String displayName() {
            return "random_integers";
        }
    }

    /**
     * {@code rng.choice(a, size, replace, p)} over {@code 0 .. a-1}, int64; {@code p} null or empty
     * means uniform (Theano passes an empty {@code p} for None).
     */
    record Choice(long a, boolean replace, double[] p) implements Distribution {
        /** Checks {@code a} and {@code p} as numpy does; copies {@code p}. */
        public Choice {
            p = p == null || p.length == 0 ? null : p.clone();
            if (a < 0) {
                throw new IllegalArgumentException("choice: a must be >= 0, got " + a);
            }
            if (p != null) {
                Choices.checkProbabilities(a, p);
            }
        }

        /** The probabilities (a copy), or null for uniform choice. */
        @Override
        public double[] p() {
            return p == null ? null : p.clone();
        }

        @Override
        public DType dtype() {
            return DType.INT64;
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            long count = Shapes.count(size);
            long[] out = p == null ? rng.choice(a, count, replace) : Choices.weighted(rng, p, (int) count, replace);
            return longs(out, size);
        }

        @Override
        public String displayName() {
            return "choice";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Choice c && a == c.a && replace == c.replace && Arrays.equals(p, c.p);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(a) * 31 + Boolean.hashCode(replace) + Arrays.hashCode(p);
        }

        @Override
        public String toString() {
            return "Choice[a=" + a + ", replace=" + replace + ", p=" + Arrays.toString(p) + "]";
        }
    }

    /** One {@code rng.permutation(n)} per element of {@code size}; shape {@code size + [n]}, int64. */
    record Permutation(long n) implements Distribution {
        /** Checks {@code n >= 0}. */
        public Permutation {
            if (n < 0) {
                throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
            }
        }

        @Override
        public DType dtype() {
            return DType.INT64;
        }

        @Override
        public long[] sampleShape(long[] size) {
            return appended(size, n);
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            int count = Shapes.count(size);
            long[] out = new long[Shapes.count(sampleShape(size))];
            for (int i = 0; i < count; i++) {
                System.arraycopy(rng.permutation(n), 0, out, (int) (i * n), (int) n);
            }
            return longs(out, sampleShape(size));
        }

        @Override
        public String displayName() {
            return "permutation";
        }
    }

    /**
     * One {@code rng.multinomial(n, pvals)} per element of {@code size}; shape
     * {@code size + [pvals.length]}, int64. pvals are first nudged as Theano 1.0.5's
     * {@code multinomial_helper} does (see {@link MultinomialRows}).
     */
    record Multinomial(long n, double[] pvals) implements Distribution {
        /** Checks {@code n >= 0} and the probabilities; copies {@code pvals}. */
        public Multinomial {
            pvals = pvals.clone();
            if (n < 0 || pvals.length == 0) {
                throw new IllegalArgumentException("multinomial: need n >= 0 and at least one probability, got n=" + n
                        + ", " + pvals.length + " probabilities");
            }
            for (double v : pvals) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("multinomial: pvals must be in [0, 1], got " + Arrays.toString(pvals));
                }
            }
        }

        /** The category probabilities (a copy). */
        @Override
        public double[] pvals() {
            return pvals.clone();
        }

        @Override
        public DType dtype() {
            return DType.INT64;
        }

        @Override
        public long[] sampleShape(long[] size) {
            return appended(size, pvals.length);
        }

        @Override
        public NDArray draw(RandomState rng, long[] size) {
            double[] adjusted = MultinomialRows.nudged(pvals.clone(), 0);
            int count = Shapes.count(size);
            long[] out = new long[Math.multiplyExact(count, pvals.length)];
            for (int i = 0; i < count; i++) {
                System.arraycopy(rng.multinomial(n, adjusted), 0, out, i * pvals.length, pvals.length);
            }
            return longs(out, sampleShape(size));
        }

        @Override
        public String displayName() {
            return "multinomial";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Multinomial m && n == m.n && Arrays.equals(pvals, m.pvals);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(n) * 31 + Arrays.hashCode(pvals);
        }

        @Override
        public String toString() {
            return "Multinomial[n=" + n + ", pvals=" + Arrays.toString(pvals) + "]";
        }
    }

    private static long[] appended(long[] size, long last) {
        long[] shape = Arrays.copyOf(size, size.length + 1);
        shape[size.length] = last;
        return shape;
    }

    private static NDArray longs(long[] values, long[] shape) {
        return NDArray.of(values).reshape(shape);
    }
}
