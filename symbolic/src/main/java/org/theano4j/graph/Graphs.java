package org.theano4j.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;

/** Graph traversals: topological order, leaves, cloning with replacements. */
public final class Graphs {
    private Graphs() {
    }

    /** The apply nodes that {@code outputs} depend on, each after its inputs' nodes. */
    public static List<Apply> toposort(List<Variable> outputs) {
        List<Apply> order = new ArrayList<>();
        Set<Apply> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        for (Variable out : outputs) {
            if (out.owner() != null && !done.contains(out.owner())) {
                stack.push(new Object[] {out.owner(), 0});
            }
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                Apply node = (Apply) top[0];
                int i = (Integer) top[1];
                if (done.contains(node)) {
                    stack.pop();
                } else if (i < node.inputs().size()) {
                    top[1] = i + 1;
                    Apply dep = node.input(i).owner();
                    if (dep != null && !done.contains(dep)) {
                        stack.push(new Object[] {dep, 0});
                    }
                } else {
                    stack.pop();
                    done.add(node);
                    order.add(node);
                }
            }
        }
        return order;
    }

    /** The variables without owner (inputs, constants, shared variables) that {@code outputs} depend on, in first-seen order. */
    public static List<Variable> leaves(List<Variable> outputs) {
        Set<Variable> seen = new LinkedHashSet<>();
        for (Variable out : outputs) {
            if (out.owner() == null) {
                seen.add(out);
            }
        }
        for (Apply node : toposort(outputs)) {
            for (Variable in : node.inputs()) {
                if (in.owner() == null) {
                    seen.add(in);
                }
            }
        }
        return new ArrayList<>(seen);
    }

    /** Whether {@code v} depends on {@code target} (or is it). */
    public static boolean dependsOn(Variable v, Variable target) {
        if (v == target) {
            return true;
        }
        for (Apply node : toposort(List.of(v))) {
            if (node.inputs().contains(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rebuilds the graph of {@code outputs} with {@code replace} applied: every node with a
     * replaced input is re-applied (so ops re-check their input types); untouched nodes are shared.
     * Returns the new outputs, in order.
     */
    public static List<Variable> clone(List<Variable> outputs, Map<Variable, Variable> replace) {
        return Rebuild.run(outputs, replace, false, (node, state) -> {
            if (node.inputs().stream().noneMatch(state::isReplaced)) {
                return null;
            }
            Apply copy = node.withInputs(state.all(node.inputs()));
            List<Variable> outs = new ArrayList<>(node.outputs().size());
            for (int i = 0; i < node.outputs().size(); i++) {
                String name = node.output(i).name();
                outs.add(copy.outputs().size() == 1 && name != null ? Apply.named(copy, name) : copy.output(i));
            }
            return outs;
        });
    }
}
