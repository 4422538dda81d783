package org.theano4j.rng;

import org.theano4j.Variable;
import org.theano4j.graph.Constant;
import org.theano4j.op.Shape;

/** Theano's {@code get_vector_length} for the symbolic sizes a draw takes: a {@code shape()} or a constant vector. */
final class SizeVectors {
    private SizeVectors() {
    }

    /**
     * The number of entries of the integer vector {@code size}, known from the graph.
     *
     * @param what the draw, for messages (e.g. {@code MRG draw})
     * @throws IllegalArgumentException if {@code size} is not an integer vector or its length is not known
     */
    static int length(String what, Variable size) {
        if (size.ndim() != 1 || !size.dtype().isInteger()) {
            throw new IllegalArgumentException(what + ": size must be an integer vector, got " + size.type().describe());
        }
        if (size instanceof Constant c) {
            return (int) c.value().size();
        }
        if (size.owner() != null && size.owner().op() instanceof Shape) {
            return size.owner().inputs().get(0).ndim();
        }
        throw new IllegalArgumentException(what + ": the length of size " + size
                + " is not known from the graph (give a shape() or a constant vector)");
    }
}
