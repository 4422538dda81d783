package org.theano4j.graph;

import java.util.List;
import org.theano4j.Variable;

/**
 * An operation of the symbolic graph, defined in one place: type inference, run-time shape
 * inference, the reference evaluation (used for constant folding and as the test oracle) and
 * the gradient (built from other ops). Ops compare by their parameters (most are records),
 * which is what the merge pass relies on.
 */
public interface Op {
    /** Validates the inputs (clear {@link IllegalArgumentException} otherwise) and returns the output types. */
    List<Type> outputTypes(List<Variable> inputs);

    /**
     * Reference evaluation on run-time values (NDArrays for tensors). Must not modify its inputs
     * unless {@link #destroys()} says so. View ops return views of their inputs.
     */
    Object[] evaluate(Object[] inputs);

    /**
     * Output shapes for given input values, so that a plan can preallocate outputs; {@code null}
     * when the op allocates its own outputs (views, ops whose shape depends on data).
     */
    default long[][] outputShapes(Object[] inputs) {
        return null;
    }

    /**
     * The op's shape rule (Theano's {@code infer_shape}): the lengths of each output's axes from the
     * lengths of each input's axes ({@code inputShapes}; null entries for non-tensor inputs), built
     * with {@code dims}, without looking at values. Null when the shape depends on values (or the op
     * has no rule); then the analysis treats the output lengths as unknown.
     */
    default <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return null;
    }

    /**
     * Whether {@link #outputShapes} depends on the shapes of the inputs only, never on their values,
     * so that a plan may memoize it per input shapes. False (asked every call) for ops whose shape
     * comes from an input's value (alloc, arange, a random draw's size) or that allocate their own outputs.
     */
    default boolean shapesFromInputShapesOnly() {
        return false;
    }

    /**
     * Whether the plan may give output 0 the buffer of input {@code input} when that buffer dies at
     * this node and has the output's dtype (the kernel then writes over it as it reads it). The
     * default allows only the input the op {@link #destroys()}; elementwise ops allow any input.
     */
    default boolean mayOverwrite(int input) {
        return input == destroys();
    }

    /**
     * Symbolic gradient: one variable per input (null where disconnected or not differentiable),
     * given the gradients of the cost with respect to each output (null where the cost does not
     * depend on that output).
     */
    default List<Variable> grad(Apply node, List<Variable> outputGrads) {
        throw new IllegalArgumentException("op " + this + " has no gradient");
    }

    /** Whether output 0 is a view of input 0 (no copy). */
    default boolean isView() {
        return false;
    }

    /**
     * Whether {@link #evaluate} reads the elements of input {@code input} when given {@code inputs};
     * false where it reads only the input's shape, strides and offset (a view op making a view of
     * it, an op reading its shape). The runtime copies a device-resident value back to the host
     * before a host evaluation only for the inputs whose elements it reads; whoever later reads the
     * elements of a view made from stale host memory refreshes the view's base first
     * ({@code backend.HostSync}). The default is true.
     *
     * @param input the input's index
     * @param inputs the run-time input values
     * @return whether the evaluation reads that input's elements
     */
    default boolean readsElements(int input, Object[] inputs) {
        return true;
    }

    /** Index of the input whose buffer output 0 overwrites, or -1 (in-place ops). */
    default int destroys() {
        return -1;
    }

    /** Whether two applications with equal inputs are interchangeable (false for random draws). */
    default boolean isDeterministic() {
        return true;
    }

    /**
     * Creates output {@code index} of {@code owner} (called by {@link Apply} while it builds its
     * outputs; {@code owner}'s inputs are set). The default is a plain {@link Variable}; ops whose
     * outputs are a subclass (a random draw's {@code RandomVariable}) override it.
     */
    default Variable makeOutput(Type type, Apply owner, int index, String name) {
        return new Variable(type, owner, index, name);
    }

    /** Short name for printing graphs, e.g. {@code Elemwise{add}}. */
    default String displayName() {
        return toString();
    }

    /**
     * Formats an application for {@code T.pp}, given the already formatted inputs.
     * The default is {@code name(a, b)}.
     */
    default String format(List<String> inputs) {
        return displayName() + "(" + String.join(", ", inputs) + ")";
    }
}
