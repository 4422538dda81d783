package org.theano4j.cpu;

import org.theano4j.backend.Kernel;
import org.theano4j.op.Composite;
import org.theano4j.op.ScalarExpr;

/**
 * Elementwise work outside the lanes of {@link ElemwiseKernel} (trees mixing integer arithmetic
 * with floats, mixed float widths): the exact reference loop, writing into the preallocated output.
 */
final class ScalarElemwiseKernel {
    private ScalarElemwiseKernel() {
    }

    /** A kernel evaluating a fused tree element by element, exactly as the reference. */
    static Kernel of(ScalarExpr expr) {
        return (in, out) -> Composite.evaluateInto(expr, in, out[0]);
    }
}
