package org.theano4j.fuzz;

import java.math.BigInteger;
import java.util.List;
import org.theano4j.tensor.DType;

/**
 * numpy's dtype facts, written here from numpy's documentation rather than taken from the
 * library: promotion, integer ranges and wrap-around, float rounding and ulps.
 */
final class Dtypes {
    static final List<DType> INTS = List.of(DType.INT8, DType.INT16, DType.INT32, DType.INT64,
            DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64);
    static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);
    static final List<DType> ALL = List.of(DType.BOOL, DType.INT8, DType.INT16, DType.INT32, DType.INT64,
            DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64, DType.FLOAT32, DType.FLOAT64);

    private Dtypes() {
    }

    static int bits(DType d) {
        return d.byteSize() * 8;
    }

    static boolean unsigned(DType d) {
        return d.kind() == 'u';
    }

    static BigInteger min(DType d) {
        if (d == DType.BOOL || unsigned(d)) {
            return BigInteger.ZERO;
        }
        return BigInteger.ONE.shiftLeft(bits(d) - 1).negate();
    }

    static BigInteger max(DType d) {
        if (d == DType.BOOL) {
            return BigInteger.ONE;
        }
        return BigInteger.ONE.shiftLeft(unsigned(d) ? bits(d) : bits(d) - 1).subtract(BigInteger.ONE);
    }

    /** {@code v} reduced to {@code d}'s width with two's-complement wrap-around (bool: non-zero is 1). */
    static BigInteger wrap(DType d, BigInteger v) {
        if (d == DType.BOOL) {
            return v.signum() != 0 ? BigInteger.ONE : BigInteger.ZERO;
        }
        BigInteger m = v.mod(BigInteger.ONE.shiftLeft(bits(d)));
        if (!unsigned(d) && m.testBit(bits(d) - 1)) {
            m = m.subtract(BigInteger.ONE.shiftLeft(bits(d)));
        }
        return m;
    }

    static boolean fits(DType d, BigInteger v) {
        return v.compareTo(min(d)) >= 0 && v.compareTo(max(d)) <= 0;
    }

    /** numpy.result_type of two array dtypes. */
    static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == DType.BOOL) {
            return b;
        }
        if (b == DType.BOOL) {
            return a;
        }
        if (a.isFloat() && b.isFloat()) {
            return a == DType.FLOAT64 || b == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
        }
        if (a.isFloat() || b.isFloat()) {
            DType f = a.isFloat() ? a : b;
            DType i = a.isFloat() ? b : a;
            return f == DType.FLOAT32 && i.byteSize() <= 2 ? DType.FLOAT32 : DType.FLOAT64;
        }
        if (unsigned(a) == unsigned(b)) {
            return a.byteSize() >= b.byteSize() ? a : b;
        }
        DType s = unsigned(a) ? b : a;
        DType u = unsigned(a) ? a : b;
        if (s.byteSize() > u.byteSize()) {
            return s;
        }
        return switch (u) {
            case UINT8 -> DType.INT16;
            case UINT16 -> DType.INT32;
            case UINT32 -> DType.INT64;
            default -> DType.FLOAT64;
        };
    }

    /** numpy's sum/prod result dtype: small integers and bool widen to the platform (u)int64. */
    static DType accumulate(DType d) {
        return switch (d) {
            case BOOL, INT8, INT16, INT32 -> DType.INT64;
            case UINT8, UINT16, UINT32 -> DType.UINT64;
            default -> d;
        };
    }

    /** {@code v} rounded to {@code d} (float32: round to nearest even; float64: itself). */
    static double round(DType d, double v) {
        return d == DType.FLOAT32 ? (double) (float) v : v;
    }

    /** One ulp of {@code v} in {@code d}. */
    static double ulp(DType d, double v) {
        if (d == DType.FLOAT32) {
            float f = (float) v;
            return Float.isInfinite(f) ? Math.ulp(Float.MAX_VALUE) : Math.ulp(f);
        }
        return Double.isInfinite(v) ? Math.ulp(Double.MAX_VALUE) : Math.ulp(v);
    }

    static double eps(DType d) {
        return d == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
    }

    static int mantissaBits(DType d) {
        return d == DType.FLOAT32 ? 24 : 53;
    }

    static double maxFinite(DType d) {
        return d == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
    }

    /** Correctly rounded conversion of an integer to float {@code d}. */
    static double intToFloat(DType d, BigInteger v) {
        return d == DType.FLOAT32 ? (double) v.floatValue() : v.doubleValue();
    }

    /** The 64-bit pattern of an integer value (for uint64 the unsigned value's bits). */
    static long bitsOf(BigInteger v) {
        return v.longValue();
    }

    /** The value of a 64-bit pattern read from memory as {@code d}. */
    static BigInteger fromBits(DType d, long raw) {
        BigInteger v = BigInteger.valueOf(raw);
        if (d == DType.UINT64 && raw < 0) {
            v = v.add(BigInteger.ONE.shiftLeft(64));
        }
        return wrap(d, v);
    }
}
