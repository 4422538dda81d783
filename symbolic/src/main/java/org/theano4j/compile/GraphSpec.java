package org.theano4j.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.graph.Graphs;
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

    /**
     * Every shared container the function reads or updates, each once: those its outputs and
     * update values read (in the order a graph walk meets them), then those only updated.
     */
    public List<SharedContainer> shared() {
        Set<SharedContainer> all = new LinkedHashSet<>();
        for (Variable leaf : Graphs.leaves(roots())) {
            if (leaf instanceof SharedContainer c) {
                all.add(c);
            }
        }
        all.addAll(updated);
        return List.copyOf(all);
    }

    /** Outputs followed by update values. */
    public List<Variable> roots() {
        List<Variable> all = new ArrayList<>(outputs);
        all.addAll(updates);
        return all;
    }
}
