package org.theano4j;

import java.util.List;
import org.theano4j.graph.Apply;

/**
 * The first difference a function compiled in {@code mode("DebugMode")} found (Theano's
 * {@code DebugModeError}s). {@link #kind()} says which check failed:
 * <ul>
 *   <li>{@code BadThunkOutput}: a node's output, as the backend computed it, differs from its op's
 *       reference evaluation on the same inputs ({@link #node()} is that node);</li>
 *   <li>{@code BadOptimization}: an output or update value of the optimized graph differs from the
 *       reference evaluation of the graph as written, before rewrites ({@link #node()} is the node
 *       that computes it in the optimized graph, or null when it is an input or a constant).</li>
 * </ul>
 * The message holds the node's debugprint, its input values and both values. Floats compare
 * with Theano's tolerances ({@code float64}: rtol 1e-5, atol 1e-8; {@code float32}: 1e-5, 1e-5; NaN
 * equals NaN); integers, bools, dtypes and shapes exactly. A failed call changes no shared variable.
 */
public final class DebugModeError extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final transient Apply node;
    private final int output;
    private final transient List<Object> inputs;
    private final transient Object expected;
    private final transient Object actual;

    /**
     * An error of {@code kind} about output {@code output} of {@code node} (null when none): the
     * node's {@code inputs} (copies, or empty), the reference value {@code expected} and the
     * checked one {@code actual}; {@code message} describes it all.
     */
    public DebugModeError(String kind, Apply node, int output, List<Object> inputs, Object expected, Object actual, String message) {
        super(message);
        this.kind = kind;
        this.node = node;
        this.output = output;
        this.inputs = List.copyOf(inputs);
        this.expected = expected;
        this.actual = actual;
    }

    /** {@code "BadThunkOutput"} or {@code "BadOptimization"}. */
    public String kind() {
        return kind;
    }

    /** The node whose output differs, or null. */
    public Apply node() {
        return node;
    }

    /** Which output of the node (or of the function, for BadOptimization without a node). */
    public int output() {
        return output;
    }

    /** The values of the node's inputs when it ran (copies), or empty for BadOptimization. */
    public List<Object> inputs() {
        return inputs;
    }

    /** The reference value. */
    public Object expected() {
        return expected;
    }

    /** The value that was checked (the backend's, or the optimized graph's). */
    public Object actual() {
        return actual;
    }
}
