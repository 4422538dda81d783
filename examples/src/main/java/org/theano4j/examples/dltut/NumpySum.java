package org.theano4j.examples.dltut;

/**
 * numpy's pairwise summation of float64 ({@code pairwise_sum} in {@code loops_utils.h}), so that
 * the means the tutorials print ({@code numpy.mean(c)}) come out as numpy's: fewer than 8 values
 * are added in order; up to 128 in eight interleaved partial sums combined as a tree, then the
 * rest in order; above 128 the two halves (split at a multiple of 8) recursively.
 */
final class NumpySum {
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** The pairwise sum of {@code v[from .. from + n)}. */
    static double pairwise(double[] v, int from, int n) {
        if (n < 8) {
            double s = 0;  // numpy starts from -0.0; adding it changes nothing but the sign of an empty sum
            for (int i = 0; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(v, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int k = 0; k < 8; k++) {
                    r[k] += v[from + i + k];
                }
            }
            double s = (r[0] + r[1] + (r[2] + r[3])) + (r[4] + r[5] + (r[6] + r[7]));
            for (; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(v, from, half) + pairwise(v, from + half, n - half);
    }
}
