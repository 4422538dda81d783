package org.theano4j.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;

/**
 * The one graph-rebuild driver: visits the nodes of a graph in topological order, asks a
 * {@link NodeRule} what each node becomes (by default {@link #current}: the node re-applied to its
 * rebuilt inputs, the node itself when none changed) and maps the node's outputs to that. With
 * merging on, a node equal to one already built (an equal deterministic op on the same inputs) is
 * that node (common-subexpression elimination as it rebuilds). Merge, the local rewriter, the
 * shape-analysis rules, fusion and {@link Graphs#clone} are rules over this driver.
 */
public final class Rebuild {
    /** What becomes of one node. */
    @FunctionalInterface
    public interface NodeRule {
        /** The replacements of {@code node}'s outputs; null for those of {@code state.current(node)}. */
        List<Variable> rebuild(Apply node, Rebuild state);
    }

    private final Map<Variable, Variable> map;
    private final Map<List<Object>, Apply> built;

    private Rebuild(Map<Variable, Variable> initial, boolean merge) {
        this.map = new IdentityHashMap<>(initial);
        this.built = merge ? new HashMap<>() : null;
    }

    /**
     * Rebuilds the graph of {@code outputs}: {@code initial} replacements first (they win over
     * what the rule returns for the same variable), then {@code rule} per node; returns the new outputs.
     */
    public static List<Variable> run(List<Variable> outputs, Map<Variable, Variable> initial, boolean merge, NodeRule rule) {
        return run(Graphs.toposort(outputs), outputs, initial, merge, rule);
    }

    /** {@link #run(List, Map, boolean, NodeRule)} over {@code order}, a topological order of the graph of {@code outputs}. */
    public static List<Variable> run(List<Apply> order, List<Variable> outputs, Map<Variable, Variable> initial,
            boolean merge, NodeRule rule) {
        Rebuild r = new Rebuild(initial, merge);
        for (Apply node : order) {
            List<Variable> outs = rule.rebuild(node, r);
            List<Variable> result = outs != null ? outs : r.current(node).outputs();
            for (int i = 0; i < node.outputs().size(); i++) {
                if (result.get(i) != node.output(i)) {
                    r.map.putIfAbsent(node.output(i), result.get(i));
                }
            }
        }
        return r.all(outputs);
    }

    /** {@code node} on its rebuilt inputs ({@code node} itself when none changed), merged when merging is on. */
    public Apply current(Apply node) {
        return merged(withRebuiltInputs(node));
    }

    /** Whether {@code v} has a replacement (possibly itself, when the initial map says so). */
    public boolean isReplaced(Variable v) {
        return map.containsKey(v);
    }

    /** What {@code v} has become so far ({@code v} itself when nothing replaced it). */
    public Variable get(Variable v) {
        return map.getOrDefault(v, v);
    }

    /** {@link #get} of each of {@code vs}. */
    public List<Variable> all(List<Variable> vs) {
        List<Variable> out = new ArrayList<>(vs.size());
        for (Variable v : vs) {
            out.add(get(v));
        }
        return out;
    }

    private Apply withRebuiltInputs(Apply node) {
        boolean any = false;
        List<Variable> ins = new ArrayList<>(node.inputs().size());
        for (Variable in : node.inputs()) {
            Variable r = get(in);
            any |= r != in;
            ins.add(r);
        }
        return any ? node.withInputs(ins) : node;
    }

    private Apply merged(Apply node) {
        if (built == null || !node.op().isDeterministic()) {
            return node;
        }
        List<Object> key = new ArrayList<>(node.inputs().size() + 1);
        key.add(node.op());
        for (Variable in : node.inputs()) {
            key.add(new IdentityKey(in));
        }
        Apply first = built.putIfAbsent(key, node);
        return first != null ? first : node;
    }

    /** Identity-compared wrapper so that list keys compare variables by identity. */
    private record IdentityKey(Variable v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.v == v;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(v);
        }
    }
}
