package org.theano4j.rewrite;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;

/**
 * A local rewrite: looks at one node (whose inputs are already rewritten) and returns
 * replacements for its outputs, or null when it does not apply. Replacements must have the
 * same types as the outputs they replace.
 */
@FunctionalInterface
public interface LocalRule {
    /** Replacements for {@code node}'s outputs, or null. */
    List<Variable> apply(Apply node);

    /** A rule for single-output nodes returning one replacement variable or null. */
    static LocalRule single(java.util.function.Function<Apply, Variable> f) {
        return node -> {
            Variable v = f.apply(node);
            return v == null ? null : List.of(v);
        };
    }
}
