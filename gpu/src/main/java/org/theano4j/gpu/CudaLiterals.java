package org.theano4j.gpu;

import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.tensor.DType;

/** C literals for scalar constants, exact in their dtype; negative ones are parenthesised. */
final class CudaLiterals {

    private CudaLiterals() {
    }

    /**
     * @param value the constant (as the reference stores it: a double)
     * @param dtype its dtype
     * @return a C expression of the dtype's C type with exactly that value
     */
    static String literal(double value, DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> doubleLiteral(value);
            case FLOAT32 -> floatLiteral((float) value);
            case BOOL -> value != 0 ? "true" : "false";
            case INT32 -> signed(Long.toString((long) value));
            case INT64 -> (long) value == Long.MIN_VALUE ? "(-9223372036854775807LL - 1LL)"
                    : signed((long) value + "LL");
            default -> "((" + CType.of(dtype).c() + ")" + signed((long) value + "LL") + ")";
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
