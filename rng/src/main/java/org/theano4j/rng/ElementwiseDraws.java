package org.theano4j.rng;

import org.theano4j.tensor.NDArray;

/**
 * numpy's legacy {@code binomial}, {@code uniform} and {@code normal} with array parameters, and
 * Theano's {@code random_integers_helper}: the parameters broadcast to the sample's shape, all
 * checked first, then one draw per element in C order.
 */
final class ElementwiseDraws {
    private ElementwiseDraws() {
    }

    /** See {@link ParamDistribution#draw}. */
    static NDArray draw(ParamDistribution d, RandomState rng, long[] size, NDArray a, NDArray b) {
        String what = d.displayName();
        long[] shape;
        if (size == null) {
            shape = Broadcasts.shape(what, d.parameterName(0), a.shape(), d.parameterName(1), b.shape());
        } else {
            shape = size;
            Broadcasts.fit(what, size, d.parameterName(0), a.shape());
            Broadcasts.fit(what, size, d.parameterName(1), b.shape());
        }
        Shapes.count(shape);
        NDArray as = a.broadcastTo(shape);
        NDArray bs = b.broadcastTo(shape);
        NDArray out = switch (d) {
            case BINOMIAL -> NDArray.of(binomial(rng, as.toLongArray(), bs.toDoubleArray()));
            case UNIFORM -> NDArray.of(uniform(rng, as.toDoubleArray(), bs.toDoubleArray()));
            case NORMAL -> NDArray.of(normal(rng, as.toDoubleArray(), bs.toDoubleArray()));
            case RANDOM_INTEGERS -> NDArray.of(integers(rng, as.toLongArray(), bs.toLongArray()));
            case MULTINOMIAL -> throw new IllegalStateException("multinomial draws rows");
        };
        return out.reshape(shape);
    }

    private static long[] binomial(RandomState rng, long[] n, double[] p) {
        for (int i = 0; i < n.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("binomial: p must be in [0, 1], got " + p[i] + " at flat index " + i);
            }
            if (n[i] < 0) {
                throw new IllegalArgumentException("binomial: n must be >= 0, got " + n[i] + " at flat index " + i);
            }
        }
        long[] out = new long[n.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.binomialOne(n[i], p[i]);
        }
        return out;
    }

    private static double[] uniform(RandomState rng, double[] low, double[] high) {
        double[] range = new double[low.length];
        for (int i = 0; i < range.length; i++) {
            range[i] = high[i] - low[i];
            if (!Double.isFinite(range[i])) {
                throw new IllegalArgumentException("uniform: high - low must be finite, got low=" + low[i] + ", high=" + high[i]
                        + " at flat index " + i);
            }
        }
        double[] out = new double[low.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = low[i] + range[i] * rng.randomSample();
        }
        return out;
    }

    private static double[] normal(RandomState rng, double[] avg, double[] std) {
        for (int i = 0; i < std.length; i++) {
            // numpy's CONS_NON_NEGATIVE: NaN passes, -0.0 does not
            if (!Double.isNaN(std[i]) && (Double.doubleToRawLongBits(std[i]) < 0)) {
                throw new IllegalArgumentException("normal: std must be >= 0, got " + std[i] + " at flat index " + i);
            }
        }
        double[] out = new double[avg.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = avg[i] + std[i] * rng.standardNormal();
        }
        return out;
    }

    private static long[] integers(RandomState rng, long[] low, long[] high) {
        for (int i = 0; i < low.length; i++) {
            if (high[i] < low[i] || high[i] == Long.MAX_VALUE) {
                throw new IllegalArgumentException("random_integers: need low <= high < 2**63 - 1, got low=" + low[i] + ", high="
                        + high[i] + " at flat index " + i);
            }
        }
        long[] out = new long[low.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.randint(low[i], high[i] + 1)[0];
        }
        return out;
    }
}
