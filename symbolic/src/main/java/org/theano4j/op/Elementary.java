package org.theano4j.op;

/**
 * {@code exp}, {@code log}, {@code log1p}, {@code softplus} and {@code tanh} computed with basic IEEE operations and
 * {@link Math#fma} only, so that every place computes the same bits: the reference evaluation, the
 * CPU backend's scalar paths and the tails of its vector loops, and its vector loops (which run the
 * same operations lane by lane, see {@code org.theano4j.cpu.VectorMath}). {@link Math#exp} could
 * not give that: the Vector API's {@code lanewise(EXP)} is a different approximation, and in the
 * interpreter it differs again from the C2-compiled code, so one compiled function returned other
 * bits on its first calls than after warm-up.
 *
 * <p>The double functions are within 1 ulp of the exact value (exp, log, log1p) and 2 ulps (tanh,
 * softplus: 1.5 measured); the float ones compute in float with float constants, within 1 ulp (exp,
 * log, log1p) and 2 (tanh, softplus). Methods:
 * <ul>
 *   <li>exp: {@code x = n ln2 + r}, {@code |r| <= ln2/2} (Cody and Waite, by two FMAs), a degree-13
 *       (float: 8) Taylor polynomial of {@code e^r} by Horner's rule in FMAs, and {@code 2^n} applied as
 *       two exact powers of two so that the subnormal range rounds once; x is first clamped to
 *       [-1000, 1000] (float: [-150, 150]), which keeps infinities and NaN right;
 *   <li>log: {@code x = 2^k m}, {@code m} in [sqrt(1/2), sqrt(2)), {@code log(m) = 2 atanh(f / (2 + f))}
 *       with {@code f = m - 1} by fdlibm's method and its minimax coefficients (e_log.c, e_logf.c);
 *   <li>log1p: the same reduction of {@code u = 1 + x}, plus u's rounding error over u (s_log1p.c);
 *       softplus is {@code max(x, 0) + log1p(exp(-|x|))};
 *   <li>tanh: below {@code |x| = 0.75} its Taylor series to {@code x^57} (float: {@code x^29}) by
 *       Horner's rule in {@code x^2}; above, {@code 1 - 2 / (exp(2|x|) + 1)}.
 * </ul>
 */
public final class Elementary {
    /** Bounds exp's argument: n stays below 2^11, where two halves of 2^n are normal numbers. */
    public static final double EXP_CLAMP = 1000;
    /** float exp's bound. */
    public static final float EXP_CLAMP_F = 150;
    /** {@code 1 / ln 2}. */
    public static final double LOG2E = 0x1.71547652b82fep0;
    /** {@code ln 2} rounded, and the rest. */
    public static final double LN2 = 0x1.62e42fefa39efp-1;
    /** {@code ln 2 - LN2}. */
    public static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** Adding it rounds a double below 2^51 to an integer, kept in the low bits. */
    public static final double SHIFT = 0x1.8p52;
    /** float: {@code 1 / ln 2}. */
    public static final float LOG2E_F = 0x1.715476p0f;
    /** float: {@code ln 2} rounded. */
    public static final float LN2_F = 0x1.62e430p-1f;
    /** float: {@code ln 2 - LN2_F}. */
    public static final float LN2_LO_F = -0x1.05c610p-29f;
    /** float: adding it rounds a float below 2^22 to an integer. */
    public static final float SHIFT_F = 0x1.8p23f;

    /** exp's Taylor coefficients {@code 1/k!}, k = 2..13. */
    public static final double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720,
            E7 = 1.0 / 5040, E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800, E11 = 1.0 / 39916800,
            E12 = 1.0 / 479001600, E13 = 1.0 / 6227020800.0;
    /** Further {@code 1/k!}, k = 14..21, for expm1's series. */
    public static final double E14 = 1.0 / 87178291200.0, E15 = 1.0 / 1307674368000.0, E16 = 1.0 / 20922789888000.0,
            E17 = 1.0 / 355687428096000.0, E18 = 1.0 / 6402373705728000.0, E19 = 1.0 / 121645100408832000.0,
            E20 = 1.0 / 2432902008176640000.0, E21 = 1.0 / 51090942171709440000.0;
    /** float {@code 1/k!}, k = 2..13. */
    public static final float F2 = 1f / 2, F3 = (float) E3, F4 = (float) E4, F5 = (float) E5, F6 = (float) E6,
            F7 = (float) E7, F8 = (float) E8, F9 = (float) E9, F10 = (float) E10, F11 = (float) E11, F12 = (float) E12,
            F13 = (float) E13;

