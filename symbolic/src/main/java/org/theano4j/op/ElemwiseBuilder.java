package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.DType;

/** Builds elementwise applications: operand conversion, dtype promotion, casts and axis padding. */
public final class ElemwiseBuilder {
    private ElemwiseBuilder() {
    }

    /** {@code fn(operands...)} with numpy's promotion and broadcasting. */
    public static Variable apply(ScalarOp fn, Object... operands) {
        List<Variable> in = new ArrayList<>(operands.length);
        for (Object o : operands) {
            in.add(Operands.of(o));
        }
        int cond = fn.conditionInput();
        DType common = DTypeRules.common(in, cond);
        if (common.isComplex()) {
            return ComplexOps.elementwise(fn, in, common);
        }
        DType compute = computeDType(fn, common);
        int ndim = 0;
        for (Variable v : in) {
            ndim = Math.max(ndim, v.ndim());
        }
        List<Variable> ready = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Variable v = i == cond ? in.get(i) : Operands.castTo(in.get(i), compute);
            ready.add(Operands.padTo(v, ndim));
        }
        return Apply.of(new Elemwise(fn), ready).output(0);
    }

    private static DType computeDType(ScalarOp fn, DType common) {
        boolean integral = !common.isFloat();
        if (integral && !fn.acceptsInteger()) {
            return fn == ScalarOp.TRUE_DIV ? DType.FLOAT64 : DTypeRules.upgradeToFloat(common);
        }
        if (!integral && !fn.acceptsFloat()) {
            throw new IllegalArgumentException(fn + " needs integer or bool operands, got " + common.numpyName());
        }
        return common;
    }

    /** Casts {@code x} to {@code dtype} (no node when it already has it). */
    public static Variable cast(Object x, DType dtype) {
        return Operands.castTo(Operands.of(x), dtype);
    }
}
