package org.theano4j.op;

import org.theano4j.Variable;
import org.theano4j.graph.Apply;

/** Builders of the neural-network helpers: softmax, log-softmax and cross-entropies. */
public final class NNet {
    private NNet() {
    }

    /** Softmax over the last axis (row-wise for a matrix); integers are first cast to float. */
    public static Variable softmax(Variable x) {
        return Apply.single(new Softmax(), toFloat("softmax", x));
    }

    /** Log-softmax over the last axis, computed stably; integers are first cast to float. */
    public static Variable logSoftmax(Variable x) {
        return Apply.single(new LogSoftmax(), toFloat("logSoftmax", x));
    }

    /** {@code -(t * log(p) + (1 - t) * log(1 - p))}, elementwise. */
    public static Variable binaryCrossentropy(Variable p, Variable t) {
        return Ops.neg(Ops.add(Ops.mul(t, Ops.log(p)), Ops.mul(Ops.sub(1, t), Ops.log(Ops.sub(1, p)))));
    }

    /**
     * Categorical cross-entropy per row of the matrix {@code p}: with an integer vector {@code t}
     * of class indices, {@code -log(p[i, t[i]])} ({@link CrossentropyCategorical1Hot}); with a
     * tensor {@code t} of p's ndim (one-hot rows or probabilities), {@code -sum(t * log(p), axis=-1)}.
     */
    public static Variable categoricalCrossentropy(Variable p, Variable t) {
        Variable pf = toFloat("categoricalCrossentropy", p);
        if (t.ndim() == p.ndim()) {
            return Ops.neg(Reductions.sum(Ops.mul(t, Ops.log(pf)), new int[] {p.ndim() - 1}));
        }
        if (p.ndim() == 2 && t.ndim() == 1 && t.dtype().isInteger()) {
            return Apply.single(new CrossentropyCategorical1Hot(), pf, t);
        }
        throw new IllegalArgumentException("categoricalCrossentropy: p " + p + " is " + p.type().describe()
                + "; targets " + t + " must be an integer vector of class indices (with a matrix p) or have p's ndim, got "
                + t.type().describe());
    }

    private static Variable toFloat(String op, Variable x) {
        if (x.ndim() == 0) {
            throw new IllegalArgumentException(op + ": input " + x + " must have at least one axis, got "
                    + x.type().describe());
        }
        return x.dtype().isFloat() ? x : Operands.castTo(x, DTypeRules.upgradeToFloat(x.dtype()));
    }
}
