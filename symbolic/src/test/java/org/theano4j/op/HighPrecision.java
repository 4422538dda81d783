package org.theano4j.op;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An oracle independent of {@link Elementary} and of fdlibm: exp, log1p and softplus in
 * {@link BigDecimal} to 40 significant digits (by Taylor series after exact reductions by powers of
 * two), and the distance of a double or float from such a value in ulps.
 */
final class HighPrecision {
    private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal EPS = new BigDecimal("1e-45");
    private static final BigDecimal LN2 = atanhTimesTwo(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));

    private HighPrecision() {
    }

    /** {@code 2 atanh(z) = log((1 + z) / (1 - z))} for {@code |z| <= 1/3}. */
    private static BigDecimal atanhTimesTwo(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal power = z;
        BigDecimal sum = z;
        for (int k = 3; ; k += 2) {
            power = power.multiply(z2, MC);
            BigDecimal term = power.divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(sum.abs().multiply(EPS)) <= 0) {
                return sum.multiply(TWO);
            }
        }
    }

    /** {@code 2^n} exactly. */
    private static BigDecimal pow2(int n) {
        return n >= 0 ? TWO.pow(n) : new BigDecimal(BigInteger.valueOf(5).pow(-n), -n);
    }

    /** e^x. */
    static BigDecimal exp(BigDecimal x) {
        int n = x.divide(LN2, MC).setScale(0, RoundingMode.HALF_EVEN).intValueExact();
        BigDecimal r = x.subtract(LN2.multiply(BigDecimal.valueOf(n)), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; term.abs().compareTo(EPS) > 0; k++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return sum.multiply(pow2(n), MC);
    }

    /** {@code log(1 + x)}, {@code x > -1}, accurate relative to the result also for tiny x. */
    static BigDecimal log1p(BigDecimal x) {
        BigDecimal y = BigDecimal.ONE.add(x); // exact
        int k = Math.getExponent(y.doubleValue());
        BigDecimal m = y.multiply(pow2(-k)); // exact, in [1, 2) up to the double's rounding
        if (m.compareTo(new BigDecimal("1.5")) > 0) {
            m = m.divide(TWO);
            k++;
        } else if (m.compareTo(new BigDecimal("0.75")) < 0) {
            m = m.multiply(TWO);
            k--;
        }
        BigDecimal f = m.subtract(BigDecimal.ONE); // exact
        BigDecimal z = f.divide(f.add(TWO), MC);
        return atanhTimesTwo(z).add(LN2.multiply(BigDecimal.valueOf(k)), MC);
    }

    /** {@code log(1 + e^x)}. */
    static BigDecimal softplus(double x) {
        BigDecimal t = log1p(exp(new BigDecimal(-Math.abs(x))));
        return x > 0 ? t.add(new BigDecimal(x), MC) : t;
    }

    /** How many ulps (of the double nearest {@code exact}) {@code got} is from {@code exact}. */
    static double ulps(double got, BigDecimal exact) {
        double ulp = Math.ulp(exact.doubleValue());
        return new BigDecimal(got).subtract(exact).abs().doubleValue() / ulp;
    }

    /** How many float ulps (of the float nearest {@code exact}) {@code got} is from {@code exact}. */
    static double floatUlps(float got, BigDecimal exact) {
        double ulp = Math.ulp(exact.floatValue());
        return new BigDecimal(got).subtract(exact).abs().doubleValue() / ulp;
    }
}
