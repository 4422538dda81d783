package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.DType;

/** Builders of products: {@code dot} (numpy.dot) and {@code outer}. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /**
     * numpy.dot: vector·vector (a scalar), matrix·vector, vector·matrix, matrix·matrix, and numpy's
     * rule for higher ranks; a scalar operand means elementwise multiplication. The operands are
     * cast to their common dtype first. Mismatched inner dimensions fail at run time.
     */
    public static Variable dot(Variable a, Variable b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            return Ops.mul(a, b);
        }
        DType common = DTypeRules.common(List.of(a, b), -1);
        return Apply.single(new Dot(), Operands.castTo(a, common), Operands.castTo(b, common));
    }

    /** Outer product {@code a[:, None] * b[None, :]}; operands that are not vectors are flattened first. */
    public static Variable outer(Variable a, Variable b) {
        Variable va = a.ndim() == 1 ? a : ShapeOps.flatten(a);
        Variable vb = b.ndim() == 1 ? b : ShapeOps.flatten(b);
        return Ops.mul(Ops.dimshuffle(va, 0, "x"), Ops.dimshuffle(vb, "x", 0));
    }
}
