package org.theano4j.op;

/** Scalar numerics with numpy's semantics where Java's differ. */
public final class Numerics {
    private Numerics() {
    }

    /** numpy's floor_divide for floats (divmod-based, exact at ties). */
    public static double floorDiv(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, a / b);
        }
        double floor = Math.floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /** numpy's remainder for floats: the result takes the sign of the divisor. */
    public static double mod(double a, double b) {
        if (b == 0) {
            return Double.NaN;
        }
        double mod = a % b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    /** Integer power with numpy's wrap-around; negative exponents give 0 unless |base| is 1. */
    public static long intPow(long base, long exp) {
        if (exp < 0) {
            return base == 1 ? 1 : base == -1 ? ((exp & 1) == 0 ? 1 : -1) : 0;
        }
        long result = 1;
        while (exp > 0) {
            if ((exp & 1) == 1) {
                result *= base;
            }
            base *= base;
            exp >>= 1;
        }
        return result;
    }

    /** numpy.maximum: NaN propagates. */
    public static double maximum(double a, double b) {
        return a != a || b != b ? Double.NaN : Math.max(a, b);
    }

    /** numpy.minimum: NaN propagates. */
    public static double minimum(double a, double b) {
        return a != a || b != b ? Double.NaN : Math.min(a, b);
    }

    /** numpy.sign: NaN stays NaN, zeros give 0. */
    public static double sign(double a) {
        return a > 0 ? 1 : a < 0 ? -1 : a == 0 ? 0 : Double.NaN;
    }

    /** numpy.clip(a, lo, hi) = minimum(maximum(a, lo), hi). */
    public static double clip(double a, double lo, double hi) {
        return minimum(maximum(a, lo), hi);
    }

    /** log(1 + exp(x)) without overflow or loss of precision. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
