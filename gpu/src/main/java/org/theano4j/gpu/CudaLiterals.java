package org.theano4j.gpu;

import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.op.ScalarExpr;

/** C literals for scalar constants, exact in their dtype; negative ones are parenthesised. */
final class CudaLiterals {

    private CudaLiterals() {
    }

    /**
     * @param c the constant (integers held exactly, uint64 as its bit pattern)
     * @return a C expression of the constant's dtype's C type with exactly its value
     */
    static String literal(ScalarExpr.Const c) {
        long v = c.longValue();
        return switch (c.dtype()) {
            case FLOAT64 -> doubleLiteral(c.doubleValue());
            case FLOAT32 -> floatLiteral((float) c.doubleValue());
            case BOOL -> v != 0 ? "true" : "false";
            case INT32 -> signed(Long.toString(v));
            case INT64 -> v == Long.MIN_VALUE ? "(-9223372036854775807LL - 1LL)" : signed(v + "LL");
            case UINT64 -> "((unsigned long long)" + Long.toUnsignedString(v) + "ULL)";
            default -> "((" + CType.of(c.dtype()).c() + ")" + signed(v + "LL") + ")";
        };
    }

    private static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            return "__longlong_as_double(0x7ff8000000000000LL)";
        }
        if (Double.isInfinite(v)) {
            return signed((v < 0 ? "-" : "") + "__longlong_as_double(0x7ff0000000000000LL)");
        }
        // Java prints the shortest decimal that reads back as the same double, in C syntax.
        return signed(Double.toString(v));
    }

    private static String floatLiteral(float v) {
        if (Float.isNaN(v)) {
            return "__int_as_float(0x7fc00000)";
        }
        if (Float.isInfinite(v)) {
            return signed((v < 0 ? "-" : "") + "__int_as_float(0x7f800000)");
        }
        return signed(Float.toString(v) + "f");
    }

    private static String signed(String text) {
        return text.startsWith("-") ? "(" + text + ")" : text;
    }
}
