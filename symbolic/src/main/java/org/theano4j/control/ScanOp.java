package org.theano4j.control;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Config;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Backends;
import org.theano4j.compile.GraphSpec;
import org.theano4j.compile.InnerGraphOp;
import org.theano4j.compile.InputSpec;
import org.theano4j.compile.KernelPlan;
import org.theano4j.compile.PlanRunner;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.persist.Persistable;
import org.theano4j.persist.PersistentForm;
import org.theano4j.rewrite.Pipeline;

/**
 * The loop node built by {@link Scan} (inputs and outputs as {@link ScanLayout} describes). The
 * step graph maps inner inputs (sequence slices, tap values, parameters) to the step outputs,
 * the carried states' new values and the stopping condition; it is rewritten and planned once,
 * on first use, and executed per step ({@link ScanLoop}). A compiled function gives the node its
 * own backend and mode ({@link #compiledFor}); a node evaluated outside a function (constant
 * folding) plans its step on the CPU in the configured mode. Ops compare by identity. Saved
 * functions hold it as {@link Saved}: its constructor's arguments, the step graph among them.
 */
public final class ScanOp implements InnerGraphOp, Persistable {
    private final List<Variable> innerInputs;
    private final List<Variable> innerOutputs;
    private final ScanLayout layout;
    private final List<SharedContainer> carried;
    private final int truncateGradient;
    private final String name;
    private final String ownMode;
    private final Binding binding;
    private volatile PlanRunner plan;

    /** Where and how a compiled function runs the step: its backend, and the mode to rewrite in. */
    private record Binding(Backend backend, String mode) {
    }

    ScanOp(List<Variable> innerInputs, List<Variable> innerOutputs, ScanLayout layout, List<SharedContainer> carried,
            int truncateGradient, String name, String ownMode) {
        this(innerInputs, innerOutputs, layout, carried, truncateGradient, name, ownMode, null);
    }

    private ScanOp(List<Variable> innerInputs, List<Variable> innerOutputs, ScanLayout layout, List<SharedContainer> carried,
            int truncateGradient, String name, String ownMode, Binding binding) {
        this.innerInputs = List.copyOf(innerInputs);
        this.innerOutputs = List.copyOf(innerOutputs);
        this.layout = layout;
        this.carried = List.copyOf(carried);
        this.truncateGradient = truncateGradient;
        this.name = name;
        this.ownMode = ownMode;
        this.binding = binding;
    }

    /** The step graph's inputs: sequence slices, tap values of the recurrent outputs, parameters. */
    public List<Variable> innerInputs() {
        return innerInputs;
    }

    /** The step graph's outputs: loop outputs, carried states' new values, then the condition of an until loop. */
    public List<Variable> innerOutputs() {
        return innerOutputs;
    }

    ScanLayout layout() {
        return layout;
    }

    /** The carried states as the step graph names them (in layout order). */
    List<SharedContainer> carried() {
        return carried;
    }

    /** The loop's name (null when unnamed). */
    public String name() {
        return name;
    }

    /** The mode the loop itself asks for (null: the function's). */
    String ownMode() {
        return ownMode;
    }

    /** The number of steps the gradient goes back, or -1 for all. */
    public int truncateGradient() {
        return truncateGradient;
    }

    /** The name of the backend the step graph is planned on. */
    public String stepBackendName() {
        return stepBackend().name();
    }

    /** The mode the step graph is rewritten in. */
    public String stepMode() {
        return binding != null ? binding.mode() : ownMode != null ? ownMode : Config.mode();
    }

    private Backend stepBackend() {
        return binding != null ? binding.backend() : Backends.forDevice("cpu");
    }

