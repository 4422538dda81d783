package org.theano4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.backend.Backend;
import org.theano4j.backend.Backends;
import org.theano4j.backend.Confinement;
import org.theano4j.compile.DebugModeCheck;
import org.theano4j.compile.GraphSpec;
import org.theano4j.compile.InputSpec;
import org.theano4j.compile.KernelPlan;
import org.theano4j.compile.NanGuard;
import org.theano4j.compile.Pool;
import org.theano4j.compile.StepListener;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.TensorType;
import org.theano4j.persist.FunctionFile;
import org.theano4j.tensor.MemoryScope;
import org.theano4j.tensor.NDArray;

/**
 * A compiled function (Theano's {@code theano.function} result). Call it with positional and
 * keyword arguments; it returns fresh NDArrays and commits its updates of shared state
 * atomically after a successful call. Safe to call from many threads at once: calls that
 * update shared state serialize on that state; a failed call changes nothing.
 *
 * <p>Re-entrant calls: a call made on the thread of a running call (from a {@code Print} sink or
 * a step listener) is allowed unless the running call holds shared state it updates and the new
 * call uses shared state; that one fails with an {@link IllegalStateException} (it could
 * deadlock against other threads or recycle a value the running call still reads).
 *
 * <p>Outputs are fresh arrays owned by the caller; they join the {@link MemoryScope} open on the
 * calling thread, if any. {@link #close()} releases the function's own buffers at once.
 *
 * <p>Arguments over memory confined to the calling thread (a confined {@code Arena}) are run on
 * the calling thread alone, since backend worker threads cannot read them.
 */
public final class Function implements AutoCloseable {
    private final GraphSpec graph;
    private final KernelPlan plan;
    private final Backend backend;
    private final boolean single;
    private final FunctionOptions options;
    private final ArgumentBinder binder;
    private final SharedContainer[] lockOrder;
    private final boolean[] readOnly;
    private final ProfileStats profile;
    private final StepListener listener;
    private final Pool<CallFrame> frames;
    /** Per output, whether it is borrowed ({@link Out}): handed out without a copy. */
    private final boolean[] borrowOutputs;
    /** DebugMode's checks, or null. */
    private final DebugModeCheck debug;
    /** Whether a call holds locks while it runs (it updates shared state). */
    private final boolean holdsWhileRunning;
    /** The call on this thread that holds shared-state locks while it runs, if any. */
    private static final ThreadLocal<Function> RUNNING_WITH_LOCKS = new ThreadLocal<>();

    /** Created by {@link Theano#function}. */
    public Function(GraphSpec graph, KernelPlan plan, Backend backend, boolean single, FunctionOptions options) {
        this(graph, plan, backend, single, options, null);
    }

    /** Created by {@link Theano#function} in DebugMode: {@code debug} checks every call ({@code null}: none). */
    public Function(GraphSpec graph, KernelPlan plan, Backend backend, boolean single, FunctionOptions options, DebugModeCheck debug) {
        this(graph, plan, backend, single, options, new boolean[graph.outputs().size()], debug);
    }

    private Function(GraphSpec graph, KernelPlan plan, Backend backend, boolean single, FunctionOptions options,
            boolean[] borrowOutputs, DebugModeCheck debug) {
        this.graph = graph;
        this.plan = plan;
        this.backend = backend;
        this.single = single;
        this.options = options;
        List<InputSpec> ins = graph.inputs();
        this.binder = new ArgumentBinder(ins, describe());
        this.lockOrder = Arrays.stream(plan.shared()).sorted(Comparator.comparingLong(SharedContainer::order))
                .toArray(SharedContainer[]::new);
        this.readOnly = new boolean[lockOrder.length];
        boolean updates = false;
        for (int i = 0; i < lockOrder.length; i++) {
            readOnly[i] = !graph.updated().contains(lockOrder[i]);
            updates |= !readOnly[i];
        }
        this.holdsWhileRunning = updates;
        this.profile = options.isProfile() ? new ProfileStats(options.functionName(), plan.nodes()) : null;
        NanGuard guard = options.nanGuardChecks() == null ? null
                : new NanGuard(options.nanGuardChecks(), ins.stream().map(s -> describe() + " " + s.label()).toList());
        this.debug = debug;
        StepListener monitor = options.monitorMode() != null ? options.monitorMode().listener() : null;
        this.listener = StepListener.both(StepListener.both(guard, profile != null ? profile.listener() : null),
                StepListener.both(monitor, debug));
        this.borrowOutputs = borrowOutputs.clone();
        this.frames = new Pool<>(() -> new CallFrame(plan, this.borrowOutputs), CallFrame::close);
    }

