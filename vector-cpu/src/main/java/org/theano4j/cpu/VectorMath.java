package org.theano4j.cpu;

import static org.theano4j.op.Elementary.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.theano4j.op.Elementary;

/**
 * {@link Elementary}'s exp, log, log1p, softplus and tanh lane by lane: the same IEEE operations in the same order,
 * so each lane is bit for bit the scalar function, in the interpreter as after C2 and at every
 * vector width (unlike {@code lanewise(EXP)}). Integer-to-float steps go through the bits
 * ({@code SHIFT}), not lane conversions, which not every instruction set has.
 */
final class VectorMath {
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(Elementary.SHIFT);
    private static final int SHIFT_BITS_F = Float.floatToRawIntBits(Elementary.SHIFT_F);

    private static final double[] EXP_D = {E13, E12, E11, E10, E9, E8, E7, E6, E5, E4, E3, E2, 1, 1};
    private static final float[] EXP_F = {F8, F7, F6, F5, F4, F3, F2, 1f, 1f};
    private static final double[] TANH_D = {T28, T27, T26, T25, T24, T23, T22, T21, T20, T19, T18, T17, T16, T15, T14, T13, T12, T11, T10, T9, T8, T7, T6, T5, T4, T3, T2, T1};
    private static final float[] TANH_F = {TF14, TF13, TF12, TF11, TF10, TF9, TF8, TF7, TF6, TF5, TF4, TF3, TF2, TF1};

    private VectorMath() {
    }

    /**
     * {@code c[0] x^(n-1) + ... + c[n-1]} by Horner's rule in FMAs, as {@link Elementary} writes it
     * out. A loop keeps the callers below C2's inlining limit (325 bytecodes): a vector function that
     * is not inlined boxes its vectors, 10-20x slower.
     */
    private static DoubleVector horner(DoubleVector x, double[] c) {
        DoubleVector p = x.broadcast(c[0]);
        for (int k = 1; k < c.length; k++) {
            p = p.fma(x, x.broadcast(c[k]));
        }
        return p;
    }

    private static FloatVector horner(FloatVector x, float[] c) {
        FloatVector p = x.broadcast(c[0]);
        for (int k = 1; k < c.length; k++) {
            p = p.fma(x, x.broadcast(c[k]));
        }
        return p;
    }

