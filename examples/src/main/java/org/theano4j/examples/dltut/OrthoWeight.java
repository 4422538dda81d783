package org.theano4j.examples.dltut;

/**
 * lstm.py's {@code ortho_weight}: the left singular vectors {@code u} of a square matrix, by a
 * one-sided (Hestenes) Jacobi SVD in double precision, columns in order of decreasing singular
 * value. Singular vectors are unique only up to the sign of each column (LAPACK's gesdd, which
 * numpy.linalg.svd calls, picks one arbitrarily), so each column is negated when its entry of
 * largest magnitude (the first such) is negative; the reference run applies the same rule to
 * numpy's result ({@code dltut_reference.py}'s {@code sign_normalised_svd}).
 */
public final class OrthoWeight {
    private static final int MAX_SWEEPS = 100;

    private OrthoWeight() {
    }

    /**
     * The sign-normalised {@code u} of {@code w} (row-major {@code n x n}), row-major.
     *
     * @throws IllegalArgumentException when {@code w} does not hold {@code n * n} entries
     */
    public static double[] u(double[] w, int n) {
        if (n < 1 || w.length != (long) n * n) {
            throw new IllegalArgumentException("ortho_weight: expected a square " + n + " x " + n + " matrix (" + ((long) n * n)
                    + " entries), got " + w.length + " entries");
        }
        double[][] cols = columns(w, n);
        orthogonalise(cols, n);
        return normalisedU(cols, n);
    }

    private static double[][] columns(double[] w, int n) {
        double[][] cols = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cols[j][i] = w[i * n + j];
            }
        }
        return cols;
    }

    /** Jacobi rotations of column pairs until every pair is orthogonal to round-off. */
    private static void orthogonalise(double[][] cols, int n) {
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotated |= rotate(cols[p], cols[q]);
                }
            }
            if (!rotated) {
                return;
            }
        }
        throw new IllegalStateException("ortho_weight: the Jacobi SVD did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /** Makes columns a and b orthogonal; false when they already are. */
    private static boolean rotate(double[] a, double[] b) {
        double alpha = dot(a, a);
        double beta = dot(b, b);
        double gamma = dot(a, b);
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma == 0) {
            return false;
        }
        double zeta = (beta - alpha) / (2 * gamma);
        double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        if (zeta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(1 + t * t);
        double s = c * t;
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double bi = b[i];
            a[i] = c * ai - s * bi;
            b[i] = s * ai + c * bi;
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The columns scaled to unit norm, sorted by decreasing norm, signs normalised; row-major. */
    private static double[] normalisedU(double[][] cols, int n) {
        Integer[] order = new Integer[n];
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            norms[j] = Math.sqrt(dot(cols[j], cols[j]));
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[] u = new double[n * n];
        for (int k = 0; k < n; k++) {
            double[] col = cols[order[k]];
            int big = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(col[i]) > Math.abs(col[big])) {
                    big = i;
                }
            }
            double scale = (col[big] < 0 ? -1 : 1) / norms[order[k]];
            for (int i = 0; i < n; i++) {
                u[i * n + k] = col[i] * scale;
            }
        }
        return u;
    }
}
