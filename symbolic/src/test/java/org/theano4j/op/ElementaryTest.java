package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link Elementary} against fdlibm ({@link StrictMath}, itself within 1 ulp) on a
 * million arguments per function and range, and against {@link HighPrecision}'s exact values, and
 * its special values.
 */
class ElementaryTest {
    private static final int N = 1_000_000;

    @Test
    void expIsWithinOneUlpOfFdlibm() {
        assertUlps(Elementary::exp, StrictMath::exp, -745.2, 709.8, 1);
        assertUlps(Elementary::exp, StrictMath::exp, -1, 1, 1);
        assertUlps(Elementary::exp, StrictMath::exp, -1e-10, 1e-10, 1);
        assertUlps(Elementary::exp, StrictMath::exp, -745.2, -708, 1); // subnormal results
    }

    @Test
    void logIsWithinOneUlpOfFdlibm() {
        assertUlps(Elementary::log, StrictMath::log, 0, 10, 1);
        assertUlps(Elementary::log, StrictMath::log, 0.5, 2, 1);
        assertUlps(Elementary::log, StrictMath::log, 0, 1e300, 1);
        assertUlps(Elementary::log, StrictMath::log, 0, 1e-300, 1);
        assertUlps(Elementary::log, StrictMath::log, 0, Double.MIN_NORMAL, 1); // subnormal arguments
    }

    @Test
    void tanhIsWithinTwoUlpsOfFdlibm() {
        assertUlps(Elementary::tanh, StrictMath::tanh, -25, 25, 2);
        assertUlps(Elementary::tanh, StrictMath::tanh, -0.7, 0.7, 2);
        assertUlps(Elementary::tanh, StrictMath::tanh, -1e-8, 1e-8, 2);
    }

    @Test
    void log1pIsWithinOneUlpOfFdlibm() {
        assertUlps(Elementary::log1p, StrictMath::log1p, -1, 1, 1);
        assertUlps(Elementary::log1p, StrictMath::log1p, -1, -0.99999, 1);
        assertUlps(Elementary::log1p, StrictMath::log1p, -0.3, 0.42, 1);
        assertUlps(Elementary::log1p, StrictMath::log1p, -1e-8, 1e-8, 1);
        assertUlps(Elementary::log1p, StrictMath::log1p, 0, 1e300, 1);
        assertUlps(Elementary::log1p, StrictMath::log1p, 0, 1e-300, 1);
    }

