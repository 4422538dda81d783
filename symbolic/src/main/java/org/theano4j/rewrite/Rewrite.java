package org.theano4j.rewrite;

import java.util.List;
import org.theano4j.Variable;

/** A named graph pass: outputs in, equivalent outputs out (never mutating the input graph). */
public interface Rewrite {
    /** The pass's name, shown by the pipeline. */
    String name();

    /** Rewrites the graph of {@code outputs}; returns the new outputs in the same order. */
    List<Variable> apply(List<Variable> outputs);
}
