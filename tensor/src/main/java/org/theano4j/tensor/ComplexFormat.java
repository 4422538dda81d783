package org.theano4j.tensor;

import java.util.HashMap;
import java.util.Map;

/**
 * numpy's {@code ComplexFloatingFormat}: the real parts formatted together as one float column,
 * the imaginary parts as another with a sign always shown, then {@code j}; and Python's complex
 * repr ({@code (1+2j)}, {@code 2.5j}) that numpy's str of a 0-d complex array prints.
 */
final class ComplexFormat {
    private final NDArray array;
    private final Map<Long, Integer> index = new HashMap<>();
    private final FloatFormat real;
    private final FloatFormat imag;

    ComplexFormat(NDArray array, long[] positions) {
        this.array = array;
        DType part = array.dtype().componentType();
        NDArray re = NDArray.empty(part, positions.length);
        NDArray im = NDArray.empty(part, positions.length);
        long[] flat = new long[positions.length];
        for (int i = 0; i < positions.length; i++) {
            index.putIfAbsent(positions[i], i);
            re.writeDouble(i, array.readDouble(positions[i]));
            im.writeDouble(i, Math.abs(array.readImag(positions[i])));
            flat[i] = i;
        }
        this.real = new FloatFormat(re, flat);
        this.imag = new FloatFormat(im, flat);
    }

    /** The element at physical position {@code pos}, e.g. {@code " 1. +2.j "}. */
    String format(long pos) {
        int i = index.get(pos);
        String im = imag.format(i);
        String digits = im.stripLeading();
        String signed = im.substring(0, im.length() - digits.length()) + (negative(array.readImag(pos)) ? "-" : "+") + digits;
        String trimmed = signed.stripTrailing();
        return real.format(i) + trimmed + "j" + " ".repeat(signed.length() - trimmed.length());
    }

    private static boolean negative(double v) {
        return !Double.isNaN(v) && Double.doubleToRawLongBits(v) < 0;
    }

    /** Python's {@code repr} of the complex number {@code re + im j} ({@code single}: float32 digits). */
    static String python(double re, double im, boolean single) {
        String imag = part(im, single) + "j";
        if (Double.doubleToRawLongBits(re) == 0) {
            return imag;
        }
        return "(" + part(re, single) + (negative(im) || im == Double.NEGATIVE_INFINITY ? "" : "+") + imag + ")";
    }

    private static String part(double v, boolean single) {
        String s = PythonFloat.repr(v, single);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
