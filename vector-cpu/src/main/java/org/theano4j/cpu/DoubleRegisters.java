package org.theano4j.cpu;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.ATAN;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.COSH;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG10;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.SIN;
import static jdk.incubator.vector.VectorOperators.SINH;
import static jdk.incubator.vector.VectorOperators.SQRT;
import static jdk.incubator.vector.VectorOperators.TAN;
import static jdk.incubator.vector.VectorOperators.TANH;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.cpu.ElemProgram.Code;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** float64 registers: one {@code double[BLOCK]} per register, DoubleVector loops. */
final class DoubleRegisters extends Registers {
    private static final double LN2 = Math.log(2);
    private final double[][] r;

    DoubleRegisters(ElemProgram p) {
        r = new double[p.registers()][Species.BLOCK];
        for (int i = 0; i < p.constants().length; i++) {
            Arrays.fill(r[p.inputs().length + i], p.constants()[i]);
        }
    }

    @Override
    void load(int reg, int off, NDArray a, long pos, long stride, int len) {
        double[] dst = r[reg];
        MemorySegment seg = a.segment();
        if (stride == 0) {
            Arrays.fill(dst, off, off + len, a.readDouble(pos));
        } else if (a.dtype() == DType.FLOAT64 && stride == 1) {
            MemorySegment.copy(seg, ValueLayout.JAVA_DOUBLE_UNALIGNED, pos * 8, dst, off, len);
        } else if (a.dtype() == DType.FLOAT64) {
            for (int i = 0; i < len; i++) {
                dst[off + i] = seg.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, pos + i * stride);
            }
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = a.readDouble(pos + i * stride);
            }
        }
    }

    @Override
    void fill(int reg, double v, int len) {
        Arrays.fill(r[reg], 0, len, v);
    }

    @Override
    void store(int reg, NDArray out, long start, int len) {
        double[] src = r[reg];
        if (out.dtype() == DType.FLOAT64) {
            MemorySegment.copy(src, 0, out.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED, out.byteOffset() + start * 8, len);
        } else {
            long base = out.offset() + start;
            for (int i = 0; i < len; i++) {
                out.writeDouble(base + i, src[i]);
            }
        }
    }

    @Override
    void exec(Instr ins, int n, boolean vector) {
        Code op = ins.op();
        int[] s = ins.src();
        double[] d = r[ins.dst()];
        double[] a = r[s[0]];
        int arity = arity(op);
        double[] b = arity > 1 ? r[s[1]] : a;
        double[] c = arity > 2 ? r[s[2]] : a;
        int i = 0;
        if (vector && !scalarOnly(op)) {
            VectorSpecies<Double> sp = Species.doubles();
            int bound = sp.loopBound(n);
            switch (arity) {
                case 1 -> i = unaryLoop(op, sp, a, d, bound);
                case 2 -> i = binaryLoop(op, sp, a, b, d, bound);
                default -> i = ternaryLoop(op, sp, a, b, c, d, bound);
            }
        }
        for (; i < n; i++) {
            d[i] = scalar(op, a[i], b[i], c[i]);
        }
    }

    private static int unaryLoop(Code op, VectorSpecies<Double> sp, double[] a, double[] d, int bound) {
        int i = 0;
        for (; i < bound; i += sp.length()) {
            unary(op, DoubleVector.fromArray(sp, a, i)).intoArray(d, i);
        }
        return i;
    }

    private static int binaryLoop(Code op, VectorSpecies<Double> sp, double[] a, double[] b, double[] d, int bound) {
        int i = 0;
        for (; i < bound; i += sp.length()) {
            binary(op, DoubleVector.fromArray(sp, a, i), DoubleVector.fromArray(sp, b, i)).intoArray(d, i);
        }
        return i;
    }

    private static int ternaryLoop(Code op, VectorSpecies<Double> sp, double[] a, double[] b, double[] c, double[] d,
            int bound) {
        int i = 0;
        for (; i < bound; i += sp.length()) {
            DoubleVector x = DoubleVector.fromArray(sp, a, i);
            DoubleVector y = DoubleVector.fromArray(sp, b, i);
            DoubleVector z = DoubleVector.fromArray(sp, c, i);
            DoubleVector v = op == Code.SWITCH ? z.blend(y, x.compare(VectorOperators.NE, 0))
                    : x.lanewise(VectorOperators.MAX, y).lanewise(VectorOperators.MIN, z);
            v.intoArray(d, i);
        }
        return i;
    }

    private static DoubleVector unary(Code op, DoubleVector x) {
        return switch (op) {
            case NEG -> x.neg();
            case ABS -> x.lanewise(ABS);
            case SQR -> x.mul(x);
            case SQRT -> x.lanewise(SQRT);
            case INV -> x.broadcast(1).div(x);
            case EXP -> x.lanewise(EXP);
            case EXPM1 -> x.lanewise(EXPM1);
            case LOG -> x.lanewise(LOG);
            case LOG2 -> x.lanewise(LOG).div(LN2);
            case LOG10 -> x.lanewise(LOG10);
            case LOG1P -> x.lanewise(LOG1P);
            case SIN -> x.lanewise(SIN);
            case COS -> x.lanewise(COS);
            case TAN -> x.lanewise(TAN);
            case ARCTAN -> x.lanewise(ATAN);
            case SINH -> x.lanewise(SINH);
            case COSH -> x.lanewise(COSH);
            case TANH -> x.lanewise(TANH);
            default -> unaryMore(op, x);
        };
    }

    private static DoubleVector unaryMore(Code op, DoubleVector x) {
        DoubleVector one = x.broadcast(1);
        return switch (op) {
            case SIGMOID -> one.div(x.neg().lanewise(EXP).add(one));
            case SOFTPLUS -> x.max(0).add(x.lanewise(ABS).neg().lanewise(EXP).lanewise(LOG1P));
            case SIGN -> x.broadcast(0).blend(one, x.compare(VectorOperators.GT, 0))
                    .blend(one.neg(), x.compare(VectorOperators.LT, 0)).blend(x, x.test(VectorOperators.IS_NAN));
            case NOT -> bool(x.compare(VectorOperators.EQ, 0), x);
            case TO_BOOL -> bool(x.compare(VectorOperators.NE, 0), x);
            case IDENTITY -> x;
            default -> throw new IllegalStateException("no vector form for " + op);
        };
    }

    private static DoubleVector binary(Code op, DoubleVector x, DoubleVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case TRUE_DIV -> x.div(y);
            case MAXIMUM -> x.lanewise(VectorOperators.MAX, y);
            case MINIMUM -> x.lanewise(VectorOperators.MIN, y);
            case GT -> bool(x.compare(VectorOperators.GT, y), x);
            case GE -> bool(x.compare(VectorOperators.GE, y), x);
            case LT -> bool(x.compare(VectorOperators.LT, y), x);
            case LE -> bool(x.compare(VectorOperators.LE, y), x);
            case EQ -> bool(x.compare(VectorOperators.EQ, y), x);
            case NEQ -> bool(x.compare(VectorOperators.NE, y), x);
            case AND -> bool(x.compare(VectorOperators.NE, 0).and(y.compare(VectorOperators.NE, 0)), x);
            case OR -> bool(x.compare(VectorOperators.NE, 0).or(y.compare(VectorOperators.NE, 0)), x);
            case XOR -> bool(x.compare(VectorOperators.NE, 0).eq(y.compare(VectorOperators.NE, 0)).not(), x);
            default -> throw new IllegalStateException("no vector form for " + op);
        };
    }

    private static DoubleVector bool(VectorMask<Double> m, DoubleVector like) {
        return like.broadcast(0).blend(1, m);
    }
}
