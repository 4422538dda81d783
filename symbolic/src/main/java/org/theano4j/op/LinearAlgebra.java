package org.theano4j.op;

import java.util.ArrayList;
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
        Variable ac = Operands.castTo(a, common);
        Variable bc = Operands.castTo(b, common);
        if (a.ndim() > 2 && b.ndim() <= 2) {
            return tensorDot(ac, bc);
        }
        return Apply.single(new Dot(), ac, bc);
    }

    /**
     * A tensor times a matrix or vector as Theano's {@code dot} builds it ({@code tensordot} over a's
     * last axis): a's leading axes joined into rows, one matrix product, the axes split again (so
     * that the product runs as a GEMM). Broadcastable axes stay broadcastable.
     */
    private static Variable tensorDot(Variable a, Variable b) {
        Variable shapeA = Ops.shape(a);
        Variable rowCount = shapeA.get(0);
        List<Object> outShape = new ArrayList<>();
        for (int i = 0; i < a.ndim() - 1; i++) {
            outShape.add(a.broadcastable()[i] ? (Object) 1L : shapeA.get(i));
            rowCount = i == 0 ? rowCount : Ops.mul(rowCount, shapeA.get(i));
        }
        if (b.ndim() == 2) {
            outShape.add(b.broadcastable()[1] ? (Object) 1L : Ops.shape(b).get(1));
        }
        Variable rows = ShapeOps.reshape(a, List.of(rowCount, shapeA.get(a.ndim() - 1)));
        return ShapeOps.reshape(Apply.single(new Dot(), rows, b), outShape);
    }

    /** Outer product {@code a[:, None] * b[None, :]}; operands that are not vectors are flattened first. */
    public static Variable outer(Variable a, Variable b) {
        Variable va = a.ndim() == 1 ? a : ShapeOps.flatten(a);
        Variable vb = b.ndim() == 1 ? b : ShapeOps.flatten(b);
        return Ops.mul(Ops.dimshuffle(va, 0, "x"), Ops.dimshuffle(vb, "x", 0));
    }
}
