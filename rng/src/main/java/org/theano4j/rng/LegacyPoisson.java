package org.theano4j.rng;

/**
 * numpy's Poisson sampler ({@code random_poisson}, shared by the legacy {@code RandomState}):
 * Knuth's multiplication method below lam = 10, Hörmann's PTRS transformed rejection above.
 */
final class LegacyPoisson {
    private static final double[] LOGGAM_COEFFS = {
        8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
        -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
        6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
        -1.39243221690590e+00};

    private LegacyPoisson() {
    }

    static long sample(Mt19937 mt, double lam) {
        if (lam >= 10) {
            return ptrs(mt, lam);
        }
        return lam == 0 ? 0 : multiplication(mt, lam);
    }

    private static long multiplication(Mt19937 mt, double lam) {
        double enlam = Math.exp(-lam);
        long x = 0;
        double prod = 1.0;
        while (true) {
            prod *= mt.nextDouble();
            if (prod <= enlam) {
                return x;
            }
            x++;
        }
    }

    private static long ptrs(Mt19937 mt, double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = mt.nextDouble() - 0.5;
            double v = mt.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - logGamma(k + 1)) {
                return k;
            }
        }
    }

    /** log Gamma(x) by Stirling's series after shifting x up to 7 ({@code random_loggam}). */
    static double logGamma(double x) {
        if (x == 1.0 || x == 2.0) {
            return 0.0;
        }
        long n = x <= 7.0 ? (long) (7 - x) : 0;
        double x0 = x + n;
        double x2 = 1.0 / (x0 * x0);
        double gl0 = LOGGAM_COEFFS[9];
        for (int k = 8; k >= 0; k--) {
            gl0 *= x2;
            gl0 += LOGGAM_COEFFS[k];
        }
        double gl = gl0 / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
        for (long k = 1; k <= n; k++) {
            gl -= Math.log(x0 - 1.0);
            x0 -= 1.0;
        }
        return gl;
    }
}
