package org.theano4j.op;

import org.theano4j.Variable;
import org.theano4j.graph.Apply;

/** Undoing broadcasting in gradients. */
public final class Broadcasting {
    private Broadcasting() {
    }

    /**
     * The gradient {@code g} (shaped like a broadcast result) summed back to the shape of
     * {@code x}, and cast to x's dtype when x is real (the gradient of an integer x stays real).
     */
    public static Variable reduceTo(Variable g, Variable x) {
        if (g.dtype() != x.dtype() && x.dtype().isFloat()) {
            g = Ops.cast(g, x.dtype());
        }
        if (g.ndim() > x.ndim()) {
            int[] lead = new int[g.ndim() - x.ndim()];
            for (int i = 0; i < lead.length; i++) {
                lead[i] = i;
            }
            g = Ops.sum(g, lead);
        }
        return Apply.single(new SumToShape(), g, x);
    }
}
