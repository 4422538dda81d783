package org.theano4j.compile;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.backend.Backend;
import org.theano4j.backend.HostSync;
import org.theano4j.graph.Apply;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;

/**
 * A compiled graph, immutable: ordered steps over numbered slots ({@link SlotLayout}). Slots hold
 * constants (filled once per workspace), shared state (read at the start of a call), explicit
 * inputs, then node outputs. A run takes a {@link Frame} (arguments in, outputs out) and a
 * {@link Workspace} (the intermediate buffers, reused across calls; callers pool them, see
 * {@link Pool}); outputs and update values are fresh arrays handed to the caller or to the
 * shared variables. {@link PlanBuilder} makes plans.
 */
public final class KernelPlan {
    private final Step[] steps;
    private final int totalSteps;
    private final SlotLayout layout;
    private final SharedContainer[] shared;

    KernelPlan(Step[] steps, int totalSteps, SlotLayout layout, SharedContainer[] shared) {
        this.steps = steps;
        this.totalSteps = totalSteps;
        this.layout = layout;
        this.shared = shared;
    }

    /** Builds the plan of {@code graph}, asking {@code backend} for a kernel per node ({@link PlanBuilder}). */
    public static KernelPlan build(GraphSpec graph, Backend backend) {
        return PlanBuilder.build(graph, backend);
    }

    /** Where this plan's values live. */
    SlotLayout layout() {
        return layout;
    }

    /** The shared containers this plan reads. */
    public SharedContainer[] shared() {
        return shared.clone();
    }

    /** Number of steps, those in guarded ifelse segments included (for tests and debugprint). */
    public int stepCount() {
        return totalSteps;
    }

    /** The nodes in execution order; a lazy ifelse's segments come just before it, then-branch first. */
    public List<Apply> nodes() {
        List<Apply> nodes = new ArrayList<>(totalSteps);
        addNodes(steps, nodes);
        return nodes;
    }

    private static void addNodes(Step[] steps, List<Apply> nodes) {
        for (Step s : steps) {
            if (s.guarded() != null) {
                addNodes(s.guarded().then(), nodes);
                addNodes(s.guarded().otherwise(), nodes);
            }
            nodes.add(s.node);
        }
    }

    /**
     * Runs the plan on {@code frame}'s arguments and shared values in workspace {@code ws} (one call
     * at a time per workspace) and fills the frame's outputs, owned by the caller, and update
     * values; {@code listener} (profiling, NaN checks) may be null. Throws without side effects.
     */
    public void execute(Workspace ws, Frame frame, StepListener listener) {
        ws.begin(frame.updateTargets);
        try {
            run(ws, frame, listener);
        } finally {
            ws.end(layout.firstTransient());
        }
    }

    /** A workspace for this plan: its slots, with the constants in place, and room for every step's state. */
    public Workspace newWorkspace() {
        Workspace ws = new Workspace(layout.slots(), totalSteps, layout.groups());
        for (int i = 0; i < layout.constants().length; i++) {
            ws.slots[layout.constants()[i]] = layout.constantValues()[i];
        }
        return ws;
    }

    /** The current values of the shared state this plan reads, in {@link #shared()} order. */
    public Object[] snapshot() {
        Object[] values = new Object[shared.length];
        snapshot(values);
        return values;
    }

    /** Writes the current values of the shared state into {@code values}, in {@link #shared()} order. */
    public void snapshot(Object[] values) {
        for (int i = 0; i < shared.length; i++) {
            values[i] = shared[i].currentValue();
        }
    }

    private void run(Workspace ws, Frame frame, StepListener listener) {
        for (NDArray c : layout.constantValues()) {
            if (c.isClosed()) {
                throw new IllegalStateException("a constant of this function was closed (an NDArray given to T.constant"
                        + " or used as an operand, then closed); compile the function again with a live array");
            }
        }
        int[] sharedSlots = layout.shared();
        int[] inputSlots = layout.inputs();
        for (int i = 0; i < sharedSlots.length; i++) {
            ws.slots[sharedSlots[i]] = frame.shared[i];
            ws.fresh[sharedSlots[i]] = false;
            HostSync.shared(frame.shared[i]);
        }
        for (int i = 0; i < inputSlots.length; i++) {
            ws.slots[inputSlots[i]] = frame.args[i];
            ws.fresh[inputSlots[i]] = false;
        }
        if (listener == null) {
            for (int i = 0; i < steps.length; i++) {
                steps[i].run(ws, i);
            }
        } else {
            runObserved(ws, frame.args, listener);
        }
        int[] outputSlots = layout.outputs();
        int[] updateSlots = layout.updates();
        for (int i = 0; i < outputSlots.length; i++) {
            HostSync.toHost(ws.slots[outputSlots[i]]);
            frame.outputs[i] = frame.borrowOutputs[i] ? borrow(ws, outputSlots[i]) : take(ws, outputSlots[i]);
            HostSync.release(frame.outputs[i]);
        }
        for (int i = 0; i < updateSlots.length; i++) {
            Object v = ws.slots[updateSlots[i]];
            frame.updates[i] = v instanceof NDArray ? take(ws, updateSlots[i]) : v;
        }
    }

    /** The step loop with each step timed and reported to {@code listener}. */
    private void runObserved(Workspace ws, NDArray[] args, StepListener listener) {
        listener.beforeSteps(args);
        for (int i = 0; i < steps.length; i++) {
            Step step = steps[i];
            listener.beforeStep(i, step.node, values(ws, step.in));
            long start = System.nanoTime();
            step.run(ws, i);
            long nanos = System.nanoTime() - start;
            Object[] ins = values(ws, step.in);
            Object[] outs = values(ws, step.out);
            HostSync.toHost(ins);
            HostSync.toHost(outs);
            listener.afterStep(i, step.node, nanos, ins, outs);
        }
        listener.afterSteps();
    }

    private static Object[] values(Workspace ws, int[] slots) {
        Object[] values = new Object[slots.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = ws.slots[slots[k]];
        }
        return values;
    }

    /** The value of a root slot as it is, no copy (a borrowed output: it may alias internal memory). */
    private static NDArray borrow(Workspace ws, int slot) {
        ws.fresh[slot] = false;
        return (NDArray) ws.slots[slot];
    }

    /**
     * The value of a root slot, owned by the caller: the array itself once if fresh, else a copy
     * (of its host memory made current first: a view of, or itself, a value only the device holds).
     */
    private static NDArray take(Workspace ws, int slot) {
        NDArray v = (NDArray) ws.slots[slot];
        if (ws.fresh[slot]) {
            ws.fresh[slot] = false;
            return v;
        }
        HostSync.toHost(v);
        return v.copy();
    }
}
