package org.theano4j.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;

/**
 * A compiled graph: ordered steps over numbered slots. Slots hold constants (filled once per
 * workspace), shared state (read at the start of a call), explicit inputs, then node outputs.
 * Intermediate buffers belong to the plan's workspaces and are reused across calls; outputs
 * and update values are fresh arrays handed to the caller or to the shared variables.
 */
public final class KernelPlan {
    private final Step[] steps;
    private final int totalSteps;
    private final int nSlots;
    private final int[] constantSlots;
    private final NDArray[] constantValues;
    private final SharedContainer[] shared;
    private final int[] sharedSlots;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final int[] updateSlots;
    private final int firstTransient;
    private final int nGroups;
    /**
     * Idle workspaces kept beyond {@link #spare}: as many as can run at once besides it. A burst of
     * concurrent calls leaves no more than that behind (each holds every intermediate buffer).
     */
    private static final int MAX_POOLED = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private final ConcurrentLinkedDeque<Workspace> pool = new ConcurrentLinkedDeque<>();
    private final AtomicInteger pooled = new AtomicInteger();
    /** The last released workspace: the common single-threaded case takes and returns it without allocating. */
    private final AtomicReference<Workspace> spare = new AtomicReference<>();
    private volatile boolean closed;

    private KernelPlan(Step[] steps, int totalSteps, int nSlots, int[] constantSlots, NDArray[] constantValues, SharedContainer[] shared,
            int[] sharedSlots, int[] inputSlots, int[] outputSlots, int[] updateSlots, int firstTransient, int nGroups) {
        this.nGroups = nGroups;
        this.steps = steps;
        this.totalSteps = totalSteps;
        this.nSlots = nSlots;
        this.constantSlots = constantSlots;
        this.constantValues = constantValues;
        this.shared = shared;
        this.sharedSlots = sharedSlots;
        this.inputSlots = inputSlots;
        this.outputSlots = outputSlots;
        this.updateSlots = updateSlots;
        this.firstTransient = firstTransient;
    }