    /** This function with outputs borrowed per {@code borrow} ({@link Out}): same graph and plan, own buffers. */
    Function borrowing(boolean[] borrow) {
        if (borrow.length != borrowOutputs.length) {
            throw new IllegalStateException("borrow flags for " + borrow.length + " outputs, the function has " + borrowOutputs.length);
        }
        return new Function(graph, plan, backend, single, options, borrow, debug);
    }

    /** Calls a function that has exactly one output. A lone Java array is one argument. */
    public NDArray call(Object... args) {
        return callKw(Map.of(), spread(args));
    }

    /** Calls and returns every output in order. A lone Java array is one argument. */
    public List<NDArray> callAll(Object... args) {
        return callAllKw(Map.of(), spread(args));
    }

    /** Calls a one-output function with keyword arguments (by input name or {@code In.name}). */
    public NDArray callKw(Map<String, ?> keywordArgs, Object... positional) {
        int n = graph.outputs().size();
        if (n != 1) {
            throw new IllegalArgumentException("call(): this function has " + n + " outputs; use callAll()");
        }
        CallFrame cf = frames.acquire();
        try {
            invoke(cf, keywordArgs, spread(positional));
            return MemoryScope.adopt(cf.frame.outputs[0]);
        } finally {
            cf.clear();
            frames.release(cf);
        }
    }

    /** Calls with keyword and positional arguments and returns every output. */
    public List<NDArray> callAllKw(Map<String, ?> keywordArgs, Object... positional) {
        CallFrame cf = frames.acquire();
        try {
            invoke(cf, keywordArgs, spread(positional));
            NDArray[] outs = cf.frame.outputs.clone();
            for (NDArray o : outs) {
                MemoryScope.adopt(o);
            }
            return Arrays.asList(outs);
        } finally {
            cf.clear();
            frames.release(cf);
        }
    }

    private void invoke(CallFrame ws, Map<String, ?> keywordArgs, Object[] positional) {
        long start = profile != null ? System.nanoTime() : 0;
        binder.bind(ws, keywordArgs, positional);
        runLocked(ws);
        if (profile != null) {
            profile.recordCall(System.nanoTime() - start);
        }
    }

    /**
     * Takes the locks of all shared state in one global order, reads it, releases what is only
     * read, runs, commits the updates and releases the rest: readers never see half an update.
     * Read-only containers count this call as a reader until it ends, so that no updater
     * recycles a value it is still reading.
     */
    private void runLocked(CallFrame ws) {
        if (lockOrder.length > 0) {
            refuseNestedInLockingCall();
        }
        boolean[] held = ws.held;
        Object[] state = ws.frame.shared;
        boolean reading = false;
        boolean committed = false;
        try {
            for (int i = 0; i < lockOrder.length; i++) {
                lockOrder[i].lock().lock();
                held[i] = true;
            }
            readState(state);
            reading = true;
            for (int i = 0; i < lockOrder.length; i++) {
                if (readOnly[i]) {
                    lockOrder[i].lock().unlock();
                    held[i] = false;
                }
            }
            offerUpdateTargets(ws.frame.updateTargets);
            execute(ws, state);
            if (debug != null) {
                debug.checkCall(ws.frame);
            }
            commit(ws.frame.updates);
            committed = true;
        } finally {
            if (reading) {
                endReads();
            }
            if (reading && !committed) {
                abandonUpdates();
            }
            for (int i = lockOrder.length - 1; i >= 0; i--) {
                if (held[i]) {
                    lockOrder[i].lock().unlock();
                    held[i] = false;
                }
            }
        }
    }

    /** Runs the plan, marked as holding locks on this thread when it does, on this thread alone over confined memory. */
    private void execute(CallFrame ws, Object[] state) {
        if (holdsWhileRunning) {
            RUNNING_WITH_LOCKS.set(this);
        }
        try {
            if (Confinement.anyConfined(ws.frame.args) || Confinement.anyConfined(state)) {
                Confinement.runOnCallerThread(() -> plan.execute(ws.ws, ws.frame, listener));
            } else {
                plan.execute(ws.ws, ws.frame, listener);
            }
        } finally {
            if (holdsWhileRunning) {
                RUNNING_WITH_LOCKS.remove();
            }
        }
    }

    /** Refuses a call that uses shared state from inside a call on this thread that holds shared-state locks. */
    private void refuseNestedInLockingCall() {
        Function outer = RUNNING_WITH_LOCKS.get();
        if (outer != null) {
            throw new IllegalStateException(describe() + " uses shared state and was called from inside a running call of "
                    + outer.describe() + " (a Print sink or step listener), which holds the shared state it updates;"
                    + " a nested call could deadlock or see a value being replaced. Call it after the outer call returns.");
        }
    }

