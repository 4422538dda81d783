package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;

/**
 * The gradient of a product over some axes, Theano's {@code Prod.L_op} (with zeros allowed in
 * the input). Each group of elements multiplied together is one of three cases: without zeros,
 * {@code gz * prod / x}; with exactly one zero, the product of the other elements at the zero
 * and 0 elsewhere; with several zeros, 0 everywhere.
 */
final class ProdGrad {
    private ProdGrad() {
    }

    /** d prod(x, axes) / dx seeded with {@code gz}, where {@code prod} is the forward result. */
    static Variable of(Variable x, Variable prod, Variable gz, List<Integer> axes) {
        if (axes.isEmpty()) {
            return gz;
        }
        int nd = x.ndim();
        int[] ax = Axes.toArray(axes);
        Variable gzk = Axes.keepDims(gz, axes, nd);
        Variable withoutZeros = Ops.div(Ops.mul(gzk, Axes.keepDims(prod, axes, nd)), x);
        Variable isZero = Ops.eq(x, 0.0);
        Variable zerosPerGroup = Reductions.sum(isZero, ax);
        Variable singleZeroGroup = Axes.keepDims(Ops.eq(zerosPerGroup, 1), axes, nd);
        Variable atSingleZero = Ops.and(singleZeroGroup, isZero);
        // as Theano: the other elements' product only where it is needed (a single zero, gz != 0)
        Variable needed = Ops.mul(Ops.and(singleZeroGroup, Ops.neq(gzk, 0.0)), x);
        Variable others = Axes.keepDims(productOfNonZeros(needed, ax), axes, nd);
        Variable noZeroGroup = Axes.keepDims(Ops.eq(zerosPerGroup, 0), axes, nd);
        return Ops.switchOp(noZeroGroup, withoutZeros, Ops.mul(Ops.switchOp(atSingleZero, others, 0), gzk));
    }

    /** Theano's ProdWithoutZeros on the groups that matter: zeros count as ones. */
    private static Variable productOfNonZeros(Variable v, int[] axes) {
        return Reductions.prod(Ops.switchOp(Ops.eq(v, 0.0), 1, v), axes);
    }
}
