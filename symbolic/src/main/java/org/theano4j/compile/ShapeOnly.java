package org.theano4j.compile;

import org.theano4j.graph.Op;
import org.theano4j.op.Composite;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.op.Reduce;

/**
 * The ops whose output shapes depend on the shapes of their inputs only (never on their
 * values), so that a step may memoize them per input shapes. Ops with value-dependent shapes
 * (Alloc, Arange, random draws with a size input) are not listed and are asked every call.
 */
final class ShapeOnly {
    private ShapeOnly() {
    }

    /** Whether {@code op}'s output shapes are a function of its input shapes. */
    static boolean test(Op op) {
        return op instanceof Composite || op instanceof Elemwise || op instanceof Reduce || op instanceof Dot
                || op instanceof Gemm || op instanceof Gemv;
    }
}
