package org.theano4j.op;

/**
 * Complex scalar arithmetic as numpy computes it, on (real, imaginary) pairs of doubles written
 * into a two-element result. {@code single} rounds every intermediate to float32, which makes the
 * double operations exactly numpy's complex64 arithmetic for + - * / and sqrt; exp and log follow
 * C99's cexp/clog formulas (to a few ulps of glibc's).
 */
final class ComplexMath {
    private ComplexMath() {
    }

    /** {@code x} rounded to float32 when {@code single}. */
    static double round(double x, boolean single) {
        return single ? (float) x : x;
    }

    /** {@code (ar + ai j) * (br + bi j)}, the schoolbook product numpy uses. */
    static void mul(double ar, double ai, double br, double bi, boolean single, double[] out) {
        double re = round(round(ar * br, single) - round(ai * bi, single), single);
        double im = round(round(ar * bi, single) + round(ai * br, single), single);
        out[0] = re;
        out[1] = im;
    }

    /** {@code a / b} by Smith's algorithm, numpy's loop (a zero divisor gives inf or nan parts, like C). */
    static void div(double ar, double ai, double br, double bi, boolean single, double[] out) {
        double absR = Math.abs(br);
        double absI = Math.abs(bi);
        if (absR >= absI) {
            if (absR == 0 && absI == 0) {
                out[0] = round(ar / absR, single);
                out[1] = round(ai / absR, single);
                return;
            }
            double rat = round(bi / br, single);
            double scl = round(1.0 / round(br + round(bi * rat, single), single), single);
            out[0] = round(round(ar + round(ai * rat, single), single) * scl, single);
            out[1] = round(round(ai - round(ar * rat, single), single) * scl, single);
        } else {
            double rat = round(br / bi, single);
            double scl = round(1.0 / round(bi + round(br * rat, single), single), single);
            out[0] = round(round(round(ar * rat, single) + ai, single) * scl, single);
            out[1] = round(round(round(ai * rat, single) - ar, single) * scl, single);
        }
    }

    /** {@code e ** z}: {@code e^re (cos im + j sin im)}; a zero imaginary part stays exact zero. */
    static void exp(double re, double im, boolean single, double[] out) {
        double m = Math.exp(re);
        if (im == 0) {
            out[0] = round(m, single);
            out[1] = im;
            return;
        }
        out[0] = round(m * Math.cos(im), single);
        out[1] = round(m * Math.sin(im), single);
    }

    /** Principal logarithm: {@code log|z| + j atan2(im, re)}, with log|z| taken through log1p near |z| = 1. */
    static void log(double re, double im, boolean single, double[] out) {
        out[0] = round(logAbs(re, im), single);
        out[1] = round(Math.atan2(im, re), single);
    }

    private static double logAbs(double re, double im) {
        double big = Math.max(Math.abs(re), Math.abs(im));
        double small = Math.min(Math.abs(re), Math.abs(im));
        if (big >= 0.5 && big <= 2 && small < 1) {
            // |z|^2 - 1 without cancellation: big*big - 1 in one rounding, small*small with its error term
            double s2 = small * small;
            double s2Error = Math.fma(small, small, -s2);
            return 0.5 * Math.log1p(Math.fma(big, big, -1) + s2 + s2Error);
        }
        return Math.log(Math.hypot(re, im));
    }

    /** Principal square root (Kahan's csqrt: the larger part from sqrt((|re| + |z|) / 2)). */
    static void sqrt(double re, double im, boolean single, double[] out) {
        if (re == 0 && im == 0) {
            out[0] = 0;
            out[1] = im;
            return;
        }
        if (Double.isInfinite(im)) {
            out[0] = Double.POSITIVE_INFINITY;
            out[1] = im;
            return;
        }
        double t = Math.sqrt((Math.abs(re) + Math.hypot(re, im)) * 0.5);
        if (re >= 0) {
            out[0] = round(t, single);
            out[1] = round(im / (2 * t), single);
        } else {
            out[0] = round(Math.abs(im) / (2 * t), single);
            out[1] = round(Math.copySign(t, im), single);
        }
    }
}