    /** Bits of {@code sqrt(1/2)}: log splits x at it. */
    public static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    /** float bits of {@code sqrt(1/2)}. */
    public static final int SQRT_HALF_BITS_F = 0x3f3504f3;
    /** fdlibm's {@code ln 2} split so that {@code k * LN2_HI} is exact, and the rest. */
    public static final double LN2_HI = 6.93147180369123816490e-01, LN2_HI_LO = 1.90821492927058770002e-10;
    /** fdlibm's log coefficients Lg1 .. Lg7. */
    public static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01,
            LG3 = 2.857142874366239149e-01, LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01,
            LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;
    /** fdlibm's float {@code ln 2} split, and the float log coefficients. */
    public static final float LN2_HI_F = 6.9313812256e-01f, LN2_HI_LO_F = 9.0580006145e-06f;
    /** The float log's coefficients. */
    public static final float LGF1 = 0xaaaaaa.0p-24f, LGF2 = 0xccce13.0p-25f, LGF3 = 0x91e9ee.0p-25f, LGF4 = 0xf89e26.0p-26f;
    /** Below this {@code |x|}, log1p(x) rounds to x ({@code x^2/2} is under half its ulp). */
    public static final double LOG1P_TINY = 0x1p-54;
    /** float: below this {@code |x|}, log1p(x) rounds to x. */
    public static final float LOG1P_TINY_F = 0x1p-25f;
    /** Below this {@code |x|}, tanh is its Taylor series. */
    public static final double TANH_SERIES = 0.75;
    /** Above this {@code 2|x|}, tanh is 1; exp's argument is bounded by it (float: {@link #TANH_ONE_F}). */
    public static final double TANH_ONE = 100;
    /** float: above this {@code 2|x|}, tanh is 1. */
    public static final float TANH_ONE_F = 40;
    /** tanh's Taylor coefficients of {@code x^3, x^5, ..., x^57} (from the Bernoulli numbers), rounded. */
    public static final double T1 = -0x1.5555555555555p-2,
            T2 = 0x1.1111111111111p-3,
            T3 = -0x1.ba1ba1ba1ba1cp-5,
            T4 = 0x1.664f4882c10fap-6,
            T5 = -0x1.226e355e6c23dp-7,
            T6 = 0x1.d6d3d0e157de0p-9,
            T7 = -0x1.7da36452b75e3p-10,
            T8 = 0x1.3558248036744p-11,
            T9 = -0x1.f57d7734d1664p-13,
            T10 = 0x1.967e18afcafadp-14,
            T11 = -0x1.497d8eea25259p-15,
            T12 = 0x1.0b132d39a6050p-16,
            T13 = -0x1.b0f72d3ee24e9p-18,
            T14 = 0x1.5ef2da474e5b7p-19,
            T15 = -0x1.1c77df95c1c0dp-20,
            T16 = 0x1.cd299de4ae6bbp-22,
            T17 = -0x1.75cde6563fed9p-23,
            T18 = 0x1.2efe8db3aff1fp-24,
            T19 = -0x1.eb3229047434cp-26,
            T20 = 0x1.8e25ff9327e2cp-27,
            T21 = -0x1.42ba1a349b490p-28,
            T22 = 0x1.0597b61cb3092p-29,
            T23 = -0x1.a813f6eaa7058p-31,
            T24 = 0x1.57bea2950f11ep-32,
            T25 = -0x1.16a101c5fde96p-33,
            T26 = 0x1.c3b23b05e39f9p-35,
            T27 = -0x1.6e2193ae496d5p-36,
            T28 = 0x1.28c65557ea2a5p-37;
    /** float: tanh's Taylor coefficients of {@code x^3 .. x^29}. */
    public static final float TF1 = -0x1.555556p-2f,
            TF2 = 0x1.111112p-3f,
            TF3 = -0x1.ba1ba2p-5f,
            TF4 = 0x1.664f48p-6f,
            TF5 = -0x1.226e36p-7f,
            TF6 = 0x1.d6d3dp-9f,
            TF7 = -0x1.7da364p-10f,
            TF8 = 0x1.355824p-11f,
            TF9 = -0x1.f57d78p-13f,
            TF10 = 0x1.967e18p-14f,
            TF11 = -0x1.497d8ep-15f,
            TF12 = 0x1.0b132ep-16f,
            TF13 = -0x1.b0f72ep-18f,
            TF14 = 0x1.5ef2dap-19f;

    private Elementary() {
    }

