package org.theano4j.tensor;

/** numpy's summation order, shared by every module that must reproduce numpy's float sums bit for bit. */
public final class Summation {
    private static final int LEAF = 128;
    private static final int LANES = 8;

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
}
