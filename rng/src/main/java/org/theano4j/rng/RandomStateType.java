package org.theano4j.rng;

import org.theano4j.graph.Type;

/** The type of a variable whose value is a {@link RandomState} (Theano's {@code RandomStateType}); all are equal. */
public record RandomStateType() implements Type {
    /** The one instance in use. */
    public static final RandomStateType INSTANCE = new RandomStateType();

    @Override
    public boolean accepts(Object value) {
        return value instanceof RandomState;
    }

    @Override
    public String describe() {
        return "RandomStateType";
    }
}
