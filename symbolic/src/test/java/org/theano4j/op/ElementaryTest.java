package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link Elementary} against fdlibm ({@link StrictMath}, itself within 1 ulp) on a
 * million arguments per function and range, and its special values.
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
