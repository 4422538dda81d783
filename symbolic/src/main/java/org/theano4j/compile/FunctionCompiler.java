package org.theano4j.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.In;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Backends;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.TestValues;
import org.theano4j.rewrite.Pipeline;

/**
 * {@code Theano.function}: inputs and options in, a {@link Function} out. Applies givens,
 * gathers explicit and default updates, checks that every needed input is given, runs the
 * rewrite pipeline and builds the kernel plan.
 */
public final class FunctionCompiler {
    private FunctionCompiler() {
    }

    /** Compiles; {@code single} marks a function declared with one output (not a list). */
    public static Function compile(List<?> inputs, List<Variable> outputs, boolean single, FunctionOptions options) {
        // the rewrites build nodes from variables without test values: Theano's compute_test_value_opt = 'off'
        return TestValues.suspended(() -> compileGraph(inputs, outputs, single, options));
    }

    private static Function compileGraph(List<?> inputs, List<Variable> outputs, boolean single, FunctionOptions options) {
        Backend backend = Backends.forDevice(options.deviceOrDefault());
        List<InputSpec> specs = inputSpecs(inputs);
        Map<SharedContainer, Variable> updates = allUpdates(outputs, options);
        List<Variable> roots = new ArrayList<>(outputs);
        roots.addAll(updates.values());
        List<Variable> cloned = Graphs.clone(roots, givens(options));
        checkInputs(cloned, specs);
        List<SharedContainer> updated = new ArrayList<>(updates.keySet());
        List<Variable> newValues = cloned.subList(outputs.size(), cloned.size());
        checkUpdateTypes(updated, newValues);
        String mode = options.rewriteMode();
        List<Variable> optimized = InnerGraphOp.bindAll(Pipeline.forMode(mode).apply(cloned), backend, mode);
        GraphSpec graph = new GraphSpec(specs, List.copyOf(optimized.subList(0, outputs.size())), updated,
                List.copyOf(optimized.subList(outputs.size(), optimized.size())));
        KernelPlan plan = KernelPlan.build(graph, backend);
        DebugModeCheck debug = options.isDebugMode() ? new DebugModeCheck(new GraphSpec(specs,
                List.copyOf(cloned.subList(0, outputs.size())), updated, List.copyOf(newValues)), graph, plan) : null;
        return new Function(graph, plan, backend, single, options, debug);
    }

    /**
     * A function of an already optimized graph (a loaded function file): checks that the graph
     * needs no input it does not list and that each update fits its container, then plans it on
     * the backend of {@code options}' device without rewriting it again.
     */
    public static Function fromGraph(GraphSpec graph, boolean single, FunctionOptions options) {
        checkInputs(graph.roots(), graph.inputs());
        checkUpdateTypes(graph.updated(), graph.updates());
        Backend backend = Backends.forDevice(options.deviceOrDefault());
        return new Function(graph, KernelPlan.build(graph, backend), backend, single, options);
    }

    private static List<InputSpec> inputSpecs(List<?> inputs) {
        List<InputSpec> specs = new ArrayList<>();
        Set<Variable> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            Object o = inputs.get(i);
            In in = o instanceof In x ? x : o instanceof Variable v ? In.of(v) : null;
            if (in == null) {
                throw new IllegalArgumentException("function input " + i + " must be a Variable or an In, got " + o);
            }
            Variable v = in.variable();
            String label = "input " + i + (in.keywordName() != null ? " ('" + in.keywordName() + "')" : "");
            if (v instanceof Constant || v instanceof SharedContainer || v.owner() != null) {
                throw new IllegalArgumentException(label + ": a function input must be a free symbolic variable, not "
                        + (v instanceof Constant ? "a constant" : v instanceof SharedContainer ? "a shared variable" : "the result of " + v.owner().op()));
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException(label + ": variable " + v + " is given twice as an input");
            }
            Object def = in.hasDefault() ? ArgConverter.convert(in.defaultValue(), v.tensorType(), label + " default") : null;
            specs.add(new InputSpec(v, in.keywordName(), (org.theano4j.tensor.NDArray) def, label));
        }
        return specs;
    }

    private static Map<Variable, Variable> givens(FunctionOptions options) {
        Map<Variable, Variable> map = new IdentityHashMap<>();
        for (Variable[] pair : options.givensList()) {
            Variable from = pair[0];
            Variable to = pair[1];
            if (!from.type().equals(to.type()) && !sameTensorKind(from, to)) {
                throw new IllegalArgumentException("givens: " + from + " is " + from.type().describe()
                        + " but its replacement " + to + " is " + to.type().describe());
            }
            map.put(from, to);
        }
        return map;
    }

    private static boolean sameTensorKind(Variable a, Variable b) {
        return a.type() instanceof TensorType ta && b.type() instanceof TensorType tb
                && ta.dtype() == tb.dtype() && ta.ndim() == tb.ndim();
    }

    private static Map<SharedContainer, Variable> allUpdates(List<Variable> outputs, FunctionOptions options) {
        if (options.isNoDefaultUpdates()) {
            return new LinkedHashMap<>(options.updatesMap());
        }
        return SharedContainer.withDefaultUpdates(outputs, options.updatesMap());
    }

    private static void checkInputs(List<Variable> roots, List<InputSpec> specs) {
        Set<Variable> given = new HashSet<>();
        for (InputSpec s : specs) {
            given.add(s.variable());
        }
        for (Variable leaf : Graphs.leaves(roots)) {
            if (!(leaf instanceof Constant) && !(leaf instanceof SharedContainer) && !given.contains(leaf)) {
                throw new IllegalArgumentException("the outputs need input " + (leaf.name() != null ? "'" + leaf.name() + "'" : leaf.toString())
                        + " (" + leaf.type().describe() + "), which is not among the function's inputs");
            }
        }
    }

    private static void checkUpdateTypes(List<SharedContainer> updated, List<Variable> values) {
        for (int i = 0; i < updated.size(); i++) {
            Variable target = updated.get(i).variable();
            Variable value = values.get(i);
            if (!target.type().equals(value.type()) && !sameTensorKind(target, value)) {
                throw new IllegalArgumentException("update of shared variable " + target + ": it is "
                        + target.type().describe() + " but the new value is " + value.type().describe());
            }
        }
    }
}
