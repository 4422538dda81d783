package org.theano4j.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;

/**
 * Turns a graph into a {@link KernelPlan}: numbers its values (constants first, then shared
 * state, explicit inputs and node outputs), orders its nodes into steps (a lazy ifelse's branches
 * into guarded segments, {@link BranchPlanner}), asks the backend for a kernel per node, tells
 * update steps which update they compute, and shares intermediate buffers ({@link BufferPlan}).
 */
final class PlanBuilder {
    private PlanBuilder() {
    }

    /** The plan of {@code graph}, with a kernel per node from {@code backend}. */
    static KernelPlan build(GraphSpec graph, Backend backend) {
        List<Variable> roots = graph.roots();
        Map<Variable, Integer> slot = new IdentityHashMap<>();
        List<Variable> leaves = Graphs.leaves(roots);
        List<Integer> constSlots = new ArrayList<>();
        List<NDArray> constValues = new ArrayList<>();
        List<SharedContainer> sharedList = new ArrayList<>();
        List<Integer> sharedSlotList = new ArrayList<>();
        for (Variable leaf : leaves) {
            if (leaf instanceof Constant c) {
                constSlots.add(assign(slot, leaf));
                constValues.add(c.value());
            }
        }
        for (Variable leaf : leaves) {
            if (leaf instanceof SharedContainer s) {
                sharedSlotList.add(assign(slot, leaf));
                sharedList.add(s);
            }
        }
        int[] inputSlots = new int[graph.inputs().size()];
        for (int i = 0; i < inputSlots.length; i++) {
            inputSlots[i] = assign(slot, graph.inputs().get(i).variable());
        }
        int firstTransient = constSlots.size();
        java.util.Set<Variable> rootSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        rootSet.addAll(roots);
        BranchPlanner.Scope scope = BranchPlanner.plan(Graphs.toposort(roots), roots);
        int[] next = {scope.nodes().size()};
        Step[] steps = steps(scope, slot, backend, rootSet, next);
        int[] updateSlots = slotsOf(graph.updates(), slot);
        int[] outputSlots = slotsOf(graph.outputs(), slot);
        markUpdateTargets(steps, updateSlots);
        int nGroups = next[0] == steps.length ? BufferPlan.assign(steps, slot.size(), concat(outputSlots, updateSlots)) : 0;
        SlotLayout layout = new SlotLayout(slot.size(), ints(constSlots), constValues.toArray(NDArray[]::new),
                ints(sharedSlotList), inputSlots, outputSlots, updateSlots, firstTransient, nGroups);
        return new KernelPlan(steps, next[0], layout, sharedList.toArray(SharedContainer[]::new));
    }

    /** Tells the steps that compute update values which update (and so which offered target) each output is. */
    private static void markUpdateTargets(Step[] steps, int[] updateSlots) {
        Map<Integer, Integer> updateOf = new java.util.HashMap<>();
        for (int u = 0; u < updateSlots.length; u++) {
            updateOf.putIfAbsent(updateSlots[u], u);
        }
        for (Step s : steps) {
            s.markUpdateTargets(updateOf);
            if (s.guarded() != null) {
                markUpdateTargets(s.guarded().then(), updateSlots);
                markUpdateTargets(s.guarded().otherwise(), updateSlots);
            }
        }
    }

    /**
     * The steps of a scope, run with workspace indices 0, 1, ... by the caller; an ifelse step gets
     * its guarded segments, whose steps take fresh indices from {@code next}.
     */
    private static Step[] steps(BranchPlanner.Scope scope, Map<Variable, Integer> slot, Backend backend,
            java.util.Set<Variable> roots, int[] next) {
        Step[] steps = new Step[scope.nodes().size()];
        for (int i = 0; i < steps.length; i++) {
            Apply node = scope.nodes().get(i);
            BranchPlanner.Branches b = scope.branches().get(node);
            if (b == null) {
                steps[i] = step(node, slot, backend, roots);
                continue;
            }
            int[] thenIndex = reserve(next, b.then().nodes().size());
            Step[] then = steps(b.then(), slot, backend, roots, next);
            int[] otherwiseIndex = reserve(next, b.otherwise().nodes().size());
            Step[] otherwise = steps(b.otherwise(), slot, backend, roots, next);
            steps[i] = step(node, slot, backend, roots);
            steps[i].guard(new Step.Guarded(then, thenIndex, otherwise, otherwiseIndex));
        }
        return steps;
    }

    private static int[] reserve(int[] next, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = next[0]++;
        }
        return idx;
    }

    private static Step step(Apply node, Map<Variable, Integer> slot, Backend backend, java.util.Set<Variable> roots) {
        int[] in = new int[node.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = slot.get(node.input(i));
        }
        int[] out = new int[node.outputs().size()];
        boolean isRoot = false;
        for (int i = 0; i < out.length; i++) {
            out[i] = assign(slot, node.output(i));
            isRoot |= roots.contains(node.output(i));
        }
        Kernel kernel = node.op().isView() ? null : backend.kernelFor(node);
        return new Step(node, in, out, kernel, isRoot);
    }

    private static int assign(Map<Variable, Integer> slot, Variable v) {
        return slot.computeIfAbsent(v, k -> slot.size());
    }

    private static int[] slotsOf(List<Variable> vs, Map<Variable, Integer> slot) {
        int[] r = new int[vs.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = slot.get(vs.get(i));
        }
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int[] ints(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }
}