    /** Builds the plan of {@code graph}, asking {@code backend} for a kernel per node. */
    public static KernelPlan build(GraphSpec graph, Backend backend) {
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
        return new KernelPlan(steps, next[0], slot.size(), ints(constSlots), constValues.toArray(NDArray[]::new),
                sharedList.toArray(SharedContainer[]::new), ints(sharedSlotList), inputSlots,
                outputSlots, updateSlots, firstTransient, nGroups);
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
     * Runs the plan on converted arguments. Fills {@code outputs} with arrays owned by the caller
     * and {@code updateValues} with the new values of the updated containers, given the
     * {@link #snapshot()} of the shared state. Throws without side effects on failure.
     */
    public void execute(NDArray[] args, Object[] sharedValues, NDArray[] outputs, Object[] updateValues) {
        execute(args, sharedValues, outputs, updateValues, null);
    }

    /**
     * Like {@link #execute(NDArray[], Object[], NDArray[], Object[])}, with {@code listener}
     * (profiling, NaN checks) told about each step; null runs the plain loop at no extra cost.
     */
    public void execute(NDArray[] args, Object[] sharedValues, NDArray[] outputs, Object[] updateValues, StepListener listener) {
        Workspace ws = acquire();
        try {
            System.arraycopy(args, 0, ws.args(), 0, inputSlots.length);
            System.arraycopy(sharedValues, 0, ws.sharedValues(), 0, sharedSlots.length);
            execute(ws, listener);
            System.arraycopy(ws.outputs(), 0, outputs, 0, outputSlots.length);
            System.arraycopy(ws.updates(), 0, updateValues, 0, updateSlots.length);
        } finally {
            release(ws);
        }
    }

    /** A workspace for one call from the pool (or a new one); give it back with {@link #release}. */
    public Workspace acquire() {
        if (closed) {
            throw new IllegalStateException("this function was closed (Function.close()); compile it again to call it");
        }
        Workspace ws = spare.getAndSet(null);
        if (ws == null) {
            ws = pool.poll();
            if (ws != null) {
                pooled.decrementAndGet();
            }
        }
        return ws != null ? ws : newWorkspace();
    }

    /**
     * Returns a workspace to the pool, dropping its references to the call's values; when the pool
     * is full the workspace is dropped and its buffers go with it.
     */
    public void release(Workspace ws) {
        ws.clear(firstTransient);
        if (closed) {
            ws.close();
            return;
        }
        if (spare.compareAndSet(null, ws)) {
            return;
        }
        if (pooled.incrementAndGet() <= MAX_POOLED) {
            pool.push(ws);
        } else {
            pooled.decrementAndGet();
        }
    }

    /**
     * Releases the buffers of every idle workspace now and makes later {@link #acquire()}s fail;
     * a workspace still in a call is released when that call gives it back. Idempotent.
     */
    public void close() {
        closed = true;
        for (Workspace ws = spare.getAndSet(null); ws != null; ws = pool.poll()) {
            ws.close();
        }
    }

    /** Idle workspaces this plan keeps (for tests). */
    int idleWorkspaces() {
        return (spare.get() != null ? 1 : 0) + pooled.get();
    }

    /**
     * Runs the plan on {@code ws}'s arguments and shared values and fills its outputs and
     * updates (see {@link Workspace}); {@code listener} may be null. Throws without side effects.
     */
    public void execute(Workspace ws, StepListener listener) {
        run(ws, listener);
    }

    private Workspace newWorkspace() {
        Workspace ws = new Workspace(nSlots, totalSteps, inputSlots.length, sharedSlots.length, outputSlots.length,
                updateSlots.length, nGroups);
        for (int i = 0; i < constantSlots.length; i++) {
            ws.slots[constantSlots[i]] = constantValues[i];
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

    private void run(Workspace ws, StepListener listener) {
        for (NDArray c : constantValues) {
            if (c.isClosed()) {
                throw new IllegalStateException("a constant of this function was closed (an NDArray given to T.constant"
                        + " or used as an operand, then closed); compile the function again with a live array");
            }
        }
        Object[] sharedValues = ws.sharedValues();
        NDArray[] args = ws.args();
        for (int i = 0; i < sharedSlots.length; i++) {
            ws.slots[sharedSlots[i]] = sharedValues[i];
            ws.fresh[sharedSlots[i]] = false;
        }
        for (int i = 0; i < inputSlots.length; i++) {
            ws.slots[inputSlots[i]] = args[i];
            ws.fresh[inputSlots[i]] = false;
        }
        if (listener == null) {
            for (int i = 0; i < steps.length; i++) {
                steps[i].run(ws, i);
            }
        } else {
            runObserved(ws, args, listener);
        }
        NDArray[] outputs = ws.outputs();
        for (int i = 0; i < outputSlots.length; i++) {
            outputs[i] = take(ws, outputSlots[i]);
        }
        Object[] updateValues = ws.updates();
        for (int i = 0; i < updateSlots.length; i++) {
            Object v = ws.slots[updateSlots[i]];
            updateValues[i] = v instanceof NDArray ? take(ws, updateSlots[i]) : v;
        }
    }

    /** The step loop with each step timed and reported to {@code listener}. */
    private void runObserved(Workspace ws, NDArray[] args, StepListener listener) {
        listener.beforeSteps(args);
        for (int i = 0; i < steps.length; i++) {
            Step step = steps[i];
            long start = System.nanoTime();
            step.run(ws, i);
            long nanos = System.nanoTime() - start;
            Object[] values = new Object[step.out.length];
            for (int k = 0; k < values.length; k++) {
                values[k] = ws.slots[step.out[k]];
            }
            listener.afterStep(i, step.node, nanos, values);
        }
        listener.afterSteps();
    }

    /** The value of a root slot, owned by the caller: the array itself once if fresh, else a copy. */
    private static NDArray take(Workspace ws, int slot) {
        NDArray v = (NDArray) ws.slots[slot];
        if (ws.fresh[slot]) {
            ws.fresh[slot] = false;
            return v;
        }
        return v.copy();
    }
}
