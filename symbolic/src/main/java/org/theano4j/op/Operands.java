package org.theano4j.op;

import org.theano4j.Variable;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Turns the {@code Object} operands of the facade into variables. */
public final class Operands {
    private Operands() {
    }

    /**
     * A variable for {@code o}: a {@link Variable} as is, a Java {@link Number} or {@link Boolean}
     * as a weak scalar constant, a Java array or {@link NDArray} as a constant.
     */
    public static Variable of(Object o) {
        if (o instanceof Variable v) {
            return v;
        }
        if (o == null) {
            throw new IllegalArgumentException("operand is null");
        }
        if (o instanceof Number || o instanceof Boolean) {
            return new Constant(NDArray.fromObject(o), true, null);
        }
        return new Constant(o instanceof NDArray a ? a : NDArray.fromObject(o), false, null);
    }

    /** Whether {@code v} is a weak scalar constant (from a Java number). */
    public static boolean isWeak(Variable v) {
        return v instanceof Constant c && c.isWeak();
    }

    /**
     * {@code v} as a tensor of dtype {@code to}: constants are converted directly (exactly as the
     * cast would, e.g. int64 to float32 rounded once), others cast.
     */
    public static Variable castTo(Variable v, DType to) {
        if (v.dtype() == to) {
            return v;
        }
        if (v.dtype().isComplex() || to.isComplex()) {
            return ComplexOps.cast(v, to);
        }
        if (v instanceof Constant c) {
            NDArray converted = (NDArray) new Elemwise(new ScalarCast(to)).evaluate(new Object[] {c.value()})[0];
            return new Constant(converted, c.isWeak(), c.name());
        }
        return org.theano4j.graph.Apply.single(new Elemwise(new ScalarCast(to)), v);
    }

    /** {@code v} with {@code ndim} axes, new broadcastable axes prepended. */
    public static Variable padTo(Variable v, int ndim) {
        int missing = ndim - v.ndim();
        if (missing <= 0) {
            return v;
        }
        Object[] pattern = new Object[ndim];
        for (int i = 0; i < ndim; i++) {
            pattern[i] = i < missing ? "x" : (Object) (i - missing);
        }
        return org.theano4j.graph.Apply.single(DimShuffle.of(v.tensorType(), pattern), v);
    }
}
