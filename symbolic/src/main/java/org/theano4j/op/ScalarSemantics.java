package org.theano4j.op;

import org.theano4j.tensor.DType;

/**
 * The exact value of one scalar node, the reference every backend reproduces. Integer and bool
 * nodes compute on longs (see {@link Casting} for how values travel) and wrap to their dtype's
 * width, as numpy computing in the dtype does (sums, products, negation and powers modulo 2^64
 * then wrapped have the same bits); uint64 compares, divides and orders as unsigned. Float nodes
 * compute in double and round to their dtype. An integer becomes a float with one rounding,
 * straight to the target; a float becomes an integer as {@link Casting#toLong}.
 */
public final class ScalarSemantics {
    private ScalarSemantics() {
    }

    /**
     * {@code fn} on integer or bool operands of dtype {@code compute} (a switch condition: 0 or 1),
     * giving an integer or bool result wrapped to {@code fn.outputDType(compute)}.
     */
    public static long integer(ScalarFn fn, DType compute, long a, long b, long c) {
        long r;
        if (fn instanceof ScalarOp op && compute == DType.UINT64) {
            r = unsigned(op, a, b, c);
        } else if (fn == ScalarOp.NOT) {
            r = ScalarOp.applyNot(a, compute == DType.BOOL);
        } else {
            r = fn.applyLong(a, b, c);
        }
        return Casting.castLong(r, fn.outputDType(compute));
    }

    /** {@code fn} on float operands with a float result, rounded to {@code fn.outputDType(compute)}. */
    public static double real(ScalarFn fn, DType compute, double a, double b, double c) {
        return Casting.castDouble(fn.applyDouble(a, b, c), fn.outputDType(compute));
    }

    /** {@code fn} on float operands with an integer or bool result (a comparison, a cast to an integer). */
    public static long realToInteger(ScalarFn fn, DType compute, double a, double b, double c) {
        double r = fn instanceof ScalarCast ? a : fn.applyDouble(a, b, c);
        return Casting.toLong(r, fn.outputDType(compute));
    }

    /** The ops whose uint64 form differs from the signed one on the same bits. */
    private static long unsigned(ScalarOp op, long a, long b, long c) {
        return switch (op) {
            case INT_DIV -> b == 0 ? 0 : Long.divideUnsigned(a, b);
            case MOD -> b == 0 ? 0 : Long.remainderUnsigned(a, b);
            case POW -> Numerics.unsignedPow(a, b);
            case MAXIMUM -> Long.compareUnsigned(a, b) >= 0 ? a : b;
            case MINIMUM -> Long.compareUnsigned(a, b) <= 0 ? a : b;
            case CLIP -> unsignedClip(a, b, c);
            case ABS -> a;
            case SIGN -> a != 0 ? 1 : 0;
            case GT -> Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case GE -> Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case LT -> Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case LE -> Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
            default -> op.applyLong(a, b, c);
        };
    }

    private static long unsignedClip(long x, long lo, long hi) {
        long m = Long.compareUnsigned(lo, x) > 0 ? lo : x;
        return Long.compareUnsigned(hi, m) < 0 ? hi : m;
    }
}
