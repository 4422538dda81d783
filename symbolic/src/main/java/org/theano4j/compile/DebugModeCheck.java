package org.theano4j.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.DebugModeError;
import org.theano4j.Printing;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.ReferenceBackend;
import org.theano4j.control.IfElse;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Theano's DebugMode for one function: a {@link StepListener} that re-evaluates every node of the
 * optimized plan with its op's reference evaluation on copies of the same inputs and compares
 * ({@code BadThunkOutput}), and {@link #checkCall} that runs the graph as written (givens applied,
 * no rewrites) on the {@link ReferenceBackend} with the same arguments and shared values and
 * compares every output and update value ({@code BadOptimization}). The first difference is a
 * {@link DebugModeError}. Nodes of a lazy ifelse's branches are covered by the second check only,
 * as are scan nodes (their inner graphs are not re-run node by node). Random draws compare equal,
 * since both evaluations draw from copies of the same generator state. A {@code Print} node prints
 * once more per check.
 */
public final class DebugModeCheck implements StepListener {
    private final GraphSpec unoptimized;
    private final KernelPlan reference;
    private final KernelPlan optimized;
    private final List<Variable> optimizedRoots;
    /** The copied inputs of the step that runs now, per thread (a function may run on many threads). */
    private final ThreadLocal<Object[]> inputs = new ThreadLocal<>();

    /** A check of {@code optimized} (the plan of {@code optimizedGraph}) against {@code unoptimized}, the graph as written. */
    public DebugModeCheck(GraphSpec unoptimized, GraphSpec optimizedGraph, KernelPlan optimized) {
        this.unoptimized = unoptimized;
        Backend ref = new ReferenceBackend();
        List<Variable> bound = InnerGraphOp.bindAll(unoptimized.roots(), ref, "FAST_COMPILE");
        int n = unoptimized.outputs().size();
        GraphSpec g = new GraphSpec(unoptimized.inputs(), bound.subList(0, n), unoptimized.updated(), bound.subList(n, bound.size()));
        this.reference = KernelPlan.build(g, ref);
        this.optimized = optimized;
        this.optimizedRoots = optimizedGraph.roots();
    }

    /** The check for a copy of the function: shared variables replaced per {@code replace}, updates dropped when asked. */
    public DebugModeCheck copy(Map<Variable, Variable> replace, boolean deleteUpdates, GraphSpec optimizedGraph, KernelPlan plan) {
        int n = unoptimized.outputs().size();
        List<Variable> roots = Graphs.clone(deleteUpdates ? unoptimized.outputs() : unoptimized.roots(), replace);
        List<SharedContainer> updated = new ArrayList<>();
        if (!deleteUpdates) {
            for (SharedContainer c : unoptimized.updated()) {
                updated.add((SharedContainer) replace.getOrDefault(c.variable(), c.variable()));
            }
        }
        GraphSpec g = new GraphSpec(unoptimized.inputs(), roots.subList(0, n), updated, roots.subList(n, roots.size()));
        return new DebugModeCheck(g, optimizedGraph, plan);
    }

    @Override
    public void beforeStep(int index, Apply node, Object[] values) {
        inputs.set(checked(node) ? copies(values) : null);
    }

    @Override
    public void afterStep(int index, Apply node, long nanos, Object[] outputs) {
        Object[] in = inputs.get();
        inputs.remove();
        if (in == null) {
            return;
        }
        Object[] expected = node.op().evaluate(copies(in));
        for (int k = 0; k < outputs.length; k++) {
            String diff = ValueDifference.of(expected[k], outputs[k]);
            if (diff != null) {
                throw error("BadThunkOutput", node, k, Arrays.asList(in), expected[k], outputs[k],
                        "output " + k + " of node " + index + " (" + node.op().displayName()
                                + ") differs from its op's reference evaluation on the same inputs: " + diff);
            }
        }
    }

    /**
     * Runs the unoptimized graph on the reference backend with {@code frame}'s arguments and shared
     * values and compares its outputs and update values with those {@code frame} holds.
     */
    public void checkCall(Frame frame) {
        Frame ref = new Frame(reference);
        System.arraycopy(frame.args, 0, ref.args, 0, frame.args.length);
        SharedContainer[] mine = optimized.shared();
        SharedContainer[] theirs = reference.shared();
        Map<SharedContainer, Object> values = new IdentityHashMap<>();
        for (int i = 0; i < mine.length; i++) {
            values.put(mine[i], frame.shared[i]);
        }
        for (int i = 0; i < theirs.length; i++) {
            ref.shared[i] = values.containsKey(theirs[i]) ? values.get(theirs[i]) : theirs[i].currentValue();
        }
        Workspace ws = reference.newWorkspace();
        try {
            reference.execute(ws, ref, null);
        } finally {
            ws.close();
        }
        compare(ref.outputs, frame.outputs, false);
        compare(ref.updates, frame.updates, true);
    }

    private void compare(Object[] expected, Object[] actual, boolean updates) {
        int rootOffset = updates ? unoptimized.outputs().size() : 0;
        for (int i = 0; i < expected.length; i++) {
            String diff = ValueDifference.of(expected[i], actual[i]);
            if (diff != null) {
                Variable root = optimizedRoots.get(rootOffset + i);
                String label = updates ? "the update of " + unoptimized.updated().get(i).variable() : "output " + i;
                throw error("BadOptimization", root.owner(), root.owner() != null ? root.index() : i, List.of(), expected[i], actual[i],
                        label + " of the optimized graph differs from the reference evaluation of the graph as written: " + diff);
            }
        }
    }

    private static boolean checked(Apply node) {
        return !(node.op() instanceof IfElse) && !(node.op() instanceof InnerGraphOp);
    }

    private static Object[] copies(Object[] values) {
        Object[] c = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i] instanceof NDArray a ? a.copy() : values[i];
        }
        return c;
    }

    private static DebugModeError error(String kind, Apply node, int output, List<Object> in, Object expected, Object actual, String what) {
        StringBuilder sb = new StringBuilder("DebugMode: ").append(kind).append(": ").append(what);
        if (node != null) {
            sb.append("\nNode:\n").append(Printing.debugprint(List.of(node.output(output)), 2));
        }
        for (int i = 0; i < in.size(); i++) {
            sb.append("Input ").append(i).append(": ").append(describe(in.get(i))).append('\n');
        }
        sb.append("Reference value: ").append(describe(expected)).append("\nChecked value: ").append(describe(actual));
        return new DebugModeError(kind, node, output, in, expected, actual, sb.toString());
    }

    private static String describe(Object v) {
        return v instanceof NDArray a ? a.dtype().numpyName() + Shapes.toString(a.shape()) + " " + a : String.valueOf(v);
    }
}
