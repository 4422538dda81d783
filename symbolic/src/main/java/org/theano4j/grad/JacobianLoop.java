package org.theano4j.grad;

import org.theano4j.Variable;

/** Builds the loop that stacks one gradient row per element of y. */
final class JacobianLoop {
    private JacobianLoop() {
    }

    static Variable build(Variable y, Variable wrt) {
        throw new IllegalStateException("jacobian of a vector: not built yet");
    }
}
