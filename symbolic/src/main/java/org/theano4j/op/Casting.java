package org.theano4j.op;

import org.theano4j.tensor.DType;

/** Rounding a scalar to a dtype, as storing it in an array of that dtype would. */
public final class Casting {
    private Casting() {
    }

    /** {@code v} as a value of {@code to}, returned as a double. */
    public static double castDouble(double v, DType to) {
        return switch (to) {
            case FLOAT64 -> v;
            case FLOAT32 -> (float) v;
            case BOOL -> v != 0 ? 1 : 0;
            default -> v != v || Double.isInfinite(v) ? integerOverflow(to) : castLong(truncate(v), to);
        };
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

    private static long truncate(double v) {
        return (long) v;
    }

    private static double integerOverflow(DType to) {
        // numpy gives the minimum of the type for NaN/inf on x86 (INT_MIN pattern)
        return castLong(Long.MIN_VALUE, to);
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
