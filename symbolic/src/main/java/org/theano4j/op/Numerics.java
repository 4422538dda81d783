package org.theano4j.op;

/**
 * Scalar numerics with numpy's semantics where Java's differ (numpy 2.4.6, checked by running it).
 * Integer helpers take and return longs: signed dtypes sign-extended, uint8/16/32 zero-extended,
 * uint64 as its bit pattern.
 */
public final class Numerics {
    private static final String NEGATIVE_POWER = "Integers to negative integer powers are not allowed.";

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

    /**
     * C99's (and numpy's) pow, which differs from {@link Math#pow} in two places: {@code 1 ** y}
     * is 1 for every y (NaN included) and {@code (-1) ** (+-inf)} is 1.
     */
    public static double pow(double a, double b) {
        if (a == 1 || (a == -1 && Double.isInfinite(b))) {
            return 1;
        }
        return Math.pow(a, b);
    }

    /**
     * numpy's integer power of a signed dtype, computed modulo 2^64 (the caller wraps it to the
     * width); a negative exponent is an error, as in numpy.
     */
    public static long intPow(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException(NEGATIVE_POWER);
        }
        return unsignedPow(base, exp);
    }

    /** Integer power modulo 2^64 with the exponent read as unsigned (uint64; any exponent of the narrower dtypes). */
    public static long unsignedPow(long base, long exp) {
        long result = 1;
        for (long e = exp; e != 0; e >>>= 1) {
            if ((e & 1) == 1) {
                result *= base;
            }
            base *= base;
        }
        return result;
    }

    /**
     * numpy.maximum on floats: NaN propagates, and when the operands compare equal ({@code 0.0}
     * and {@code -0.0}) the second one is the result, as numpy's loops (scalar and SIMD) give.
     */
    public static double maximum(double a, double b) {
        return a > b || a != a ? a : b;
    }

    /** numpy.minimum on floats: NaN propagates; of equal operands the second one is the result. */
    public static double minimum(double a, double b) {
        return a < b || a != a ? a : b;
    }

    /** numpy.sign: NaN stays NaN, zeros give 0. */
    public static double sign(double a) {
        return a > 0 ? 1 : a < 0 ? -1 : a == 0 ? 0 : Double.NaN;
    }

    /**
     * numpy.clip(x, lo, hi) on floats: NaN if any operand is NaN; otherwise {@code lo} if
     * {@code lo > x}, then {@code hi} if {@code hi} is below that, else the value so far. This is
     * numpy's loop for scalar bounds, its common case (a bound equal to {@code x}, such as
     * {@code -0.0} and {@code 0.0}, leaves {@code x}); numpy's loop for array bounds differs only
     * in the sign of such zeros.
     */
    public static double clip(double x, double lo, double hi) {
        if (x != x || lo != lo || hi != hi) {
            return Double.NaN;
        }
        double m = lo > x ? lo : x;
        return hi < m ? hi : m;
    }

    /** The uint64 with bit pattern {@code v} as the nearest double (one rounding). */
    public static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1 | (v & 1)) * 2.0;
    }

    /** The uint64 with bit pattern {@code v} as the nearest float (one rounding, not through double). */
    public static float unsignedToFloat(long v) {
        return v >= 0 ? v : (float) (v >>> 1 | (v & 1)) * 2.0f;
    }
}
