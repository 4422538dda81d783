package org.theano4j.graph;

/**
 * The type of a symbolic variable: what kind of value flows along an edge of the graph.
 * Tensors have {@link TensorType}; other values (a random generator's state, say) have
 * their own implementations.
 */
public interface Type {
    /** Whether {@code value} is a valid runtime value of this type. */
    boolean accepts(Object value);

    /** A short human-readable description, e.g. {@code TensorType(float64, matrix)}. */
    String describe();
}
