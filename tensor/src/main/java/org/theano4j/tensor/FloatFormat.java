package org.theano4j.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numpy's FloatingFormat (floatmode 'maxprec', precision 8): shortest round-trip digits, cut at
 * 8 digits, in positional or scientific notation chosen over all printed values, padded to align.
 */
final class FloatFormat {
    private static final int PRECISION = 8;

    private final NDArray array;
    private final boolean single;
    private boolean expFormat;
    private int precision = PRECISION;
    private int minDigits;
    private int padLeft;
    private int padRight;
    private int expSize = -1;

    FloatFormat(NDArray array, long[] positions) {
        this.array = array;
        this.single = array.dtype() == DType.FLOAT32;
        double[] values = new double[positions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.readDouble(positions[i]);
        }
        chooseNotation(values);
        fillFormat(values);
    }

    private void chooseNotation(double[] values) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            double a = Math.abs(v);
            if (Double.isFinite(v) && a != 0) {
                max = Math.max(max, a);
                min = Math.min(min, a);
            }
        }
        expFormat = max != 0 && (max >= 1e8 || min < 0.0001 || max / min > 1000.0);
    }

    private void fillFormat(double[] values) {
        int finite = 0;
        boolean negInf = false;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite++;
                measure(v);
            } else if (v == Double.NEGATIVE_INFINITY) {
                negInf = true;
            }
        }
        if (expFormat && finite > 0) {
            precision = padRight;
            minDigits = padRight;
            padRight = expSize + 2 + precision;
        }
        if (finite < values.length) {
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
    }

    /** First pass: widths of the integer and fractional parts (and exponent) of one value. */
    private void measure(double v) {
        String s = expFormat ? scientific(v, PRECISION, 0, 0, -1) : positional(v, PRECISION, 0, 0, 0);
        int e = s.indexOf('e');
        String mantissa = e >= 0 ? s.substring(0, e) : s;
        int dot = mantissa.indexOf('.');
        padLeft = Math.max(padLeft, dot);
        padRight = Math.max(padRight, mantissa.length() - dot - 1);
        if (e >= 0) {
            expSize = Math.max(expSize, s.length() - e - 2);
        }
    }

    /** Formats the element at physical position {@code pos}. */
    String format(long pos) {
        double x = array.readDouble(pos);
        if (!Double.isFinite(x)) {
            String s = Double.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
            return ArrayPrinter.pad(s, padLeft + padRight + 1);
        }
        return expFormat ? scientific(x, precision, minDigits, padLeft, expSize)
                : positional(x, precision, minDigits, padLeft, padRight);
    }

    private BigDecimal shortest(double abs) {
        String s = single ? Float.toString((float) abs) : Double.toString(abs);
        return new BigDecimal(s).stripTrailingZeros();
    }

    private static String sign(double x) {
        return Double.doubleToRawLongBits(x) < 0 ? "-" : "";
    }

    private String positional(double x, int prec, int minFrac, int padL, int padR) {
        double abs = Math.abs(x);
        BigDecimal v = shortest(abs);
        if (v.scale() > prec) {
            v = new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder frac = new StringBuilder(dot < 0 ? "" : plain.substring(dot + 1));
        while (frac.length() < minFrac) {
            frac.append('0');
        }
        while (frac.length() < padR) {
            frac.append(' ');
        }
        return ArrayPrinter.pad(sign(x) + intPart, padL) + "." + frac;
    }

    private String scientific(double x, int prec, int minFrac, int padL, int expDigits) {
        double abs = Math.abs(x);
        BigDecimal v = shortest(abs);
        if (v.signum() != 0 && v.precision() - 1 > prec) {
            v = new BigDecimal(abs).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        }
        String digits = v.signum() == 0 ? "0" : v.unscaledValue().toString();
        int exp = v.signum() == 0 ? 0 : digits.length() - 1 - v.scale();
        StringBuilder frac = new StringBuilder(digits.substring(1));
        while (frac.length() < minFrac) {
            frac.append('0');
        }
        String expAbs = Integer.toString(Math.abs(exp));
        String expText = "0".repeat(Math.max(0, Math.max(2, expDigits) - expAbs.length())) + expAbs;
        return ArrayPrinter.pad(sign(x) + digits.charAt(0), padL) + "." + frac + "e" + (exp < 0 ? "-" : "+")
                + expText;
    }
}
