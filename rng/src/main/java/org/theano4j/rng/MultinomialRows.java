package org.theano4j.rng;

import java.util.Arrays;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Summation;

/**
 * Theano 1.0's {@code multinomial_helper}: {@code n} and the rows of {@code pvals} (its last axis
 * the outcomes) broadcast to the size, then one legacy {@code rng.multinomial(n, row)} per row in
 * C order, each row first nudged as Theano does: a row summing to just over 1 (below 1 + 1e-5), or
 * whose last probability is below 5e-5, is scaled by {@code 1 - 5e-5}.
 */
final class MultinomialRows {
    private static final double NUDGE = 1.0 - 5e-5;

    private MultinomialRows() {
    }

    /** See {@link ParamDistribution#draw}: a sample of shape {@code size + [outcomes]}. */
    static NDArray draw(RandomState rng, long[] size, NDArray n, NDArray pvals) {
        long[] rowShape = Arrays.copyOf(pvals.shape(), pvals.ndim() - 1);
        int outcomes = (int) pvals.shape()[pvals.ndim() - 1];
        int ndim = size != null ? size.length : Math.max(n.ndim(), rowShape.length);
        requireAxes("n", n.ndim(), ndim);
        requireAxes("pvals without their last axis", rowShape.length, ndim);
        long[] nShape = Broadcasts.leftPadded(n.shape(), ndim);
        long[] rows = Broadcasts.leftPadded(rowShape, ndim);
        long[] shape = size != null ? size : maxima(nShape, rows);
        Broadcasts.fit("multinomial", shape, "n", nShape);
        Broadcasts.fit("multinomial", shape, "pvals rows", rows);
        long[] counts = n.reshape(nShape).broadcastTo(shape).toLongArray();
        long[] outShape = appended(shape, outcomes);
        double[] p = pvals.reshape(appended(rows, outcomes)).broadcastTo(outShape).toDoubleArray();
        check(counts, pvals.toDoubleArray(), outcomes);
        long[] out = new long[Shapes.count(outShape)];
        for (int r = 0; r < counts.length; r++) {
            double[] row = nudged(Arrays.copyOfRange(p, r * outcomes, (r + 1) * outcomes), r);
            System.arraycopy(rng.multinomial(counts[r], row), 0, out, r * outcomes, outcomes);
        }
        return NDArray.of(out).reshape(outShape);
    }

    private static void requireAxes(String name, int has, int ndim) {
        if (has > ndim) {
            throw new IllegalArgumentException("multinomial: " + name + " must have at most len(size) = " + ndim + " axes, got " + has);
        }
    }

    private static void check(long[] counts, double[] all, int outcomes) {
        if (outcomes == 0) {
            throw new IllegalArgumentException("multinomial: pvals must have at least one outcome, got 0");
        }
        for (double v : all) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("multinomial: pvals must be >= 0, got " + v);
            }
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("multinomial: n must be >= 0, got " + c);
            }
        }
    }

    /**
     * The row Theano hands numpy ({@code row} itself, scaled in place when nudged).
     *
     * @throws IllegalArgumentException if it still sums to more than 1 (Theano's assertion)
     */
    static double[] nudged(double[] row, int index) {
        double sum = Summation.pairwise(row, 0, row.length);
        if ((1.0 < sum && sum < 1.0 + 1e-5) || row[row.length - 1] < 5e-5) {
            for (int i = 0; i < row.length; i++) {
                row[i] *= NUDGE;
            }
            sum = Summation.pairwise(row, 0, row.length);
        }
        if (!(sum <= 1.0)) {
            throw new IllegalArgumentException("multinomial: pvals row " + index + " must sum to at most 1, got " + sum);
        }
        return row;
    }

    private static long[] maxima(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.max(a[i], b[i]);
        }
        return out;
    }

    private static long[] appended(long[] s, long last) {
        long[] r = Arrays.copyOf(s, s.length + 1);
        r[s.length] = last;
        return r;
    }
}
