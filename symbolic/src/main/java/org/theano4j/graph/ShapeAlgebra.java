package org.theano4j.graph;

import java.util.List;

/**
 * The operations a shape rule ({@link Op#inferShape}) builds axis lengths with, so that one rule
 * per op serves both the static analysis (lengths as symbols that can be proven equal) and the
 * rewrite that computes a shape without running the op (lengths as int64 scalar variables).
 *
 * @param <D> what an axis length is in this algebra
 */
public interface ShapeAlgebra<D> {
    /** A length known at compile time. */
    D known(long length);

    /** The numpy broadcast of one axis of several operands (1 where all are 1). */
    D broadcast(List<D> lengths);

    /** The sum of lengths (the join axis of a concatenation). */
    D sum(List<D> lengths);

    /** A length that the op requires {@code a} and {@code b} to share (it fails otherwise); returns it. */
    D same(D a, D b);

    /** {@code a * k} (with {@link #sum}, differences: {@code sum(a, times(b, -1))}). */
    D times(D a, long k);

    /** {@code floor(a / k)} for {@code k >= 1} (Python's {@code //}). */
    D floorDiv(D a, long k);

    /** {@code max(a, k)}. */
    D max(D a, long k);

    /** Element {@code index} of the value of {@code node}'s integer-vector input {@code input} (a shape given as data). */
    D element(Apply node, int input, int index);
}
