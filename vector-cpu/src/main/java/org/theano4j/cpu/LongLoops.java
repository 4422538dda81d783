package org.theano4j.cpu;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.cpu.ElemProgram.Code;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.tensor.DType;

/**
 * The LongVector loops of {@link LongRegisters}, one lambda per operation: the operator must be
 * a constant inside its own loop for C2 to emit SIMD code (a shared body taking the operator is
 * not reliably intrinsified). uint64 operands pick the unsigned comparisons and orderings; the
 * narrower unsigned dtypes are zero-extended, so the signed forms serve them.
 */
final class LongLoops {
    private static final VectorSpecies<Long> L = Species.L;

    private LongLoops() {
    }

    /** A vector loop over a block; returns how many leading elements it did (the rest run scalar). */
    @FunctionalInterface
    interface Loop {
        int run(long[] a, long[] b, long[] c, long[] d, int n);
    }

    private static LongVector v(long[] a, int i) {
        return LongVector.fromArray(L, a, i);
    }

    private static LongVector bool(VectorMask<Long> m) {
        return LongVector.zero(L).blend(1, m);
    }

    /** The identity (and abs of uint64): a block copy. */
    private static int copy(long[] a, long[] b, long[] c, long[] d, int n) {
        System.arraycopy(a, 0, d, 0, n);
        return n;
    }

    /** The vector loop of {@code ins}, or null where only the scalar form exists (division, modulo, power). */
    static Loop loop(Instr ins) {
        boolean u = ins.compute() == DType.UINT64;
        return switch (ins.op()) {
            case ADD, SUB, MUL, AND, OR, XOR -> arithmetic(ins);
            case IDENTITY -> LongLoops::copy;
            case ABS -> u ? LongLoops::copy : unary(ins.op(), false);
            case SIGN -> unary(u ? Code.TO_BOOL : Code.SIGN, false);
            case NEG, SQR, NOT, TO_BOOL -> unary(ins.op(), ins.compute() == DType.BOOL);
            case MAXIMUM, MINIMUM, CLIP -> u ? unsignedOrder(ins) : order(ins);
            case GT, GE, LT, LE, EQ, NEQ -> u ? unsignedCompare(ins) : compare(ins);
            case SWITCH -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(c, i).blend(v(b, i), v(a, i).compare(VectorOperators.NE, 0)).intoArray(d, i);
                }
                return i;
            };
            case WRAP -> ins.dtype() == DType.BOOL ? unary(Code.TO_BOOL, false) : wrap(ins.dtype());
            default -> null;
        };
    }

    private static Loop arithmetic(Instr ins) {
        return switch (ins.op()) {
            case ADD -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).add(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case SUB -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).sub(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case MUL -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).mul(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case AND -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).and(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case OR -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).or(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // XOR
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(VectorOperators.XOR, v(b, i)).intoArray(d, i);
                }
                return i;
            };
        };
    }

    /** {@code op} on one operand; {@code logical}: NOT of a bool. */
    private static Loop unary(Code op, boolean logical) {
        return switch (op) {
            case NEG -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).neg().intoArray(d, i);
                }
                return i;
            };
            case SQR -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    LongVector x = v(a, i);
                    x.mul(x).intoArray(d, i);
                }
                return i;
            };
            case ABS -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).abs().intoArray(d, i);
                }
                return i;
            };
            case SIGN -> (a, b, c, d, n) -> { // signum
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    LongVector x = v(a, i);
                    x.lanewise(VectorOperators.ASHR, 63).or(x.neg().lanewise(VectorOperators.LSHR, 63)).intoArray(d, i);
                }
                return i;
            };
            case NOT -> logical ? (a, b, c, d, n) -> { // x ^ 1 for 0/1
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(VectorOperators.XOR, 1).intoArray(d, i);
                }
                return i;
            } : (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).not().intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // TO_BOOL
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.NE, 0)).intoArray(d, i);
                }
                return i;
            };
        };
    }

    private static Loop order(Instr ins) {
        return switch (ins.op()) {
            case MAXIMUM -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).max(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case MINIMUM -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).min(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // CLIP
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).max(v(b, i)).min(v(c, i)).intoArray(d, i);
                }
                return i;
            };
        };
    }

    private static Loop unsignedOrder(Instr ins) {
        return switch (ins.op()) {
            case MAXIMUM -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(VectorOperators.UMAX, v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case MINIMUM -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(VectorOperators.UMIN, v(b, i)).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // CLIP
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(VectorOperators.UMAX, v(b, i)).lanewise(VectorOperators.UMIN, v(c, i)).intoArray(d, i);
                }
                return i;
            };
        };
    }

    private static Loop compare(Instr ins) {
        return switch (ins.op()) {
            case GT -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.GT, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case GE -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.GE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case LT -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.LT, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case LE -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.LE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case EQ -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.EQ, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // NEQ
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.NE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
        };
    }

    private static Loop unsignedCompare(Instr ins) {
        return switch (ins.op()) {
            case GT -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.UGT, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case GE -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.UGE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case LT -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.ULT, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case LE -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.ULE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case EQ -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.EQ, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // NEQ
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.NE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
        };
    }

    /** {@code x} wrapped to the width of integer {@code dtype}, narrower than 64 bits: sign- or zero-extended. */
    private static Loop wrap(DType dtype) {
        int shift = 64 - 8 * dtype.byteSize();
        long mask = -1L >>> shift;
        if (dtype.isSigned()) {
            return (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(VectorOperators.LSHL, shift).lanewise(VectorOperators.ASHR, shift).intoArray(d, i);
                }
                return i;
            };
        }
        return (a, b, c, d, n) -> {
            int i = 0;
            for (; i < L.loopBound(n); i += L.length()) {
                v(a, i).and(mask).intoArray(d, i);
            }
            return i;
        };
    }
}
