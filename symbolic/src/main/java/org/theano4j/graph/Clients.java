package org.theano4j.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;

/**
 * The one clients index of a graph (Theano's {@code fgraph.clients}): for each variable, the nodes
 * that read it (once per input position) and how often it is an output of the graph.
 */
public final class Clients {
    private final Map<Variable, List<Apply>> readers = new IdentityHashMap<>();
    private final Map<Variable, Integer> outputUses = new IdentityHashMap<>();

    private Clients() {
    }

    /** The index of the graph of {@code outputs}, whose nodes in topological order are {@code order}. */
    public static Clients of(List<Apply> order, List<Variable> outputs) {
        Clients c = new Clients();
        for (Apply node : order) {
            for (Variable in : node.inputs()) {
                c.readers.computeIfAbsent(in, k -> new ArrayList<>(2)).add(node);
            }
        }
        for (Variable out : outputs) {
            c.outputUses.merge(out, 1, Integer::sum);
        }
        return c;
    }

    /** The index of the graph of {@code outputs}. */
    public static Clients of(List<Variable> outputs) {
        return of(Graphs.toposort(outputs), outputs);
    }

    /** The nodes that read {@code v}, once per input position that holds it. */
    public List<Apply> readers(Variable v) {
        return readers.getOrDefault(v, List.of());
    }

    /** How many input positions of the graph's nodes hold {@code v}. */
    public int nodeUses(Variable v) {
        return readers(v).size();
    }

    /** How many times {@code v} is among the graph's outputs. */
    public int outputUses(Variable v) {
        return outputUses.getOrDefault(v, 0);
    }

    /** Every use of {@code v}: node inputs and graph outputs. */
    public int uses(Variable v) {
        return nodeUses(v) + outputUses(v);
    }
}
