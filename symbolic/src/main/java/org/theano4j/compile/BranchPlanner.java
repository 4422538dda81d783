package org.theano4j.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.control.IfElse;
import org.theano4j.graph.Apply;

/**
 * Finds the guarded segments of lazy {@link IfElse} nodes: the nodes that only one branch of an
 * ifelse needs (every path from them to the roots enters that ifelse through that branch).
 * Those nodes leave the main step order and run inside the ifelse's step, only when their branch
 * is taken. Nested ifelses inside a branch get their own segments, recursively.
 */
final class BranchPlanner {
    private BranchPlanner() {
    }

    /** Nodes of one scope in execution order, and the two segments of each ifelse among them. */
    record Scope(List<Apply> nodes, Map<Apply, Branches> branches) {
    }

    /** The segments of one ifelse: the nodes only its then-values need, and those only its else-values need. */
    record Branches(Scope then, Scope otherwise) {
    }

    /** The node sets exclusive to each branch of one ifelse. */
    private record Segments(Set<Apply> then, Set<Apply> otherwise) {
    }

    /** Partitions {@code order} (a topological order) for the given roots. */
    static Scope plan(List<Apply> order, Collection<Variable> roots) {
        List<Apply> conditionals = order.stream().filter(n -> n.op() instanceof IfElse).toList();
        if (conditionals.isEmpty()) {
            return new Scope(order, Map.of());
        }
        Set<Apply> scope = identitySet(order);
        Map<Apply, Segments> exclusive = new IdentityHashMap<>();
        Set<Apply> nested = identitySet(List.of());
        for (Apply node : conditionals) {
            Segments pair = new Segments(exclusiveTo(node, true, scope, roots), exclusiveTo(node, false, scope, roots));
            exclusive.put(node, pair);
            nested.addAll(pair.then());
            nested.addAll(pair.otherwise());
        }
        Map<Apply, Branches> branches = new IdentityHashMap<>();
        for (Apply node : conditionals) {
            if (!nested.contains(node)) {
                Segments pair = exclusive.get(node);
                IfElse op = (IfElse) node.op();
                branches.put(node, new Branches(plan(filter(order, pair.then()), branchValues(node, op, true)),
                        plan(filter(order, pair.otherwise()), branchValues(node, op, false))));
            }
        }
        List<Apply> main = new ArrayList<>();
        for (Apply n : order) {
            if (!nested.contains(n)) {
                main.add(n);
            }
        }
        return new Scope(main, branches);
    }

    private static List<Variable> branchValues(Apply node, IfElse op, boolean then) {
        List<Variable> vs = new ArrayList<>(op.size());
        for (int i = 0; i < op.size(); i++) {
            vs.add(node.input(op.branchInput(i, then)));
        }
        return vs;
    }

    /** Ancestors of the branch's values that the roots cannot reach without that branch's edges. */
    private static Set<Apply> exclusiveTo(Apply node, boolean then, Set<Apply> scope, Collection<Variable> roots) {
        IfElse op = (IfElse) node.op();
        Set<Integer> cut = new java.util.HashSet<>();
        for (int i = 0; i < op.size(); i++) {
            cut.add(op.branchInput(i, then));
        }
        Set<Apply> reachable = ancestors(owners(roots, scope), scope, node, cut);
        Set<Apply> branch = ancestors(owners(branchValues(node, op, then), scope), scope, null, Set.of());
        branch.removeAll(reachable);
        return branch;
    }

    private static List<Apply> owners(Collection<Variable> vs, Set<Apply> scope) {
        List<Apply> owners = new ArrayList<>();
        for (Variable v : vs) {
            if (v.owner() != null && scope.contains(v.owner())) {
                owners.add(v.owner());
            }
        }
        return owners;
    }

    /** The nodes reachable backwards from {@code start} inside the scope, not crossing {@code cut} inputs of {@code cutNode}. */
    private static Set<Apply> ancestors(List<Apply> start, Set<Apply> scope, Apply cutNode, Set<Integer> cut) {
        Set<Apply> seen = identitySet(start);
        Deque<Apply> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            Apply n = todo.pop();
            for (int i = 0; i < n.inputs().size(); i++) {
                Apply dep = n.input(i).owner();
                if (dep != null && scope.contains(dep) && !(n == cutNode && cut.contains(i)) && seen.add(dep)) {
                    todo.push(dep);
                }
            }
        }
        return seen;
    }

    private static List<Apply> filter(List<Apply> order, Set<Apply> keep) {
        return order.stream().filter(keep::contains).toList();
    }

    private static Set<Apply> identitySet(Collection<Apply> items) {
        Set<Apply> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(items);
        return s;
    }
}
