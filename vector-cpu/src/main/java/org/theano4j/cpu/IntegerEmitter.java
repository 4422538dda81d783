package org.theano4j.cpu;

import org.theano4j.cpu.ElemProgram.Code;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/**
 * Emits the instructions of an integer program (a tree without float nodes) into long lanes:
 * every value is held sign-extended (signed dtypes), zero-extended (uint8/16/32), as its bits
 * (int64, uint64) or as 0/1 (bool). Wrapping is lazy: a result of modular arithmetic (add, mul,
 * ...) in a dtype narrower than 64 bits may be left "dirty", with only its low bits right, as
 * long as its readers are modular too; a {@link Code#WRAP} fixes it in place before a reader
 * that needs the value itself (a comparison, a division, a widening cast). The final store
 * keeps the low bits, so a dirty result needs no wrap. Bool results are always clean.
 */
final class IntegerEmitter {

    private final ElemProgram.Builder b;

    /** A value: its register and whether only its low bits are right. */
    record Val(int reg, boolean dirty) {
    }

    IntegerEmitter(ElemProgram.Builder b) {
        this.b = b;
    }

    /** Whether {@code e} has no float node and only functions integer programs run. */
    static boolean accepts(ScalarExpr e) {
        if (e.dtype().isFloat()) {
            return false;
        }
        if (!(e instanceof ScalarExpr.Call c)) {
            return true;
        }
        boolean fnOk = c.fn() instanceof ScalarCast || c.fn() instanceof ScalarOp op && op.acceptsInteger();
        return fnOk && c.args().stream().allMatch(IntegerEmitter::accepts);
    }

    /** Emits {@code e}; returns where its value is. */
    Val emit(ScalarExpr e) {
        if (!(e instanceof ScalarExpr.Call call)) {
            return new Val(b.leaf(e), false);
        }
        return call.fn() instanceof ScalarCast ? cast(call) : op(call, (ScalarOp) call.fn());
    }

    private Val cast(ScalarExpr.Call call) {
        ScalarExpr arg = call.args().get(0);
        DType from = arg.dtype();
        DType to = call.dtype();
        Val v = emit(arg);
        if (to == from) {
            return v;
        }
        if (to == DType.BOOL) {
            return new Val(b.add(Code.TO_BOOL, new int[] {clean(v, from)}, from, to), false);
        }
        boolean narrowing = from != DType.BOOL && to.byteSize() <= from.byteSize();
        int reg = narrowing ? v.reg() : clean(v, from);
        return new Val(reg, to.byteSize() < 8 && ((narrowing && v.dirty()) || !within(from, to)));
    }

    private Val op(ScalarExpr.Call call, ScalarOp op) {
        DType compute = call.computeDType();
        int[] src = new int[call.args().size()];
        boolean anyDirty = false;
        for (int i = 0; i < src.length; i++) {
            Val v = emit(call.args().get(i));
            boolean lazy = op.isModular() || (op == ScalarOp.POW && i == 0) || (op == ScalarOp.SWITCH && i > 0);
            src[i] = lazy ? v.reg() : clean(v, call.args().get(i).dtype());
            anyDirty |= lazy && v.dirty();
        }
        DType out = call.dtype();
        int dst = b.add(Code.of(op), src, compute, out);
        boolean overflows = anyDirty || op.mayOverflow() || (op == ScalarOp.NOT && compute.kind() == 'u');
        if (out == DType.BOOL && overflows) {
            b.addInPlace(Code.TO_BOOL, dst, out, out);
            return new Val(dst, false);
        }
        return new Val(dst, out.byteSize() < 8 && overflows);
    }

    /**
     * The register of {@code v} with its value wrapped to {@code dtype}: in place for a
     * temporary, into a new temporary for a cast's alias of an input or constant register.
     */
    private int clean(Val v, DType dtype) {
        if (!v.dirty()) {
            return v.reg();
        }
        if (b.isTemporary(v.reg())) {
            b.addInPlace(Code.WRAP, v.reg(), dtype, dtype);
            return v.reg();
        }
        return b.add(Code.WRAP, new int[] {v.reg()}, dtype, dtype);
    }

    /** Whether every value of {@code from} is a value of {@code to}. */
    private static boolean within(DType from, DType to) {
        return from.minValue() >= to.minValue() && from.maxValue() <= to.maxValue();
    }
}
