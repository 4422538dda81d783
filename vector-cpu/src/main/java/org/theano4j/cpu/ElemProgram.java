package org.theano4j.cpu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/**
 * A {@link ScalarExpr} tree compiled once into straight-line instructions over registers (one
 * block-sized buffer each), all in one float lane type ({@code lanes}, float64 or float32). Bool
 * values live in the same lanes as 0/1. Registers: first the inputs, then the constants (filled
 * once per scratch), then temporaries reused after their last read.
 *
 * @param lanes the float dtype of every lane
 * @param inputs input index of each input register ({@code inputDTypes} gives its stored dtype)
 * @param inputDTypes the dtype of each input register's array
 * @param constants the value of each constant register
 * @param code the instructions in execution order
 * @param registers total number of registers
 * @param result the register holding the tree's value
 */
record ElemProgram(DType lanes, int[] inputs, DType[] inputDTypes, double[] constants, Instr[] code, int registers,
        int result) {

    /** One instruction: {@code dst = op(src...)}. */
    record Instr(Code op, int dst, int[] src) {
    }

    /** The operations of the vector path; all but {@link #TO_BOOL} mirror a {@link ScalarOp}. */
    enum Code {
        ADD, SUB, MUL, TRUE_DIV, INT_DIV, MOD, POW, MAXIMUM, MINIMUM, NEG, ABS, SIGN, FLOOR, CEIL, ROUND, SQR, SQRT,
        INV, EXP, EXP2, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, ARCTAN, SINH, COSH, TANH, SIGMOID, SOFTPLUS,
        GT, GE, LT, LE, EQ, NEQ, AND, OR, XOR, NOT, SWITCH, CLIP, IDENTITY, TO_BOOL
    }

    /** Ops allowed when the compute dtype is bool (their results are 0/1 again). */
    private static final Set<ScalarOp> BOOL_SAFE = EnumSet.of(ScalarOp.GT, ScalarOp.GE, ScalarOp.LT, ScalarOp.LE,
            ScalarOp.EQ, ScalarOp.NEQ, ScalarOp.AND, ScalarOp.OR, ScalarOp.XOR, ScalarOp.NOT, ScalarOp.SWITCH,
            ScalarOp.MAXIMUM, ScalarOp.MINIMUM, ScalarOp.IDENTITY);

    private static final Set<DType> EXACT_INT = EnumSet.of(DType.BOOL, DType.INT8, DType.INT16, DType.INT32,
            DType.UINT8, DType.UINT16);

    /** Compiles {@code expr}, or returns null when it needs the scalar path (integer math, mixed floats). */
    static ElemProgram compile(ScalarExpr expr) {
        DType lanes = laneType(expr);
        if (lanes == null) {
            return null;
        }
        Builder b = new Builder(lanes);
        if (!b.check(expr, false)) {
            return null;
        }
        b.collectLeaves(expr);
        int result = b.emit(expr);
        return b.build(result);
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

    /** Register allocation and emission. */
    private static final class Builder {
        final DType lanes;
        final Map<Integer, Integer> inputRegs = new HashMap<>();
        final List<DType> inputTypes = new ArrayList<>();
        final List<Integer> inputIndex = new ArrayList<>();
        final Map<Double, Integer> constRegs = new HashMap<>();
        final List<Double> constValues = new ArrayList<>();
        final List<Instr> code = new ArrayList<>();
        final List<Integer> free = new ArrayList<>();
        int tempBase = -1;
        int next;

        Builder(DType lanes) {
            this.lanes = lanes;
        }

        /** Whether every node can run in {@code lanes}; integer inputs only directly under a cast to float. */
        boolean check(ScalarExpr e, boolean underFloatCast) {
            DType d = e.dtype();
            if (e instanceof ScalarExpr.Input) {
                return d == lanes || d == DType.BOOL || (underFloatCast && EXACT_INT.contains(d));
            }
            if (e instanceof ScalarExpr.Const) {
                return d == lanes || d == DType.BOOL || (underFloatCast && EXACT_INT.contains(d));
            }
            ScalarExpr.Call c = (ScalarExpr.Call) e;
            if (d != lanes && d != DType.BOOL) {
                return false;
            }
            boolean cast = c.fn() instanceof ScalarCast;
            if (!cast && !(c.fn() instanceof ScalarOp)) {
                return false;
            }
            if (c.fn() instanceof ScalarOp op) {
                int data = op.conditionInput() == 0 ? 1 : 0;
                DType compute = c.args().get(data).dtype();
                if (compute == DType.BOOL ? !BOOL_SAFE.contains(op) : compute != lanes || !op.acceptsFloat()) {
                    return false;
                }
            }
            for (ScalarExpr a : c.args()) {
                if (!check(a, cast && d == lanes)) {
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
                case ScalarExpr.Const c -> constRegs.putIfAbsent(constValue(c), -1);
                case ScalarExpr.Call call -> call.args().forEach(this::collectLeaves);
            }
        }

        private double constValue(ScalarExpr.Const c) {
            return lanes == DType.FLOAT32 ? (float) c.value() : c.value();
        }

        int emit(ScalarExpr e) {
            if (tempBase < 0) {
                next = inputIndex.size();
                for (Map.Entry<Double, Integer> en : constRegs.entrySet()) {
                    en.setValue(next++);
                    constValues.add(en.getKey());
                }
                tempBase = next;
            }
            return switch (e) {
                case ScalarExpr.Input in -> inputRegs.get(in.index());
                case ScalarExpr.Const c -> constRegs.get(constValue(c));
                case ScalarExpr.Call call -> emitCall(call);
            };
        }

        private int emitCall(ScalarExpr.Call call) {
            int[] src = new int[call.args().size()];
            for (int i = 0; i < src.length; i++) {
                src[i] = emit(call.args().get(i));
            }
            for (int s : src) {
                release(s);
            }
            int dst = free.isEmpty() ? next++ : free.remove(free.size() - 1);
            code.add(new Instr(codeOf(call), dst, src));
            return dst;
        }

        private void release(int reg) {
            if (reg >= tempBase && !free.contains(reg)) {
                free.add(reg);
            }
        }

        private Code codeOf(ScalarExpr.Call call) {
            if (call.fn() instanceof ScalarCast cast) {
                return cast.to() == DType.BOOL && call.args().get(0).dtype() != DType.BOOL ? Code.TO_BOOL : Code.IDENTITY;
            }
            return Code.valueOf(((ScalarOp) call.fn()).name());
        }

        ElemProgram build(int result) {
            return new ElemProgram(lanes, inputIndex.stream().mapToInt(Integer::intValue).toArray(),
                    inputTypes.toArray(DType[]::new), constValues.stream().mapToDouble(Double::doubleValue).toArray(),
                    code.toArray(Instr[]::new), Math.max(next, 1), result);
        }
    }
}
