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
 * {@link Elementary}'s exp, log and tanh lane by lane: the same IEEE operations in the same order,
 * so each lane is bit for bit the scalar function, in the interpreter as after C2 and at every
 * vector width (unlike {@code lanewise(EXP)}). Integer-to-float steps go through the bits
 * ({@code SHIFT}), not lane conversions, which not every instruction set has.
 */
final class VectorMath {
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(Elementary.SHIFT);
    private static final int SHIFT_BITS_F = Float.floatToRawIntBits(Elementary.SHIFT_F);

    private VectorMath() {
    }

    /** e^x per lane. */
    static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(-Elementary.EXP_CLAMP).min(Elementary.EXP_CLAMP);
        DoubleVector t = xc.fma(Elementary.LOG2E, Elementary.SHIFT);
        DoubleVector n = t.sub(Elementary.SHIFT);
        DoubleVector negN = n.neg();
        DoubleVector r = negN.fma(negN.broadcast(Elementary.LN2), xc);
        r = negN.fma(negN.broadcast(Elementary.LN2_LO), r);
        DoubleVector p = r.broadcast(E13).fma(r, r.broadcast(E12));
        p = p.fma(r, p.broadcast(E11));
        p = p.fma(r, p.broadcast(E10));
        p = p.fma(r, p.broadcast(E9));
        p = p.fma(r, p.broadcast(E8));
        p = p.fma(r, p.broadcast(E7));
        p = p.fma(r, p.broadcast(E6));
        p = p.fma(r, p.broadcast(E5));
        p = p.fma(r, p.broadcast(E4));
        p = p.fma(r, p.broadcast(E3));
        p = p.fma(r, p.broadcast(E2));
        p = p.fma(r, p.broadcast(1));
        p = p.fma(r, p.broadcast(1));
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
        FloatVector p = r.broadcast(F8).fma(r, r.broadcast(F7));
        p = p.fma(r, p.broadcast(F6));
        p = p.fma(r, p.broadcast(F5));
        p = p.fma(r, p.broadcast(F4));
        p = p.fma(r, p.broadcast(F3));
        p = p.fma(r, p.broadcast(F2));
        p = p.fma(r, p.broadcast(1f));
        p = p.fma(r, p.broadcast(1f));
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
        kd = kd.blend(kd.sub(54), subnormal);
        DoubleVector f = m.sub(1.0);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.mul(w.mul(Elementary.LG6).add(Elementary.LG4)).add(Elementary.LG2));
        DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(Elementary.LG7).add(Elementary.LG5)).add(Elementary.LG3)).add(Elementary.LG1));
        DoubleVector rr = t2.add(t1);
        DoubleVector inner = s.mul(hfsq.add(rr)).add(kd.mul(Elementary.LN2_HI_LO));
        DoubleVector y = kd.mul(Elementary.LN2_HI).sub(hfsq.sub(inner).sub(f));
        y = y.blend(Double.NaN, x.compare(VectorOperators.GT, 0).not());
        y = y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0));
        return y.blend(x, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
    }

    /** The natural logarithm per float lane. */
    static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        IntVector bits = (IntVector) x.blend(x.mul(0x1p25f), subnormal).reinterpretAsInts();
        IntVector k = bits.sub(Elementary.SQRT_HALF_BITS_F).lanewise(VectorOperators.ASHR, 23);
        FloatVector m = (FloatVector) bits.sub(k.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        FloatVector kf = ((FloatVector) k.add(SHIFT_BITS_F).reinterpretAsFloats()).sub(Elementary.SHIFT_F);
        kf = kf.blend(kf.sub(25f), subnormal);
        FloatVector f = m.sub(1f);
        FloatVector hfsq = f.mul(0.5f).mul(f);
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector w = z.mul(z);
        FloatVector t1 = w.mul(w.mul(Elementary.LGF4).add(Elementary.LGF2));
        FloatVector t2 = z.mul(w.mul(Elementary.LGF3).add(Elementary.LGF1));
        FloatVector rr = t2.add(t1);
        FloatVector inner = s.mul(hfsq.add(rr)).add(kf.mul(Elementary.LN2_HI_LO_F));
        FloatVector y = kf.mul(Elementary.LN2_HI_F).sub(hfsq.sub(inner).sub(f));
        y = y.blend(Float.NaN, x.compare(VectorOperators.GT, 0f).not());
        y = y.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
        return y.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
    }

    /** The hyperbolic tangent per lane: both of {@link Elementary#tanh}'s branches, blended. */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector a = x.lanewise(VectorOperators.ABS);
        DoubleVector z = a.mul(a);
        DoubleVector p = z.broadcast(T28).fma(z, z.broadcast(T27));
        p = p.fma(z, z.broadcast(T26));
        p = p.fma(z, z.broadcast(T25));
        p = p.fma(z, z.broadcast(T24));
        p = p.fma(z, z.broadcast(T23));
        p = p.fma(z, z.broadcast(T22));
        p = p.fma(z, z.broadcast(T21));
        p = p.fma(z, z.broadcast(T20));
        p = p.fma(z, z.broadcast(T19));
        p = p.fma(z, z.broadcast(T18));
        p = p.fma(z, z.broadcast(T17));
        p = p.fma(z, z.broadcast(T16));
        p = p.fma(z, z.broadcast(T15));
        p = p.fma(z, z.broadcast(T14));
        p = p.fma(z, z.broadcast(T13));
        p = p.fma(z, z.broadcast(T12));
        p = p.fma(z, z.broadcast(T11));
        p = p.fma(z, z.broadcast(T10));
        p = p.fma(z, z.broadcast(T9));
        p = p.fma(z, z.broadcast(T8));
        p = p.fma(z, z.broadcast(T7));
        p = p.fma(z, z.broadcast(T6));
        p = p.fma(z, z.broadcast(T5));
        p = p.fma(z, z.broadcast(T4));
        p = p.fma(z, z.broadcast(T3));
        p = p.fma(z, z.broadcast(T2));
        p = p.fma(z, z.broadcast(T1));
        DoubleVector series = a.mul(z).fma(p, a);
        DoubleVector big = a.broadcast(1).sub(a.broadcast(2).div(exp(a.mul(2).min(Elementary.TANH_ONE)).add(1)));
        DoubleVector t = big.blend(series, a.compare(VectorOperators.LT, Elementary.TANH_SERIES));
        return copySign(t, x);
    }

    /** The hyperbolic tangent per float lane. */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.lanewise(VectorOperators.ABS);
        FloatVector z = a.mul(a);
        FloatVector p = z.broadcast(TF14).fma(z, z.broadcast(TF13));
        p = p.fma(z, z.broadcast(TF12));
        p = p.fma(z, z.broadcast(TF11));
        p = p.fma(z, z.broadcast(TF10));
        p = p.fma(z, z.broadcast(TF9));
        p = p.fma(z, z.broadcast(TF8));
        p = p.fma(z, z.broadcast(TF7));
        p = p.fma(z, z.broadcast(TF6));
        p = p.fma(z, z.broadcast(TF5));
        p = p.fma(z, z.broadcast(TF4));
        p = p.fma(z, z.broadcast(TF3));
        p = p.fma(z, z.broadcast(TF2));
        p = p.fma(z, z.broadcast(TF1));
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