    /** This loop with its step planned on {@code functionBackend}, in its own mode if it has one, else {@code functionMode}. */
    @Override
    public Op compiledFor(Backend functionBackend, String functionMode) {
        return new ScanOp(innerInputs, innerOutputs, layout, carried, truncateGradient, name, ownMode,
                new Binding(functionBackend, ownMode != null ? ownMode : functionMode));
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != layout.nOuterInputs()) {
            throw new IllegalArgumentException("scan takes " + layout.nOuterInputs() + " inputs, got " + inputs.size());
        }
        List<Type> types = new ArrayList<>();
        for (int j = 0; j < layout.nLoop(); j++) {
            TensorType t = innerOutputs.get(j).tensorType();
            boolean[] bc = new boolean[t.ndim() + 1];
            System.arraycopy(t.broadcastable(), 0, bc, 1, t.ndim());
            types.add(new TensorType(t.dtype(), bc));
        }
        for (int c = 0; c < layout.nCarried(); c++) {
            types.add(innerOutputs.get(layout.nLoop() + c).type());
        }
        return types;
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        return new ScanLoop(this, plan(), inputs).run();
    }

    /** The step graph, rewritten and planned on first use. */
    private PlanRunner plan() {
        PlanRunner p = plan;
        if (p == null) {
            synchronized (this) {
                p = plan;
                if (p == null) {
                    p = new PlanRunner(compile());
                    plan = p;
                }
            }
        }
        return p;
    }

    /**
     * The step as a plan whose inputs are the inner inputs, whose outputs are the loop outputs and
     * the condition, and whose updates are the carried states' new values.
     */
    private KernelPlan compile() {
        List<InputSpec> specs = new ArrayList<>();
        for (int i = 0; i < innerInputs.size(); i++) {
            specs.add(new InputSpec(innerInputs.get(i), null, null, "scan step input " + i));
        }
        Backend b = stepBackend();
        String m = stepMode();
        List<Variable> optimized = InnerGraphOp.bindAll(Pipeline.forMode(m).apply(innerOutputs), b, m);
        int nLoop = layout.nLoop();
        List<Variable> outs = new ArrayList<>(optimized.subList(0, nLoop));
        outs.addAll(optimized.subList(nLoop + layout.nCarried(), optimized.size()));
        GraphSpec graph = new GraphSpec(specs, outs, carried, optimized.subList(nLoop, nLoop + layout.nCarried()));
        return KernelPlan.build(graph, b);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return ScanGrad.grad(this, node, outputGrads);
    }

    @Override
    public String displayName() {
        return (layout.until() ? "while{" : "for{") + stepBackend().device() + "," + (name != null ? name : "scan_fn") + "}";
    }

    /**
     * The saved form of a scan: the step graph, its layout (sequence count, taps per loop output,
     * carried states, parameters, whether it has a stopping condition), the carried containers,
     * truncation, name and mode. The binding to a function's backend is made again on compile.
     *
     * @param innerInputs the step graph's inputs
     * @param innerOutputs the step graph's outputs
     * @param sequenceCount how many sequences the loop walks
     * @param taps the taps of each loop output (empty: not recurrent)
     * @param carriedCount how many non-tensor states are carried
     * @param parameterCount how many parameters the step reads
     * @param until whether the step returns a stopping condition
     * @param carried the carried shared containers (as variables of the outer graph)
     * @param truncateGradient Theano's {@code truncate_gradient} (-1: none)
     * @param name the scan's name, or null
     * @param mode the scan's own mode, or null for the function's
     */
    public record Saved(List<Variable> innerInputs, List<Variable> innerOutputs, int sequenceCount, List<List<Integer>> taps,
            int carriedCount, int parameterCount, boolean until, List<Variable> carried, int truncateGradient, String name,
            String mode) implements PersistentForm {
        /** Checks that the carried containers are containers and their count fits. */
        public Saved {
            if (carried.size() != carriedCount || !carried.stream().allMatch(v -> v instanceof SharedContainer)) {
                throw new IllegalArgumentException("scan: " + carried.size() + " carried states where " + carriedCount
                        + " shared containers are declared");
            }
        }

        @Override
        public ScanOp restore() {
            ScanLayout layout = new ScanLayout(sequenceCount, taps, carriedCount, parameterCount, until);
            return new ScanOp(innerInputs, innerOutputs, layout,
                    carried.stream().map(v -> (SharedContainer) v).toList(), truncateGradient, name, mode);
        }
    }

    @Override
    public Saved persistentForm() {
        return new Saved(innerInputs, innerOutputs, layout.nSeqs(), layout.taps(), layout.nCarried(), layout.nParams(),
                layout.until(), carried.stream().map(SharedContainer::variable).toList(), truncateGradient, name, ownMode);
    }
}