    /** e^x per lane. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(-Elementary.EXP_CLAMP).min(Elementary.EXP_CLAMP);
        DoubleVector t = xc.fma(Elementary.LOG2E, Elementary.SHIFT);
        DoubleVector n = t.sub(Elementary.SHIFT);
        DoubleVector negN = n.neg();
        DoubleVector r = negN.fma(negN.broadcast(Elementary.LN2), xc);
        r = negN.fma(negN.broadcast(Elementary.LN2_LO), r);
        DoubleVector p = horner(r, EXP_D);
        LongVector k = ((LongVector) t.reinterpretAsLongs()).sub(SHIFT_BITS);
        LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = k.sub(k1);
        return p.mul(pow2(k1)).mul(pow2(k2));
    }

    /** e^x per float lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(-Elementary.EXP_CLAMP_F).min(Elementary.EXP_CLAMP_F);
        FloatVector t = xc.fma(Elementary.LOG2E_F, Elementary.SHIFT_F);
        FloatVector n = t.sub(Elementary.SHIFT_F);
        FloatVector negN = n.neg();
        FloatVector r = negN.fma(negN.broadcast(Elementary.LN2_F), xc);
        r = negN.fma(negN.broadcast(Elementary.LN2_LO_F), r);
        FloatVector p = horner(r, EXP_F);
        IntVector k = ((IntVector) t.reinterpretAsInts()).sub(SHIFT_BITS_F);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = k.sub(k1);
        return p.mul(pow2(k1)).mul(pow2(k2));
    }

    private static DoubleVector pow2(LongVector k) {
        return (DoubleVector) k.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    private static FloatVector pow2(IntVector k) {
        return (FloatVector) k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /** The natural logarithm per lane: NaN below 0 and for NaN, -inf at 0, inf at inf. */
    static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        LongVector bits = (LongVector) x.blend(x.mul(0x1p54), subnormal).reinterpretAsLongs();
        LongVector k = bits.sub(Elementary.SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = (DoubleVector) bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector kd = ((DoubleVector) k.add(SHIFT_BITS).reinterpretAsDoubles()).sub(Elementary.SHIFT);
        DoubleVector ks = kd.blend(kd.sub(54), subnormal);
        DoubleVector y = logOfReduced(m.sub(1.0), ks, ks.mul(Elementary.LN2_HI_LO));
        y = y.blend(Double.NaN, x.compare(VectorOperators.GT, 0).not());
        y = y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0));
        return y.blend(x, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
    }

    /** {@code kd ln2 + log(1 + f)} for {@code 1 + f} in [sqrt(1/2), sqrt(2)), low-order part {@code lo}, fdlibm's way. */
    private static DoubleVector logOfReduced(DoubleVector f, DoubleVector kd, DoubleVector lo) {
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.mul(w.mul(Elementary.LG6).add(Elementary.LG4)).add(Elementary.LG2));
        DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(Elementary.LG7).add(Elementary.LG5)).add(Elementary.LG3)).add(Elementary.LG1));
        DoubleVector rr = t2.add(t1);
        DoubleVector inner = s.mul(hfsq.add(rr)).add(lo);
        return kd.mul(Elementary.LN2_HI).sub(hfsq.sub(inner).sub(f));
    }

    /** The natural logarithm per float lane. */
    static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        IntVector bits = (IntVector) x.blend(x.mul(0x1p25f), subnormal).reinterpretAsInts();
        IntVector k = bits.sub(Elementary.SQRT_HALF_BITS_F).lanewise(VectorOperators.ASHR, 23);
        FloatVector m = (FloatVector) bits.sub(k.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        FloatVector kf = ((FloatVector) k.add(SHIFT_BITS_F).reinterpretAsFloats()).sub(Elementary.SHIFT_F);
        FloatVector ks = kf.blend(kf.sub(25f), subnormal);
        FloatVector y = logOfReduced(m.sub(1f), ks, ks.mul(Elementary.LN2_HI_LO_F));
        y = y.blend(Float.NaN, x.compare(VectorOperators.GT, 0f).not());
        y = y.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
        return y.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
    }

    private static FloatVector logOfReduced(FloatVector f, FloatVector kf, FloatVector lo) {
        FloatVector hfsq = f.mul(0.5f).mul(f);
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector w = z.mul(z);
        FloatVector t1 = w.mul(w.mul(Elementary.LGF4).add(Elementary.LGF2));
        FloatVector t2 = z.mul(w.mul(Elementary.LGF3).add(Elementary.LGF1));
        FloatVector rr = t2.add(t1);
        FloatVector inner = s.mul(hfsq.add(rr)).add(lo);
        return kf.mul(Elementary.LN2_HI_F).sub(hfsq.sub(inner).sub(f));
    }

    /** {@code log(1 + x)} per lane, {@link Elementary#log1p(double)}'s operations and special values. */
    static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        DoubleVector e = x.sub(u.sub(1.0)).blend(x.broadcast(1.0).sub(u.sub(x)), x.compare(VectorOperators.LT, 1.0).not());
        LongVector bits = (LongVector) u.reinterpretAsLongs();
        LongVector k = bits.sub(Elementary.SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = (DoubleVector) bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector kd = ((DoubleVector) k.add(SHIFT_BITS).reinterpretAsDoubles()).sub(Elementary.SHIFT);
        DoubleVector y = logOfReduced(m.sub(1.0), kd, kd.mul(Elementary.LN2_HI_LO).add(e.div(u)));
        y = y.blend(x, x.lanewise(VectorOperators.ABS).compare(VectorOperators.LT, Elementary.LOG1P_TINY));
        y = y.blend(Double.NaN, x.compare(VectorOperators.GT, -1.0).not());
        y = y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, -1.0));
        return y.blend(x, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
    }

    /** {@code log(1 + x)} per float lane. */
    static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        FloatVector e = x.sub(u.sub(1f)).blend(x.broadcast(1f).sub(u.sub(x)), x.compare(VectorOperators.LT, 1f).not());
        IntVector bits = (IntVector) u.reinterpretAsInts();
        IntVector k = bits.sub(Elementary.SQRT_HALF_BITS_F).lanewise(VectorOperators.ASHR, 23);
        FloatVector m = (FloatVector) bits.sub(k.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        FloatVector kf = ((FloatVector) k.add(SHIFT_BITS_F).reinterpretAsFloats()).sub(Elementary.SHIFT_F);
        FloatVector y = logOfReduced(m.sub(1f), kf, kf.mul(Elementary.LN2_HI_LO_F).add(e.div(u)));
        y = y.blend(x, x.lanewise(VectorOperators.ABS).compare(VectorOperators.LT, Elementary.LOG1P_TINY_F));
        y = y.blend(Float.NaN, x.compare(VectorOperators.GT, -1f).not());
        y = y.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, -1f));
        return y.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
    }

    /** {@code log(1 + e^x)} per lane: {@code log1p(exp(-|x|))}, plus x where x > 0. */
    static DoubleVector softplus(DoubleVector x) {
        return softplusOf(x, expNegAbs(x));
    }

    /** {@code log(1 + e^x)} per float lane. */
    static FloatVector softplus(FloatVector x) {
        return softplusOf(x, expNegAbs(x));
    }

    /** softplus's first step, {@code exp(-|x|)}. */
    static DoubleVector expNegAbs(DoubleVector x) {
        return exp(x.lanewise(VectorOperators.ABS).neg());
    }

    static FloatVector expNegAbs(FloatVector x) {
        return exp(x.lanewise(VectorOperators.ABS).neg());
    }

    /**
     * softplus's second step given {@code e = exp(-|x|)}: {@code log1p(e)}, plus x where x > 0. (The
     * loops run the two steps as separate passes: both in one loop pass C2's node budget.)
     */
    static DoubleVector softplusOf(DoubleVector x, DoubleVector e) {
        DoubleVector t = log1p(e);
        return t.blend(x.add(t), x.compare(VectorOperators.GT, 0));
    }

    static FloatVector softplusOf(FloatVector x, FloatVector e) {
        FloatVector t = log1p(e);
        return t.blend(x.add(t), x.compare(VectorOperators.GT, 0f));
    }

    /** The hyperbolic tangent per lane: both of {@link Elementary#tanh}'s branches, blended. */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.lanewise(VectorOperators.ABS);
        DoubleVector z = a.mul(a);
        DoubleVector p = horner(z, TANH_D);
        DoubleVector series = a.mul(z).fma(p, a);
        DoubleVector big = a.broadcast(1).sub(a.broadcast(2).div(exp(a.mul(2).min(Elementary.TANH_ONE)).add(1)));
        DoubleVector t = big.blend(series, a.compare(VectorOperators.LT, Elementary.TANH_SERIES));
        return copySign(t, x);
    }

    /** The hyperbolic tangent per float lane. */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.lanewise(VectorOperators.ABS);
        FloatVector z = a.mul(a);
        FloatVector p = horner(z, TANH_F);
        FloatVector series = a.mul(z).fma(p, a);
        FloatVector big = a.broadcast(1f).sub(a.broadcast(2f).div(exp(a.mul(2f).min(Elementary.TANH_ONE_F)).add(1f)));
        FloatVector t = big.blend(series, a.compare(VectorOperators.LT, (float) Elementary.TANH_SERIES));
        return copySign(t, x);
    }

    private static DoubleVector copySign(DoubleVector magnitude, DoubleVector sign) {
        LongVector m = (LongVector) magnitude.reinterpretAsLongs();
        LongVector s = (LongVector) sign.reinterpretAsLongs();
        return (DoubleVector) m.and(Long.MAX_VALUE).or(s.and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    private static FloatVector copySign(FloatVector magnitude, FloatVector sign) {
        IntVector m = (IntVector) magnitude.reinterpretAsInts();
        IntVector s = (IntVector) sign.reinterpretAsInts();
        return (FloatVector) m.and(Integer.MAX_VALUE).or(s.and(Integer.MIN_VALUE)).reinterpretAsFloats();
    }
}