    /** e^x. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, -EXP_CLAMP), EXP_CLAMP);
        double t = Math.fma(xc, LOG2E, SHIFT);
        double n = t - SHIFT;
        double r = Math.fma(-n, LN2, xc);
        r = Math.fma(-n, LN2_LO, r);
        double p = Math.fma(E13, r, E12);
        p = Math.fma(p, r, E11);
        p = Math.fma(p, r, E10);
        p = Math.fma(p, r, E9);
        p = Math.fma(p, r, E8);
        p = Math.fma(p, r, E7);
        p = Math.fma(p, r, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1);
        p = Math.fma(p, r, 1);
        long k = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(SHIFT);
        long k1 = k >> 1;
        long k2 = k - k1;
        return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
    }

    /** e^x in float arithmetic. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, -EXP_CLAMP_F), EXP_CLAMP_F);
        float t = Math.fma(xc, LOG2E_F, SHIFT_F);
        float n = t - SHIFT_F;
        float r = Math.fma(-n, LN2_F, xc);
        r = Math.fma(-n, LN2_LO_F, r);
        float p = Math.fma(F8, r, F7);
        p = Math.fma(p, r, F6);
        p = Math.fma(p, r, F5);
        p = Math.fma(p, r, F4);
        p = Math.fma(p, r, F3);
        p = Math.fma(p, r, F2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int k = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(SHIFT_F);
        int k1 = k >> 1;
        int k2 = k - k1;
        return p * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k2 + 127) << 23);
    }

    /** The natural logarithm: NaN below 0, -inf at 0. */
    public static double log(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            return x == 0 ? Double.NEGATIVE_INFINITY : x == Double.POSITIVE_INFINITY ? x : Double.NaN;
        }
        boolean subnormal = x < Double.MIN_NORMAL;
        long bits = Double.doubleToRawLongBits(subnormal ? x * 0x1p54 : x);
        long k = (bits - SQRT_HALF_BITS) >> 52;
        double m = Double.longBitsToDouble(bits - (k << 52));
        double kd = (double) k - (subnormal ? 54 : 0); // exact, as VectorMath's integer-to-double trick
        return logOfReduced(m - 1.0, kd, kd * LN2_HI_LO);
    }

    /**
     * {@code kd ln2 + log(1 + f) + lo - kd LN2_HI_LO} for {@code 1 + f} in [sqrt(1/2), sqrt(2)), by
     * fdlibm's method: {@code lo} is the low-order part, {@code kd * LN2_HI_LO} plus log1p's
     * correction term.
     */
    private static double logOfReduced(double f, double kd, double lo) {
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        double rr = t2 + t1;
        return kd * LN2_HI - ((hfsq - (s * (hfsq + rr) + lo)) - f);
    }

    /** The natural logarithm in float arithmetic. */
    public static float log(float x) {
        if (!(x > 0) || x == Float.POSITIVE_INFINITY) {
            return x == 0 ? Float.NEGATIVE_INFINITY : x == Float.POSITIVE_INFINITY ? x : Float.NaN;
        }
        boolean subnormal = x < Float.MIN_NORMAL;
        int bits = Float.floatToRawIntBits(subnormal ? x * 0x1p25f : x);
        int k = (bits - SQRT_HALF_BITS_F) >> 23;
        float m = Float.intBitsToFloat(bits - (k << 23));
        float kf = (float) k - (subnormal ? 25 : 0);
        return logOfReduced(m - 1f, kf, kf * LN2_HI_LO_F);
    }

    private static float logOfReduced(float f, float kf, float lo) {
        float hfsq = 0.5f * f * f;
        float s = f / (2f + f);
        float z = s * s;
        float w = z * z;
        float t1 = w * (LGF2 + w * LGF4);
        float t2 = z * (LGF1 + w * LGF3);
        float rr = t2 + t1;
        return kf * LN2_HI_F - ((hfsq - (s * (hfsq + rr) + lo)) - f);
    }

    /**
     * {@code log(1 + x)}: -inf at -1, NaN below -1 and for NaN, x itself for {@code |x| < 2^-54}
     * (so -0.0 stays -0.0). As s_log1p.c: {@code u = 1 + x} rounded, {@code u = 2^k (1 + f)} reduced
     * as in {@link #log}, and the rounding error of u, {@code c = (1 + x - u) / u} (exact over u),
     * added to the low-order part.
     */
    public static double log1p(double x) {
        if (!(x > -1) || x == Double.POSITIVE_INFINITY) {
            return x == -1 ? Double.NEGATIVE_INFINITY : x == Double.POSITIVE_INFINITY ? x : Double.NaN;
        }
        if (Math.abs(x) < LOG1P_TINY) {
            return x;
        }
        double u = 1 + x;
        double c = (x < 1 ? x - (u - 1) : 1 - (u - x)) / u;
        long bits = Double.doubleToRawLongBits(u);
        long k = (bits - SQRT_HALF_BITS) >> 52;
        double m = Double.longBitsToDouble(bits - (k << 52));
        double kd = (double) k;
        return logOfReduced(m - 1.0, kd, kd * LN2_HI_LO + c);
    }

    /** {@code log(1 + x)} in float arithmetic ({@code |x| < 2^-25} gives x). */
    public static float log1p(float x) {
        if (!(x > -1) || x == Float.POSITIVE_INFINITY) {
            return x == -1 ? Float.NEGATIVE_INFINITY : x == Float.POSITIVE_INFINITY ? x : Float.NaN;
        }
        if (Math.abs(x) < LOG1P_TINY_F) {
            return x;
        }
        float u = 1f + x;
        float c = (x < 1f ? x - (u - 1f) : 1f - (u - x)) / u;
        int bits = Float.floatToRawIntBits(u);
        int k = (bits - SQRT_HALF_BITS_F) >> 23;
        float m = Float.intBitsToFloat(bits - (k << 23));
        float kf = (float) k;
        return logOfReduced(m - 1f, kf, kf * LN2_HI_LO_F + c);
    }

    /**
     * {@code log(1 + e^x)} without overflow: {@code max(x, 0) + log1p(e^-|x|)}, so it is x for large
     * x and e^x for very negative x (Theano's softplus).
     */
    public static double softplus(double x) {
        double t = log1p(exp(-Math.abs(x)));
        return x > 0 ? x + t : t;
    }

    /** {@code log(1 + e^x)} in float arithmetic. */
    public static float softplus(float x) {
        float t = log1p(exp(-Math.abs(x)));
        return x > 0 ? x + t : t;
    }

    /** The hyperbolic tangent. */
    public static double tanh(double x) {
        double a = Math.abs(x);
        double t;
        if (a < TANH_SERIES) {
            double z = a * a;
            double p = Math.fma(T28, z, T27);
            p = Math.fma(p, z, T26);
            p = Math.fma(p, z, T25);
            p = Math.fma(p, z, T24);
            p = Math.fma(p, z, T23);
            p = Math.fma(p, z, T22);
            p = Math.fma(p, z, T21);
            p = Math.fma(p, z, T20);
            p = Math.fma(p, z, T19);
            p = Math.fma(p, z, T18);
            p = Math.fma(p, z, T17);
            p = Math.fma(p, z, T16);
            p = Math.fma(p, z, T15);
            p = Math.fma(p, z, T14);
            p = Math.fma(p, z, T13);
            p = Math.fma(p, z, T12);
            p = Math.fma(p, z, T11);
            p = Math.fma(p, z, T10);
            p = Math.fma(p, z, T9);
            p = Math.fma(p, z, T8);
            p = Math.fma(p, z, T7);
            p = Math.fma(p, z, T6);
            p = Math.fma(p, z, T5);
            p = Math.fma(p, z, T4);
            p = Math.fma(p, z, T3);
            p = Math.fma(p, z, T2);
            p = Math.fma(p, z, T1);
            t = Math.fma(a * z, p, a);
        } else {
            t = 1 - 2 / (exp(Math.min(2 * a, TANH_ONE)) + 1);
        }
        return Math.copySign(t, x);
    }

    /** The hyperbolic tangent in float arithmetic. */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float t;
        if (a < TANH_SERIES) {
            float z = a * a;
            float p = Math.fma(TF14, z, TF13);
            p = Math.fma(p, z, TF12);
            p = Math.fma(p, z, TF11);
            p = Math.fma(p, z, TF10);
            p = Math.fma(p, z, TF9);
            p = Math.fma(p, z, TF8);
            p = Math.fma(p, z, TF7);
            p = Math.fma(p, z, TF6);
            p = Math.fma(p, z, TF5);
            p = Math.fma(p, z, TF4);
            p = Math.fma(p, z, TF3);
            p = Math.fma(p, z, TF2);
            p = Math.fma(p, z, TF1);
            t = Math.fma(a * z, p, a);
        } else {
            t = 1 - 2 / (exp(Math.min(2 * a, TANH_ONE_F)) + 1);
        }
        return Math.copySign(t, x);
    }
}
