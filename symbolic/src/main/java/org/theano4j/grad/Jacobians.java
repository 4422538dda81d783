package org.theano4j.grad;

import java.util.List;
import org.theano4j.Variable;

/** Jacobians by one reverse sweep per output element. */
final class Jacobians {
    private Jacobians() {
    }

    /**
     * Jacobian of {@code y} (scalar or vector) with respect to {@code wrt}: for a vector y of
     * runtime length n, rows {@code grad(y[i], wrt)} stacked, computed by a loop over i.
     */
    static Variable jacobian(Variable y, Variable wrt) {
        if (y.ndim() == 0) {
            return Gradients.grad(y, List.of(wrt), false).get(0);
        }
        if (y.ndim() != 1) {
            throw new IllegalArgumentException("jacobian: y must be a scalar or a vector, got " + y.type().describe());
        }
        return JacobianLoop.build(y, wrt);
    }
}