    /** After a failed call: the spare buffers offered to its updates go back to their variables (locks held). */
    private void abandonUpdates() {
        List<SharedContainer> updated = graph.updated();
        for (SharedContainer c : updated) {
            if (c instanceof SharedVariable sv && c.lock().isHeldByCurrentThread()) {
                sv.abandonUpdate();
            }
        }
    }

    /** Reads the shared state (locks held) and counts this call as a reader of what it only reads. */
    private void readState(Object[] state) {
        plan.snapshot(state);
        for (int i = 0; i < state.length; i++) {
            if (state[i] instanceof NDArray a && a.isClosed()) {
                throw new IllegalStateException(describe() + ": shared variable " + plan.shared()[i].variable()
                        + " holds a closed array (closed after it was set with borrow); set a new value first");
            }
        }
        for (int i = 0; i < lockOrder.length; i++) {
            if (readOnly[i] && lockOrder[i] instanceof SharedVariable sv) {
                sv.beginRead();
            }
        }
    }

    private void endReads() {
        for (int i = 0; i < lockOrder.length; i++) {
            if (readOnly[i] && lockOrder[i] instanceof SharedVariable sv) {
                sv.endRead();
            }
        }
    }

    /** Offers each updated variable's spare buffer (locks held) as the target of its update. */
    private void offerUpdateTargets(NDArray[] targets) {
        List<SharedContainer> updated = graph.updated();
        for (int i = 0; i < targets.length; i++) {
            if (updated.get(i) instanceof SharedVariable sv) {
                targets[i] = sv.takeSpare();
            }
        }
    }

    /** Installs the new values (locks held); shared variables may keep their old buffer for the next call. */
    private void commit(Object[] updates) {
        List<SharedContainer> updated = graph.updated();
        for (int i = 0; i < updates.length; i++) {
            if (updated.get(i) instanceof SharedVariable sv) {
                sv.commitUpdate((NDArray) updates[i]);
            } else {
                updated.get(i).replaceValue(updates[i]);
            }
        }
    }

    private static Object[] spread(Object[] args) {
        return args != null && args.getClass() != Object[].class ? new Object[] {args} : args == null ? new Object[] {null} : args;
    }

    private String describe() {
        return options.functionName() != null ? "function '" + options.functionName() + "'" : "function";
    }

    /**
     * Releases this function's own memory (intermediate buffers) now; later calls are an
     * {@link IllegalStateException}. Shared variables and the outputs already returned are not
     * touched. A call in progress finishes and then releases its buffers. Idempotent.
     */
    @Override
    public void close() {
        frames.close();
    }

    /** A copy that shares the compiled graph (no recompilation) and the same shared state. */
    public Function copy() {
        return copy(Map.of(), false);
    }

    /**
     * A copy whose shared variables are swapped per {@code swap} (types must match), without its
     * updates when {@code deleteUpdates}. The optimized graph is reused: only the plan is rebuilt.
     */
    public Function copy(Map<? extends SharedVariable, ? extends SharedVariable> swap, boolean deleteUpdates) {
        return org.theano4j.graph.TestValues.suspended(() -> copyGraph(swap, deleteUpdates));
    }

    private Function copyGraph(Map<? extends SharedVariable, ? extends SharedVariable> swap, boolean deleteUpdates) {
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        for (Map.Entry<? extends SharedVariable, ? extends SharedVariable> e : swap.entrySet()) {
            if (!e.getKey().type().equals(e.getValue().type())) {
                throw new IllegalArgumentException("copy: cannot swap " + e.getKey() + " (" + e.getKey().type().describe()
                        + ") for " + e.getValue() + " (" + e.getValue().type().describe() + ")");
            }
            replace.put(e.getKey(), e.getValue());
        }
        int nOut = graph.outputs().size();
        List<Variable> roots = Graphs.clone(deleteUpdates ? graph.outputs() : graph.roots(), replace);
        List<SharedContainer> updated = new ArrayList<>();
        if (!deleteUpdates) {
            for (SharedContainer c : graph.updated()) {
                Variable v = replace.getOrDefault(c.variable(), c.variable());
                updated.add((SharedContainer) v);
            }
        }
        GraphSpec g = new GraphSpec(graph.inputs(), roots.subList(0, nOut), updated, roots.subList(nOut, roots.size()));
        KernelPlan p = KernelPlan.build(g, backend);
        DebugModeCheck d = debug != null ? debug.copy(replace, deleteUpdates, g, p) : null;
        return new Function(g, p, backend, single, options, borrowOutputs, d);
    }

    /** The explicit input variables, in order. */
    public List<Variable> inputs() {
        return graph.inputs().stream().map(InputSpec::variable).toList();
    }

