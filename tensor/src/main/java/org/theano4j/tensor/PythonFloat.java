package org.theano4j.tensor;

import java.math.BigDecimal;

/** Python's {@code repr} of a float (shortest round-trip digits, {@code 1e-05}, {@code 68.0}), as numpy's str of a 0-d array prints it. */
final class PythonFloat {
    private static final int MIN_FIXED_EXPONENT = -4;
    private static final int MAX_FIXED_EXPONENT = 16;

    private PythonFloat() {
    }

    /** {@code repr(v)}; with {@code single} the shortest digits that identify the float32 value. */
    static String repr(double v, boolean single) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(single ? Float.toString((float) v) : Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < MIN_FIXED_EXPONENT || exponent >= MAX_FIXED_EXPONENT) {
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            String e = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        String whole = digits.length() > exponent + 1 ? digits.substring(0, exponent + 1)
                : digits + "0".repeat(exponent + 1 - digits.length());
        String frac = digits.length() > exponent + 1 ? digits.substring(exponent + 1) : "0";
        return sign + whole + "." + frac;
    }
}
