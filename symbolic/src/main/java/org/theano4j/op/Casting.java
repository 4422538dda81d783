package org.theano4j.op;

import org.theano4j.tensor.DType;

/**
 * Rounding a scalar to a dtype, as storing it in an array of that dtype would. Integer values
 * travel as longs: signed dtypes sign-extended, uint8/16/32 zero-extended, uint64 as its bit
 * pattern, bool as 0 or 1.
 */
public final class Casting {
    private static final double TWO_POW_63 = 0x1p63;
    private static final double TWO_POW_64 = 0x1p64;

    private Casting() {
    }

    /** {@code v} as a value of {@code to}, returned as a double. */
    public static double castDouble(double v, DType to) {
        return switch (to) {
            case FLOAT64 -> v;
            case FLOAT32 -> (float) v;
            default -> toDouble(toLong(v, to), to);
        };
    }

    /**
     * The float {@code v} converted to integer or bool dtype {@code to}: truncation toward zero,
     * then wrap-around to the width; NaN and infinities give the minimum of int64 wrapped to the
     * width (numpy's pattern on x86); uint64 takes the whole range [0, 2^64) exactly.
     */
    public static long toLong(double v, DType to) {
        if (to == DType.BOOL) {
            return v != 0 ? 1 : 0;
        }
        if (v != v || Double.isInfinite(v)) {
            return castLong(Long.MIN_VALUE, to);
        }
        if (to == DType.UINT64 && v >= TWO_POW_63 && v < TWO_POW_64) {
            return (long) (v - TWO_POW_64);
        }
        return castLong((long) v, to);
    }

    /** {@code v} wrapped to the width of {@code to} (bool: non-zero is 1). */
    public static long castLong(long v, DType to) {
        return switch (to) {
            case BOOL -> v != 0 ? 1 : 0;
            case INT8 -> (byte) v;
            case INT16 -> (short) v;
            case INT32 -> (int) v;
            case UINT8 -> v & 0xffL;
            case UINT16 -> v & 0xffffL;
            case UINT32 -> v & 0xffffffffL;
            default -> v;
        };
    }

    /** The integer or bool {@code v} of dtype {@code from} as the nearest double (one rounding). */
    public static double toDouble(long v, DType from) {
        return from == DType.UINT64 ? Numerics.unsignedToDouble(v) : (double) v;
    }

    /** The integer or bool {@code v} of dtype {@code from} as the nearest float, rounded once (not through double). */
    public static float toFloat(long v, DType from) {
        return from == DType.UINT64 ? Numerics.unsignedToFloat(v) : (float) v;
    }

    /** The integer or bool {@code v} of dtype {@code from} converted to float dtype {@code to}, rounded once. */
    public static double toReal(long v, DType from, DType to) {
        return to == DType.FLOAT32 ? toFloat(v, from) : toDouble(v, from);
    }

    /** Whether {@code v} is exactly representable in {@code to}. */
    public static boolean fits(double v, DType to) {
        if (to.isFloat()) {
            return to == DType.FLOAT64 || (double) (float) v == v || v != v || Double.isInfinite(v);
        }
        if (to == DType.BOOL) {
            return v == 0 || v == 1;
        }
        return v == Math.rint(v) && v >= to.minValue() && v <= to.maxValue();
    }
}