    /** The optimized output variables that run. */
    public List<Variable> outputs() {
        return graph.outputs();
    }

    /**
     * The backend that runs this function, e.g. {@code vector-cpu}; when a better backend of the
     * device is unusable here, the name says so: {@code reference (vector-cpu unavailable: the JVM
     * lacks --add-modules=jdk.incubator.vector)}.
     */
    public String backendName() {
        return backend.name() + Backends.fallbackNote(backend).map(n -> " (" + n + ")").orElse("");
    }

    /** The optimized graph that runs (outputs, then updates), as an indented tree. */
    public String debugprint() {
        return debugprint(-1);
    }

    /** Like {@link #debugprint()}, at most {@code depth} levels deep (-1: all). */
    public String debugprint(int depth) {
        StringBuilder sb = new StringBuilder(Printing.debugprint(graph.outputs(), depth));
        for (int i = 0; i < graph.updated().size(); i++) {
            sb.append("update ").append(graph.updated().get(i).variable()).append(":\n")
                    .append(Printing.debugprint(List.of(graph.updates().get(i)), depth));
        }
        return sb.toString();
    }

    /** The optimized graph that runs, outputs and update values, in Graphviz DOT (Theano's {@code pydotprint} of a function). */
    public String toDot() {
        List<Variable> roots = new ArrayList<>(graph.outputs());
        roots.addAll(graph.updates());
        return Printing.toDot(roots, options.functionName() != null ? options.functionName() : "function");
    }

    /**
     * What this function is: its name, inputs with types, outputs, updated shared variables,
     * backend and plan size, e.g. {@code function 'train'(x: TensorType(float64, matrix), ...)
     * -> [TensorType(float64, vector)], updates [w, b], vector-cpu, 24 steps}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(describe()).append('(');
        List<InputSpec> ins = graph.inputs();
        for (int i = 0; i < ins.size(); i++) {
            Variable v = ins.get(i).variable();
            sb.append(i == 0 ? "" : ", ").append(v.name() != null ? v.name() : "input " + i).append(": ").append(v.type().describe());
        }
        sb.append(") -> ").append(graph.outputs().stream().map(v -> v.type().describe()).toList());
        if (!graph.updated().isEmpty()) {
            sb.append(", updates ").append(graph.updated().stream().map(c -> String.valueOf(c.variable())).toList());
        }
        return sb.append(", ").append(backendName()).append(", ").append(plan.stepCount()).append(" steps").toString();
    }

    /** The nodes of the compiled plan, in execution order. */
    public List<org.theano4j.graph.Apply> planNodes() {
        return plan.nodes();
    }

    /**
     * The timings of this function (Theano's {@code f.profile}); {@link IllegalStateException}
     * unless it was compiled with {@code Theano.options().profile(true)}. A {@link #copy()} has its own.
     */
    public ProfileStats profile() {
        if (profile == null) {
            throw new IllegalStateException(describe() + " is not profiled: compile it with Theano.options().profile(true)");
        }
        return profile;
    }

    /**
     * Saves this function to {@code path} (Theano's pickling of a function): its optimized graph,
     * inputs with their keywords and defaults, outputs, updates, options, and every shared
     * variable and random state it reads or updates, with their current values (one consistent
     * state: taken while holding their locks). {@link Theano#load} reads it back, in this JVM or
     * another. The format is {@code docs/function-file-format.md}. A graph holding something that
     * is not data (a {@code Print} with a custom sink) is an {@link IllegalArgumentException}.
     */
    public void save(Path path) {
        FunctionFile.save(path, graph, options, single);
    }

    /**
     * The named shared variables this function reads or updates, by name (a function loaded with
     * {@link Theano#load} has fresh ones holding the saved values); unnamed ones are left out
     * ({@link #sharedState()} lists every container). {@link IllegalStateException} when two have the same name.
     */
    public Map<String, SharedVariable> sharedVariables() {
        Map<String, SharedVariable> byName = new LinkedHashMap<>();
        for (SharedContainer c : graph.shared()) {
            if (c instanceof SharedVariable sv && sv.name() != null && byName.put(sv.name(), sv) != null) {
                throw new IllegalStateException(describe() + " uses two shared variables named '" + sv.name() + "'; use sharedState()");
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Every shared container this function reads or updates, in a fixed order (the order a load
     * restores them in): {@link SharedVariable}s and random states ({@code SharedRandomState}).
     */
    public List<Variable> sharedState() {
        return graph.shared().stream().map(SharedContainer::variable).toList();
    }

    /** Whether this function was declared with a single (non-list) output. */
    public boolean isSingleOutput() {
        return single;
    }
}
