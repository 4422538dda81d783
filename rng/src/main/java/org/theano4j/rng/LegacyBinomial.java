package org.theano4j.rng;

/**
 * numpy's legacy binomial sampler: inversion when {@code min(p, 1-p) * n <= 30}, Kachitvichyanukul
 * and Schmeiser's BTPE otherwise, sampling the smaller tail and reflecting for {@code p > 0.5}.
 * Like numpy's {@code binomial_t} it keeps the per-(n, p) setup of the last call; the setup is a
 * pure function of (n, p), so the cache changes speed, never the numbers.
 */
final class LegacyBinomial {
    private Inversion inversion;
    private Btpe btpe;

    /** Setup of the inversion sampler ({@code random_binomial_inversion}). */
    private record Inversion(long n, double p, double q, double qn, long bound) {
        static Inversion of(long n, double p) {
            double q = 1.0 - p;
            double np = n * p;
            long bound = (long) Math.min(n, np + 10.0 * Math.sqrt(np * q + 1));
            return new Inversion(n, p, q, Math.exp(n * Math.log(q)), bound);
        }
    }

    /** Setup of BTPE's four-region hat ({@code random_binomial_btpe}). */
    private record Btpe(long n, double p, double r, double q, double fm, long m, double p1, double xm,
                        double xl, double xr, double c, double laml, double lamr, double p2, double p3,
                        double p4) {
        static Btpe of(long n, double p) {
            double r = Math.min(p, 1.0 - p);
            double q = 1.0 - r;
            double fm = n * r + r;
            long m = (long) Math.floor(fm);
            double p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
            double xm = m + 0.5;
            double xl = xm - p1;
            double xr = xm + p1;
            double c = 0.134 + 20.5 / (15.3 + m);
            double a = (fm - xl) / (fm - xl * r);
            double laml = a * (1.0 + a / 2.0);
            a = (xr - fm) / (xr * q);
            double lamr = a * (1.0 + a / 2.0);
            double p2 = p1 * (1.0 + 2.0 * c);
            double p3 = p2 + c / laml;
            double p4 = p3 + c / lamr;
            return new Btpe(n, p, r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4);
        }
    }

    /** {@code legacy_random_binomial}: no shortcut, so n == 0 or p == 0 still consumes a draw. */
    long legacy(Mt19937 mt, long n, double p) {
        if (p <= 0.5) {
            return p * n <= 30.0 ? inversion(mt, n, p) : btpe(mt, n, p);
        }
        double q = 1.0 - p;
        return n - (q * n <= 30.0 ? inversion(mt, n, q) : btpe(mt, n, q));
    }

    /** {@code random_binomial}, used by the legacy multinomial: returns 0 for n == 0 or p == 0. */
    long shortcut(Mt19937 mt, long n, double p) {
        return n == 0 || p == 0.0 ? 0 : legacy(mt, n, p);
    }

    private long inversion(Mt19937 mt, long n, double p) {
        Inversion s = inversion;
        if (s == null || s.n != n || Double.compare(s.p, p) != 0) {
            s = inversion = Inversion.of(n, p);
        }
        long x = 0;
        double px = s.qn;
        double u = mt.nextDouble();
        while (u > px) {
            x++;
            if (x > s.bound) {
                x = 0;
                px = s.qn;
                u = mt.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * s.q);
            }
        }
        return x;
    }

    private long btpe(Mt19937 mt, long n, double p) {
        Btpe s = btpe;
        if (s == null || s.n != n || Double.compare(s.p, p) != 0) {
            s = btpe = Btpe.of(n, p);
        }
        long y;
        do {
            y = btpeCandidate(mt, n, s);
        } while (y < 0);
        return y;
    }

    /** One pass of BTPE's steps 10 to 52: the accepted variate, or -1 to start over. */
    private static long btpeCandidate(Mt19937 mt, long n, Btpe s) {
        double u = mt.nextDouble() * s.p4;
        double v = mt.nextDouble();
        if (u <= s.p1) {
            return (long) Math.floor(s.xm - s.p1 * v + u);
        }
        long y;
        if (u <= s.p2) {
            double x = s.xl + (u - s.p1) / s.c;
            v = v * s.c + 1.0 - Math.abs(s.m - x + 0.5) / s.p1;
            if (v > 1.0) {
                return -1;
            }
            y = (long) Math.floor(x);
        } else if (u <= s.p3) {
            y = (long) Math.floor(s.xl + Math.log(v) / s.laml);
            if (y < 0 || v == 0.0) {
                return -1;
            }
            v = v * (u - s.p2) * s.laml;
        } else {
            y = (long) Math.floor(s.xr - Math.log(v) / s.lamr);
            if (y > n || v == 0.0) {
                return -1;
            }
            v = v * (u - s.p3) * s.lamr;
        }
        return accepts(n, s, y, v) ? y : -1;
    }

    /** Steps 50 and 52: explicit ratio for y near the mode, squeeze and Stirling bound otherwise. */
    private static boolean accepts(long n, Btpe s, long y, double v) {
        long m = s.m;
        long k = Math.abs(y - m);
        double nrq = n * s.r * s.q;
        if (!(k > 20 && k < nrq / 2.0 - 1)) {
            return v <= explicitRatio(n, s, y);
        }
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -k * k / (2 * nrq);
        double logV = Math.log(v);
        if (logV < t - rho) {
            return true;
        }
        if (logV > t + rho) {
            return false;
        }
        double x1 = y + 1;
        double f1 = m + 1;
        double z = n + 1 - m;
        double w = n - y + 1;
        double bound = s.xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w)
                + (y - m) * Math.log(w * s.r / (x1 * s.q))
                + stirlingTail(f1) + stirlingTail(z) + stirlingTail(x1) + stirlingTail(w);
        return logV <= bound;
    }

    private static double explicitRatio(long n, Btpe s, long y) {
        double ratio = s.r / s.q;
        double a = ratio * (n + 1);
        double f = 1.0;
        if (s.m < y) {
            for (long i = s.m + 1; i <= y; i++) {
                f *= (a / i - ratio);
            }
        } else if (s.m > y) {
            for (long i = y + 1; i <= s.m; i++) {
                f /= (a / i - ratio);
            }
        }
        return f;
    }

    private static double stirlingTail(double x) {
        double x2 = x * x;
        return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
    }
}
