package org.theano4j.compile;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.SharedContainer;

/**
 * What a function computes after givens, default updates and rewrites: its explicit inputs,
 * its outputs and the updates of shared state. Plans are built from it; copies of a function
 * rebuild their plan from it without rewriting again.
 *
 * @param inputs the explicit inputs
 * @param outputs the (optimized) outputs
 * @param updated the shared containers that are updated, in order
 * @param updates the (optimized) new values, one per updated container
 */
public record GraphSpec(List<InputSpec> inputs, List<Variable> outputs, List<SharedContainer> updated,
        List<Variable> updates) {

    /** Outputs followed by update values. */
    public List<Variable> roots() {
        List<Variable> all = new java.util.ArrayList<>(outputs);
        all.addAll(updates);
        return all;
    }
}