    /**
     * log1p and softplus against {@link HighPrecision}'s 40-digit values, double and float. Measured
     * on 300,000 arguments per range (these ranges and wider ones): log1p at most 0.80 ulp (double;
     * fdlibm's log1p 0.80) and 0.81 (float); softplus 1.50 (double; the former
     * {@code Math.log1p(Math.exp(x))} also 1.50) and 1.58 (float).
     */
    @Test
    void log1pAndSoftplusAreWithinUlpsOfTheExactValue() {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 8_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble(-1, 1);
                case 1 -> -1 + Math.scalb(r.nextDouble(1, 2), r.nextInt(-53, 0));
                case 2 -> Math.scalb(r.nextDouble(1, 2), r.nextInt(-60, 1023));
                default -> -Math.scalb(r.nextDouble(1, 2), r.nextInt(-60, 0));
            };
            assertExactUlps(Elementary.log1p(x), HighPrecision.log1p(new BigDecimal(x)), 1, "log1p", x);
            float xf = (float) x;
            if (xf > -1 && xf < Float.POSITIVE_INFINITY) {
                assertExactFloatUlps(Elementary.log1p(xf), HighPrecision.log1p(new BigDecimal(xf)), 1, "log1p", xf);
            }
            double s = switch (i % 3) {
                case 0 -> r.nextDouble(-3, 3);
                case 1 -> r.nextDouble(-40, 40);
                default -> r.nextDouble(-745, 710);
            };
            assertExactUlps(Elementary.softplus(s), HighPrecision.softplus(s), 2, "softplus", s);
            float sf = (float) s;
            assertExactFloatUlps(Elementary.softplus(sf), HighPrecision.softplus(sf), 2, "softplus", sf);
        }
    }

    @Test
    void floatFunctionsAreWithinUlpsOfTheRoundedDoubleResult() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < N; i++) {
            float x = (float) r.nextDouble(-103, 88.7);
            assertFloatUlps(Elementary.exp(x), (float) StrictMath.exp(x), 1, "exp", x);
            float y = (float) r.nextDouble(0, 1e30);
            assertFloatUlps(Elementary.log(y), (float) StrictMath.log(y), 1, "log", y);
            float t = (float) r.nextDouble(-12, 12);
            assertFloatUlps(Elementary.tanh(t), (float) StrictMath.tanh(t), 2, "tanh", t);
        }
        for (float x : new float[] {1e-40f, Float.MIN_VALUE, 3e-39f}) {
            assertFloatUlps(Elementary.log(x), (float) StrictMath.log(x), 1, "log", x);
        }
    }

    @Test
    void specialValues() {
        assertEquals(Double.POSITIVE_INFINITY, Elementary.exp(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Elementary.exp(709.8));
        assertEquals(0.0, Elementary.exp(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Elementary.exp(-746));
        assertEquals(1.0, Elementary.exp(0.0));
        assertEquals(1.0, Elementary.exp(-0.0));
        assertEquals(Double.MIN_VALUE, Elementary.exp(-744.6));
        assertTrue(Double.isNaN(Elementary.exp(Double.NaN)));
        assertEquals(Double.NEGATIVE_INFINITY, Elementary.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, Elementary.log(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, Elementary.log(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Elementary.log(1.0));
        assertTrue(Double.isNaN(Elementary.log(-1e-300)));
        assertTrue(Double.isNaN(Elementary.log(Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(Elementary.log(Double.NaN)));
        assertEquals(StrictMath.log(Double.MIN_VALUE), Elementary.log(Double.MIN_VALUE), Math.ulp(745.0));
        assertEquals(-0.0, Elementary.tanh(-0.0));
        assertEquals(1.0, Elementary.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Elementary.tanh(-40));
        assertTrue(Double.isNaN(Elementary.tanh(Double.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, Elementary.exp(89f));
        assertEquals(0f, Elementary.exp(-104f));
        assertEquals(Float.NEGATIVE_INFINITY, Elementary.log(0f));
        assertTrue(Float.isNaN(Elementary.log(-1f)));
        assertEquals(-0f, Elementary.tanh(-0f));
        assertEquals(1f, Elementary.tanh(Float.POSITIVE_INFINITY));
    }

    @Test
    void log1pAndSoftplusSpecialValues() {
        assertEquals(Double.NEGATIVE_INFINITY, Elementary.log1p(-1.0));
        assertTrue(Double.isNaN(Elementary.log1p(-1.0000000000000002)));
        assertTrue(Double.isNaN(Elementary.log1p(Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(Elementary.log1p(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, Elementary.log1p(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Elementary.log1p(0.0));
        assertEquals(-0.0, Elementary.log1p(-0.0));
        assertEquals(Double.MIN_VALUE, Elementary.log1p(Double.MIN_VALUE));
        assertEquals(-1e-300, Elementary.log1p(-1e-300));
        assertEquals(StrictMath.log1p(Double.MAX_VALUE), Elementary.log1p(Double.MAX_VALUE));
        assertEquals(StrictMath.log1p(-1 + 0x1p-53), Elementary.log1p(-1 + 0x1p-53));
        assertEquals(Float.NEGATIVE_INFINITY, Elementary.log1p(-1f));
        assertTrue(Float.isNaN(Elementary.log1p(-1.5f)));
        assertEquals(-0f, Elementary.log1p(-0f));
        assertEquals(Float.POSITIVE_INFINITY, Elementary.log1p(Float.POSITIVE_INFINITY));
        assertEquals(Math.log(2), Elementary.softplus(0.0), 0);
        assertEquals(Double.POSITIVE_INFINITY, Elementary.softplus(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Elementary.softplus(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Elementary.softplus(Double.NaN)));
        assertEquals(800.0, Elementary.softplus(800.0)); // x, no overflow
        assertEquals(37.5, Elementary.softplus(37.5));
        assertEquals(Elementary.exp(-40.0), Elementary.softplus(-40.0)); // e^x for very negative x
        assertEquals(0.0, Elementary.softplus(-800.0));
        assertEquals(100f, Elementary.softplus(100f));
        assertEquals(0f, Elementary.softplus(-200f));
        assertTrue(Float.isNaN(Elementary.softplus(Float.NaN)));
    }

    private static void assertUlps(DoubleUnaryOperator f, DoubleUnaryOperator ref, double lo, double hi, int ulps) {
        SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(lo) ^ Double.doubleToLongBits(hi));
        for (int i = 0; i < N; i++) {
            double x = lo + (hi - lo) * r.nextDouble();
            double got = f.applyAsDouble(x);
            double want = ref.applyAsDouble(x);
            long d = Math.abs(ordered(got) - ordered(want));
            if (d > ulps) {
                throw new AssertionError("at x = " + x + " (" + Double.toHexString(x) + "): " + got + " vs fdlibm " + want
                        + ", " + d + " ulps");
            }
        }
    }

    private static void assertExactUlps(double got, BigDecimal exact, double ulps, String fn, double x) {
        double d = HighPrecision.ulps(got, exact);
        if (d > ulps) {
            throw new AssertionError(fn + "(" + x + "): " + got + " vs " + exact + ", " + d + " ulps");
        }
    }

    private static void assertExactFloatUlps(float got, BigDecimal exact, double ulps, String fn, float x) {
        double d = HighPrecision.floatUlps(got, exact);
        if (d > ulps) {
            throw new AssertionError(fn + "(" + x + "f): " + got + " vs " + exact + ", " + d + " ulps");
        }
    }

    private static void assertFloatUlps(float got, float want, int ulps, String fn, float x) {
        long d = Math.abs((long) orderedF(got) - orderedF(want));
        if (d > ulps) {
            throw new AssertionError(fn + "(" + x + "): " + got + " vs " + want + ", " + d + " ulps");
        }
    }

    /** Bits ordered like the values (adjacent doubles differ by 1). */
    private static long ordered(double v) {
        long b = Double.doubleToRawLongBits(v);
        return b < 0 ? Long.MIN_VALUE - b : b;
    }

    private static int orderedF(float v) {
        int b = Float.floatToRawIntBits(v);
        return b < 0 ? Integer.MIN_VALUE - b : b;
    }
}
