package org.theano4j.cpu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.op.Casting;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/**
 * A {@link ScalarExpr} tree compiled once into straight-line instructions over registers (one
 * block-sized buffer each), all in one lane type ({@code lanes}): float64 or float32 for float
 * trees (bool values as 0/1, integer inputs only directly under a cast to the float), int64 for
 * trees without a float node (every integer and bool dtype, see {@link IntegerEmitter}). Trees
 * mixing integer arithmetic and floats compile to nothing and run the exact scalar loop.
 * Registers: first the inputs, then the constants (filled once per scratch), then temporaries
 * reused after their last read.
 *
 * @param lanes the dtype of every lane: float64, float32, or int64 for integer programs
 * @param inputs input index of each input register ({@code inputDTypes} gives its stored dtype)
 * @param inputDTypes the dtype of each input register's array
 * @param constants the value of each constant register, in the lane type (Double, Float or Long)
 * @param code the instructions in execution order
 * @param registers total number of registers
 * @param result the register holding the tree's value
 */
record ElemProgram(DType lanes, int[] inputs, DType[] inputDTypes, Number[] constants, Instr[] code, int registers,
        int result) {

    /**
     * One instruction: {@code dst = op(src...)} computing in dtype {@code compute} with a result of
     * dtype {@code dtype} (integer programs pick unsigned forms and wrap widths from them).
     */
    record Instr(Code op, int dst, int[] src, DType compute, DType dtype) {
    }

    /** The operations of the vector path; all but {@link #TO_BOOL} and {@link #WRAP} mirror a {@link ScalarOp}. */
    enum Code {
        ADD(ScalarOp.ADD), SUB(ScalarOp.SUB), MUL(ScalarOp.MUL), TRUE_DIV(ScalarOp.TRUE_DIV),
        INT_DIV(ScalarOp.INT_DIV), MOD(ScalarOp.MOD), POW(ScalarOp.POW), MAXIMUM(ScalarOp.MAXIMUM),
        MINIMUM(ScalarOp.MINIMUM), NEG(ScalarOp.NEG), ABS(ScalarOp.ABS), SIGN(ScalarOp.SIGN), FLOOR(ScalarOp.FLOOR),
        CEIL(ScalarOp.CEIL), ROUND(ScalarOp.ROUND), SQR(ScalarOp.SQR), SQRT(ScalarOp.SQRT), INV(ScalarOp.INV),
        EXP(ScalarOp.EXP), EXP2(ScalarOp.EXP2), EXPM1(ScalarOp.EXPM1), LOG(ScalarOp.LOG), LOG2(ScalarOp.LOG2),
        LOG10(ScalarOp.LOG10), LOG1P(ScalarOp.LOG1P), SIN(ScalarOp.SIN), COS(ScalarOp.COS), TAN(ScalarOp.TAN),
        ARCTAN(ScalarOp.ARCTAN), SINH(ScalarOp.SINH), COSH(ScalarOp.COSH), TANH(ScalarOp.TANH),
        SIGMOID(ScalarOp.SIGMOID), SOFTPLUS(ScalarOp.SOFTPLUS), GT(ScalarOp.GT), GE(ScalarOp.GE), LT(ScalarOp.LT),
        LE(ScalarOp.LE), EQ(ScalarOp.EQ), NEQ(ScalarOp.NEQ), AND(ScalarOp.AND), OR(ScalarOp.OR), XOR(ScalarOp.XOR),
        NOT(ScalarOp.NOT), SWITCH(ScalarOp.SWITCH), CLIP(ScalarOp.CLIP), IDENTITY(ScalarOp.IDENTITY),
        /** Non-zero to 1. */
        TO_BOOL(null),
        /** Integer programs: the register's value wrapped to the width of the instruction's dtype. */
        WRAP(null);

        private static final Map<ScalarOp, Code> BY_FN = new EnumMap<>(ScalarOp.class);

        static {
            for (Code c : values()) {
                if (c.fn != null) {
                    BY_FN.put(c.fn, c);
                }
            }
        }

        /** The scalar function this instruction computes (null for {@link #TO_BOOL} and {@link #WRAP}). */
        final ScalarOp fn;

        Code(ScalarOp fn) {
            this.fn = fn;
        }

        /** The instruction that computes {@code fn}. */
        static Code of(ScalarOp fn) {
            Code c = BY_FN.get(fn);
            if (c == null) {
                throw new IllegalStateException("vector-cpu has no instruction for scalar op " + fn);
            }
            return c;
        }
    }


    /** Compiles {@code expr}, or returns null when it needs the scalar path (integers mixed with floats, mixed float widths). */
    static ElemProgram compile(ScalarExpr expr) {
        if (IntegerEmitter.accepts(expr)) {
            Builder b = new Builder(DType.INT64);
            b.collectLeaves(expr);
            return b.build(new IntegerEmitter(b).emit(expr).reg());
        }
        DType lanes = laneType(expr);
        if (lanes == null) {
            return null;
        }
        Builder b = new Builder(lanes);
        if (!b.checkFloat(expr, false)) {
            return null;
        }
        b.collectLeaves(expr);
        return b.build(b.emitFloat(expr));
    }

    private static DType laneType(ScalarExpr e) {
        Set<DType> floats = EnumSet.noneOf(DType.class);
        collectFloats(e, floats);
        return floats.size() == 1 ? floats.iterator().next() : null;
    }

    private static void collectFloats(ScalarExpr e, Set<DType> acc) {
        if (e.dtype().isFloat()) {
            acc.add(e.dtype());
        }
        if (e instanceof ScalarExpr.Call c) {
            c.args().forEach(a -> collectFloats(a, acc));
        }
    }

    /** Register allocation, leaves, and the emission of float programs. */
    static final class Builder {
        final DType lanes;
        final Map<Integer, Integer> inputRegs = new HashMap<>();
        final List<DType> inputTypes = new ArrayList<>();
        final List<Integer> inputIndex = new ArrayList<>();
        final Map<Number, Integer> constRegs = new HashMap<>();
        final List<Number> constValues = new ArrayList<>();
        final List<Instr> code = new ArrayList<>();
        final List<Integer> free = new ArrayList<>();
        int tempBase = -1;
        int next;

        Builder(DType lanes) {
            this.lanes = lanes;
        }

        /**
         * Whether every node can run in float {@code lanes}; integer leaves only directly under a
         * cast to the lanes (the loads and constants convert them with one rounding).
         */
        boolean checkFloat(ScalarExpr e, boolean underFloatCast) {
            DType d = e.dtype();
            if (!(e instanceof ScalarExpr.Call c)) {
                return d == lanes || d == DType.BOOL || (underFloatCast && d.isInteger());
            }
            if (d != lanes && d != DType.BOOL) {
                return false;
            }
            boolean cast = c.fn() instanceof ScalarCast;
            if (!cast && !(c.fn() instanceof ScalarOp)) {
                return false;
            }
            if (c.fn() instanceof ScalarOp op) {
                DType compute = c.computeDType();
                if (compute == DType.BOOL ? !op.isBoolSafe() : compute != lanes || !op.acceptsFloat()) {
                    return false;
                }
            }
            for (ScalarExpr a : c.args()) {
                if (!checkFloat(a, cast && d == lanes)) {
                    return false;
                }
            }
            return true;
        }

        void collectLeaves(ScalarExpr e) {
            switch (e) {
                case ScalarExpr.Input in -> inputRegs.computeIfAbsent(in.index(), k -> {
                    inputIndex.add(k);
                    inputTypes.add(in.dtype());
                    return inputIndex.size() - 1;
                });
                case ScalarExpr.Const c -> constRegs.putIfAbsent(laneValue(c), -1);
                case ScalarExpr.Call call -> call.args().forEach(this::collectLeaves);
            }
        }

        /** A constant in the lane type: Long for integer programs, else its value as the lanes' float (one rounding). */
        private Number laneValue(ScalarExpr.Const c) {
            if (lanes == DType.INT64) {
                return c.longValue();
            }
            double v = c.dtype().isFloat() ? c.doubleValue() : Casting.toReal(c.longValue(), c.dtype(), lanes);
            return lanes == DType.FLOAT32 ? (Number) (float) v : (Number) v;
        }

        /** The register of a leaf (numbering the constants after the inputs on first use). */
        int leaf(ScalarExpr e) {
            if (tempBase < 0) {
                next = inputIndex.size();
                for (Map.Entry<Number, Integer> en : constRegs.entrySet()) {
                    en.setValue(next++);
                    constValues.add(en.getKey());
                }
                tempBase = next;
            }
            return e instanceof ScalarExpr.Input in ? inputRegs.get(in.index()) : constRegs.get(laneValue((ScalarExpr.Const) e));
        }

        int emitFloat(ScalarExpr e) {
            if (!(e instanceof ScalarExpr.Call call)) {
                return leaf(e);
            }
            int[] src = new int[call.args().size()];
            for (int i = 0; i < src.length; i++) {
                src[i] = emitFloat(call.args().get(i));
            }
            return add(floatCode(call), src, call.computeDType(), call.dtype());
        }

        /** Appends {@code dst = op(src)} into a fresh or released temporary; returns dst. */
        int add(Code op, int[] src, DType compute, DType dtype) {
            for (int s : src) {
                release(s);
            }
            int dst = free.isEmpty() ? next++ : free.remove(free.size() - 1);
            code.add(new Instr(op, dst, src, compute, dtype));
            return dst;
        }

        /** Whether {@code reg} is a temporary (not an input or constant register). */
        boolean isTemporary(int reg) {
            return reg >= tempBase;
        }

        /** Appends {@code reg = op(reg)} in place (a temporary only). */
        void addInPlace(Code op, int reg, DType compute, DType dtype) {
            code.add(new Instr(op, reg, new int[] {reg}, compute, dtype));
        }

        private void release(int reg) {
            if (reg >= tempBase && !free.contains(reg)) {
                free.add(reg);
            }
        }

        private static Code floatCode(ScalarExpr.Call call) {
            if (call.fn() instanceof ScalarCast cast) {
                return cast.to() == DType.BOOL && call.args().get(0).dtype() != DType.BOOL ? Code.TO_BOOL : Code.IDENTITY;
            }
            return Code.of((ScalarOp) call.fn());
        }

        ElemProgram build(int result) {
            return new ElemProgram(lanes, inputIndex.stream().mapToInt(Integer::intValue).toArray(),
                    inputTypes.toArray(DType[]::new), constValues.toArray(Number[]::new), code.toArray(Instr[]::new),
                    Math.max(next, 1), result);
        }
    }
}
