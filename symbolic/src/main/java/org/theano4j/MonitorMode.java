package org.theano4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.theano4j.compile.StepListener;
import org.theano4j.graph.Apply;

/**
 * Theano's {@code MonitorMode(pre_func, post_func)}: functions called around every node a compiled
 * function runs, with the node's position in the plan, the node ({@link Apply}: its op, inputs and
 * outputs as variables) and the run-time values. Give it with {@link FunctionOptions#mode(MonitorMode)};
 * the graph is rewritten as in the configured mode (FAST_RUN by default), so the hooks see the nodes
 * of {@link Function#debugprint()}, fused elementwise chains as one {@code Composite}.
 *
 * <pre>{@code
 * MonitorMode nan = MonitorMode.of(null, (i, node, ins, outs) -> {
 *     for (Object o : outs) {
 *         if (o instanceof NDArray a && a.dtype().isFloat() && Arrays.stream(a.toDoubleArray()).anyMatch(Double::isNaN)) {
 *             System.out.println("*** NaN detected *** " + node.op().displayName() + " inputs " + ins + " outputs " + outs);
 *         }
 *     }
 * });
 * Function f = Theano.function(List.of(x), y, Theano.options().mode(nan));
 * }</pre>
 *
 * <p>The values are the function's own arrays, valid during the hook only (copy what you keep);
 * a hook must not modify them. A hook that throws aborts the call (no shared variable changes).
 * Nodes of a lazy {@code ifelse}'s branches run inside the ifelse node and are not reported one by
 * one; the ifelse node is, and the pre hook sees its branch values as not yet computed (null).
 */
public final class MonitorMode {
    /** A hook called for one node: its index in the plan, the node and the values of its inputs and outputs. */
    @FunctionalInterface
    public interface NodeHook {
        /**
         * Called for node {@code index}. Before the node runs, {@code outputs} holds nulls; after
         * it, the computed values (an in-place node has overwritten one of its {@code inputs}).
         */
        void call(int index, Apply node, List<Object> inputs, List<Object> outputs);
    }

    private final NodeHook pre;
    private final NodeHook post;

    private MonitorMode(NodeHook pre, NodeHook post) {
        this.pre = pre;
        this.post = post;
    }

    /** A monitor calling {@code pre} before and {@code post} after every node; either may be null. */
    public static MonitorMode of(NodeHook pre, NodeHook post) {
        return new MonitorMode(pre, post);
    }

    /** The hook called before each node, or null. */
    public NodeHook pre() {
        return pre;
    }

    /** The hook called after each node, or null. */
    public NodeHook post() {
        return post;
    }

    /** The hooks as a plan listener. */
    StepListener listener() {
        return new StepListener() {
            @Override
            public void beforeStep(int index, Apply node, Object[] inputs) {
                if (pre != null) {
                    pre.call(index, node, view(inputs), Collections.nCopies(node.outputs().size(), null));
                }
            }

            @Override
            public void afterStep(int index, Apply node, long nanos, Object[] outputs) {
            }

            @Override
            public void afterStep(int index, Apply node, long nanos, Object[] inputs, Object[] outputs) {
                if (post != null) {
                    post.call(index, node, view(inputs), view(outputs));
                }
            }
        };
    }

    private static List<Object> view(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }
}
