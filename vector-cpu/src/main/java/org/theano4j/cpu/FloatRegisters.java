package org.theano4j.cpu;

import static jdk.incubator.vector.VectorOperators.ABS;
import static jdk.incubator.vector.VectorOperators.SQRT;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.theano4j.cpu.ElemProgram.Code;
import org.theano4j.cpu.ElemProgram.Instr;
import org.theano4j.op.Elementary;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * float32 registers: one {@code float[BLOCK]} per register, FloatVector loops; what has no vector
 * loop runs the reference ({@link Registers#scalar}) rounded to the lanes. The 32-bit lanes' file is
 * generated from the 64-bit lanes' file by {@code vector-cpu/scripts/gen-float-twins.sh} (a test
 * checks it is up to date): edit the 64-bit one.
 */
@SuppressWarnings("cast") // the 32-bit twin rounds to float where these casts are
final class FloatRegisters extends Registers {
    private static final float LN2 = (float) Math.log(2);
    private final float[][] r;
    private final Loop[] loops;

    FloatRegisters(ElemProgram p) {
        r = new float[p.registers()][Species.BLOCK];
        loops = new Loop[p.code().length];
        for (int i = 0; i < loops.length; i++) {
            Code op = p.code()[i].op();
            Loop loop = loop(op);
            loops[i] = loop != null && MATH.contains(op) ? outOfLine(loop) : loop;
        }
        for (int i = 0; i < p.constants().length; i++) {
            Arrays.fill(r[p.inputs().length + i], p.constants()[i].floatValue());
        }
    }

    @Override
    void load(int reg, int off, NDArray a, long pos, long stride, int len) {
        float[] dst = r[reg];
        MemorySegment seg = a.segment();
        if (stride == 0) {
            Arrays.fill(dst, off, off + len, floatElement(a, pos));
        } else if (a.dtype() == DType.FLOAT32 && stride == 1) {
            MemorySegment.copy(seg, ValueLayout.JAVA_FLOAT_UNALIGNED, pos * Float.BYTES, dst, off, len);
        } else if (a.dtype() == DType.FLOAT32) {
            for (int i = 0; i < len; i++) {
                dst[off + i] = seg.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, pos + i * stride);
            }
        } else if (a.dtype() == DType.BOOL && stride == 1) {
            fetchBools(a, pos, len);
            byte[] b = bytes;
            for (int i = 0; i < len; i++) {
                dst[off + i] = b[i] != 0 ? 1 : 0;
            }
        } else {
            for (int i = 0; i < len; i++) {
                dst[off + i] = floatElement(a, pos + i * stride);
            }
        }
    }

    @Override
    void fill(int reg, NDArray a, long pos, int len) {
        Arrays.fill(r[reg], 0, len, floatElement(a, pos));
    }

    @Override
    void store(int reg, NDArray out, long start, int len) {
        float[] src = r[reg];
        if (out.dtype() == DType.FLOAT32) {
            MemorySegment.copy(src, 0, out.segment(), ValueLayout.JAVA_FLOAT_UNALIGNED,
                    out.byteOffset() + start * Float.BYTES, len);
        } else { // a float program's result is of the lanes' dtype or bool
            byte[] b = bytes;
            for (int i = 0; i < len; i++) {
                b[i] = (byte) (src[i] != 0 ? 1 : 0);
            }
            flushBools(out, start, len);
        }
    }

    @Override
    void exec(int index, Instr ins, int n, boolean vector) {
        Code op = ins.op();
        int[] s = ins.src();
        float[] d = r[ins.dst()];
        float[] a = r[s[0]];
        float[] b = s.length > 1 ? r[s[1]] : a;
        float[] c = s.length > 2 ? r[s[2]] : a;
        int i = vector && loops[index] != null ? loops[index].run(a, b, c, d, n) : 0;
        for (; i < n; i++) {
            d[i] = tail(op, a[i], b[i], c[i]);
        }
    }

    /**
     * One element of {@code op} past the vector loop: {@link #MATH}'s ops by {@link Elementary} in
     * this precision, the same bits as the loop's lanes; the rest by the scalar semantics.
     */
    private static float tail(Code op, float a, float b, float c) {
        return switch (op) {
            case EXP -> Elementary.exp(a);
            case LOG -> Elementary.log(a);
            case LOG2 -> Elementary.log(a) / LN2;
            case TANH -> Elementary.tanh(a);
            case SIGMOID -> 1 / (Elementary.exp(-a) + 1);
            case LOG1P -> Elementary.log1p(a);
            case SOFTPLUS -> Elementary.softplus(a);
            default -> (float) scalar(op, a, b, c);
        };
    }

    /**
     * The ops whose loops call {@link VectorMath}: their lane math is large enough to need
     * {@link #outOfLine}, and their scalar tail is {@link Elementary}'s.
     */
    static final Set<Code> MATH = EnumSet.of(Code.EXP, Code.LOG, Code.LOG2, Code.LOG1P, Code.TANH, Code.SIGMOID,
            Code.SOFTPLUS);

    /**
     * {@code loop} behind a method handle that C2 does not inline through, so the loop is always
     * compiled on its own. Without it, a program of that one op makes the call site in
     * {@link #exec} monomorphic: C2 inlines the loop, its lane math and the block walk of
     * {@code ElemwiseKernel.runRange} into one unit, passes its node budget
     * ({@code NodeCountInliningCutoff}), and the vectors left out of line are boxed (a lone tanh
     * ran at 80 ns an element instead of 2.4 in some fresh JVMs). One indirect call per block.
     */
    private static Loop outOfLine(Loop loop) {
        MethodHandle run = RUN.bindTo(loop);
        return (a, b, c, d, n) -> {
            try {
                return (int) run.invokeExact(a, b, c, d, n);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }

    private static final MethodHandle RUN = findRun();

    private static MethodHandle findRun() {
        try {
            return MethodHandles.lookup().findVirtual(Loop.class, "run",
                    MethodType.methodType(int.class, float[].class, float[].class, float[].class, float[].class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A vector loop over a block; returns how many leading elements it did (the rest run scalar). */
    @FunctionalInterface
    interface Loop {
        int run(float[] a, float[] b, float[] c, float[] d, int n);
    }

    private static FloatVector v(float[] a, int i) {
        return FloatVector.fromArray(Species.F, a, i);
    }

    private static FloatVector bool(VectorMask<Float> m) {
        return FloatVector.zero(Species.F).blend(1, m);
    }

    private static VectorMask<Float> nonZero(float[] a, int i) {
        return v(a, i).compare(VectorOperators.NE, 0);
    }

    /**
     * The vector loop of {@code op}, or null for scalar-only ops. One lambda per op keeps the
     * operator a constant inside its own loop, which C2 needs to emit SIMD code.
     */
    static Loop loop(Code op) {
        return switch (op) {
            case NEG, ABS, SQR, SQRT, INV -> unaryLoop(op);
            case SIGN, NOT, TO_BOOL, IDENTITY -> unaryLoop2(op);
            case EXP, LOG, LOG2, LOG1P, TANH, SIGMOID, SOFTPLUS -> mathLoop(op);
            // no lane function gives the scalar bits (lanewise(SIN) and the like differ from Math's, and
            // between the interpreter and C2): these run the scalar semantics on every element
            case EXPM1, LOG10, SIN, COS, TAN, ARCTAN, SINH, COSH -> null;
            case ADD, SUB, MUL, TRUE_DIV, MAXIMUM, MINIMUM -> arithmeticLoop(op);
            case GT, GE, LT, LE, EQ, NEQ, AND, OR, XOR -> compareLoop(op);
            case SWITCH -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(c, i).blend(v(b, i), nonZero(a, i)).intoArray(d, i);
                }
                return i;
            };
            case CLIP -> (a, b, c, d, n) -> { // Numerics.clip
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    FloatVector x = v(a, i);
                    FloatVector lo = v(b, i);
                    FloatVector hi = v(c, i);
                    FloatVector m = x.blend(lo, lo.compare(VectorOperators.GT, x));
                    VectorMask<Float> nan = x.test(VectorOperators.IS_NAN).or(lo.test(VectorOperators.IS_NAN))
                            .or(hi.test(VectorOperators.IS_NAN));
                    m.blend(hi, hi.compare(VectorOperators.LT, m)).blend(Float.NaN, nan).intoArray(d, i);
                }
                return i;
            };
            default -> null;
        };
    }

    private static final jdk.incubator.vector.VectorSpecies<Float> L = Species.F;

    private static Loop unaryLoop(Code op) {
        return switch (op) {
            case NEG -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).neg().intoArray(d, i);
                }
                return i;
            };
            case ABS -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(ABS).intoArray(d, i);
                }
                return i;
            };
            case SQR -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    FloatVector x = v(a, i);
                    x.mul(x).intoArray(d, i);
                }
                return i;
            };
            case SQRT -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).lanewise(SQRT).intoArray(d, i);
                }
                return i;
            };
            case INV -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    FloatVector.broadcast(L, 1).div(v(a, i)).intoArray(d, i);
                }
                return i;
            };
            default -> throw new IllegalArgumentException("no unary vector loop for " + op);
        };
    }

    /** The loops of {@link #MATH}'s ops, over {@link VectorMath}'s functions. */
    private static Loop mathLoop(Code op) {
        return switch (op) {
            case EXP -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    VectorMath.exp(v(a, i)).intoArray(d, i);
                }
                return i;
            };
            case LOG -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    VectorMath.log(v(a, i)).intoArray(d, i);
                }
                return i;
            };
            case LOG2 -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    VectorMath.log(v(a, i)).div(LN2).intoArray(d, i);
                }
                return i;
            };
            case LOG1P -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    VectorMath.log1p(v(a, i)).intoArray(d, i);
                }
                return i;
            };
            case TANH -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    VectorMath.tanh(v(a, i)).intoArray(d, i);
                }
                return i;
            };
            case SIGMOID -> (a, b, c, d, n) -> {
                int i = 0;
                FloatVector one = FloatVector.broadcast(L, 1);
                for (; i < L.loopBound(n); i += L.length()) {
                    one.div(VectorMath.exp(v(a, i).neg()).add(one)).intoArray(d, i);
                }
                return i;
            };
            case SOFTPLUS -> softplusLoop();
            default -> throw new IllegalArgumentException("no math vector loop for " + op);
        };
    }

    /**
     * softplus as two passes over the block through a scratch register, {@code e = exp(-|a|)} then
     * {@code d = log1p(e) (+ a where a > 0)}, each loop {@link #outOfLine}: exp and log1p inlined
     * into one loop pass C2's node budget ({@code NodeCountInliningCutoff}), and the part left out
     * of line boxes its vectors (no faster than the scalar code). The scratch makes the loop
     * confined to its register file's thread, like the registers.
     */
    private static Loop softplusLoop() {
        float[] e = new float[Species.BLOCK];
        Loop first = outOfLine((a, b, c, d, n) -> {
            int i = 0;
            for (; i < L.loopBound(n); i += L.length()) {
                VectorMath.expNegAbs(v(a, i)).intoArray(d, i);
            }
            return i;
        });
        Loop second = outOfLine((x, ex, c, d, n) -> {
            int i = 0;
            for (; i < L.loopBound(n); i += L.length()) {
                VectorMath.softplusOf(v(x, i), v(ex, i)).intoArray(d, i);
            }
            return i;
        });
        return (a, b, c, d, n) -> second.run(a, e, c, d, first.run(a, b, c, e, n));
    }

    private static Loop unaryLoop2(Code op) {
        return switch (op) {
            case SIGN -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    FloatVector x = v(a, i);
                    x.broadcast(0).blend(1, x.compare(VectorOperators.GT, 0)).blend(-1, x.compare(VectorOperators.LT, 0))
                            .blend(x, x.test(VectorOperators.IS_NAN)).intoArray(d, i);
                }
                return i;
            };
            case NOT -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.EQ, 0)).intoArray(d, i);
                }
                return i;
            };
            case TO_BOOL -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(nonZero(a, i)).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> {
                System.arraycopy(a, 0, d, 0, n);
                return n;
            };
        };
    }

    private static Loop arithmeticLoop(Code op) {
        return switch (op) {
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
            case TRUE_DIV -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    v(a, i).div(v(b, i)).intoArray(d, i);
                }
                return i;
            };
            case MAXIMUM -> (a, b, c, d, n) -> { // Numerics.maximum: a if a > b or a is NaN, else b
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    FloatVector x = v(a, i);
                    FloatVector y = v(b, i);
                    y.blend(x, x.compare(VectorOperators.GT, y).or(x.test(VectorOperators.IS_NAN))).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> { // Numerics.minimum
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    FloatVector x = v(a, i);
                    FloatVector y = v(b, i);
                    y.blend(x, x.compare(VectorOperators.LT, y).or(x.test(VectorOperators.IS_NAN))).intoArray(d, i);
                }
                return i;
            };
        };
    }

    private static Loop compareLoop(Code op) {
        return switch (op) {
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
            case NEQ -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(v(a, i).compare(VectorOperators.NE, v(b, i))).intoArray(d, i);
                }
                return i;
            };
            case AND -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(nonZero(a, i).and(nonZero(b, i))).intoArray(d, i);
                }
                return i;
            };
            case OR -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(nonZero(a, i).or(nonZero(b, i))).intoArray(d, i);
                }
                return i;
            };
            default -> (a, b, c, d, n) -> {
                int i = 0;
                for (; i < L.loopBound(n); i += L.length()) {
                    bool(nonZero(a, i).eq(nonZero(b, i)).not()).intoArray(d, i);
                }
                return i;
            };
        };
    }
}
