package org.theano4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.compile.NanGuard;
import org.theano4j.graph.SharedContainer;

/**
 * Options of {@link Theano#function}: updates, givens, default-update suppression, name,
 * device and mode. Immutable: every method returns a new options object.
 */
public final class FunctionOptions {
    private final Map<SharedContainer, Variable> updates;
    private final List<Variable[]> givens;
    private final boolean noDefaultUpdates;
    private final String name;
    private final String device;
    private final String mode;
    private final Debugging debugging;

    /** The debugging aids of a function: profiling, NaN checks and MonitorMode hooks (null when off). */
    private record Debugging(boolean profile, NanGuard.Checks nanChecks, MonitorMode monitor) {
    }

    FunctionOptions() {
        this(Map.of(), List.of(), false, null, null, null, new Debugging(false, null, null));
    }

    private FunctionOptions(Map<SharedContainer, Variable> updates, List<Variable[]> givens, boolean noDefaultUpdates,
            String name, String device, String mode, Debugging debugging) {
        this.updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
        this.givens = List.copyOf(givens);
        this.noDefaultUpdates = noDefaultUpdates;
        this.name = name;
        this.device = device;
        this.mode = mode;
        this.debugging = debugging;
    }

    /** Adds the update {@code s <- newValue} (applied after each call; types must match). */
    public FunctionOptions update(SharedVariable s, Variable newValue) {
        return updateState(s, newValue);
    }

    /** Adds an update of any shared state (a shared variable or a random generator's state). */
    public FunctionOptions updateState(SharedContainer s, Variable newValue) {
        if (s == null || newValue == null) {
            throw new IllegalArgumentException("update: shared variable and new value must not be null");
        }
        if (updates.containsKey(s)) {
            throw new IllegalArgumentException("update: " + s.variable() + " is updated twice");
        }
        Map<SharedContainer, Variable> m = new LinkedHashMap<>(updates);
        m.put(s, newValue);
        return new FunctionOptions(m, givens, noDefaultUpdates, name, device, mode, debugging);
    }

    /**
     * Adds every update of {@code map}: shared variables, and random generators' states, as in
     * the updates a scan returns ({@code ScanResult.updates()}).
     */
    public FunctionOptions updates(Map<? extends SharedContainer, ? extends Variable> map) {
        FunctionOptions o = this;
        for (Map.Entry<? extends SharedContainer, ? extends Variable> e : map.entrySet()) {
            o = o.updateState(e.getKey(), e.getValue());
        }
        return o;
    }

    /** Replaces {@code replaced} by {@code replacement} in this function's graph (same type required). */
    public FunctionOptions givens(Variable replaced, Variable replacement) {
        List<Variable[]> g = new ArrayList<>(givens);
        g.add(new Variable[] {replaced, replacement});
        return new FunctionOptions(updates, g, noDefaultUpdates, name, device, mode, debugging);
    }

    /** Random streams used by the function are not advanced (no default updates). */
    public FunctionOptions noDefaultUpdates() {
        return new FunctionOptions(updates, givens, true, name, device, mode, debugging);
    }

    /** A name for the function (shown in errors and profiles). */
    public FunctionOptions name(String functionName) {
        return new FunctionOptions(updates, givens, noDefaultUpdates, functionName, device, mode, debugging);
    }

    /** {@code "cpu"} (default) or {@code "cuda"}. */
    public FunctionOptions device(String d) {
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, d, mode, debugging);
    }

    /**
     * {@code "FAST_RUN"} (default: all rewrites) or {@code "FAST_COMPILE"} (merge and constant folding
     * only). {@code "NanGuardMode"} keeps the rewrites of the configured mode and turns on every
     * check of {@link #nanGuard(boolean, boolean, boolean)}, as Theano's {@code mode='NanGuardMode'}.
     * {@code "DebugMode"} rewrites as FAST_RUN and checks every call (Theano's {@code mode='DebugMode'}):
     * each node's output against its op's reference evaluation on the same inputs, and the outputs
     * and update values against the reference evaluation of the unoptimized graph; the first
     * difference is a {@link DebugModeError} naming the node, its inputs and both values. Much slower.
     */
    public FunctionOptions mode(String m) {
        if ("NanGuardMode".equalsIgnoreCase(m) || "NAN_GUARD".equalsIgnoreCase(m)) {
            return nanGuard(true, true, true);
        }
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, device, m, debugging);
    }

    /**
     * Theano's {@code mode=MonitorMode(pre_func, post_func)}: the hooks of {@code monitor} are called
     * around every node of each call; the rewrites are those of the configured mode.
     */
    public FunctionOptions mode(MonitorMode monitor) {
        if (monitor == null) {
            throw new IllegalArgumentException("mode: the MonitorMode must not be null");
        }
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, device, mode,
                new Debugging(debugging.profile(), debugging.nanChecks(), monitor));
    }

    // ---- debugging aids (tutorial pages "Profiling" and "Dealing with NaNs") ----

    /**
     * With {@code on}, the function times every node of its plan; read the totals with
     * {@link Function#profile()} (Theano's {@code profile=True}). Off, a call pays nothing.
     */
    public FunctionOptions profile(boolean on) {
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, device, mode, new Debugging(on, debugging.nanChecks(), debugging.monitor()));
    }

    /**
     * With {@code on}, each call checks its arguments and every node's outputs and fails with an
     * {@link IllegalStateException} naming the first input or node holding a NaN or an infinity
     * (Theano's {@code NanGuardMode(nan_is_error=True, inf_is_error=True, big_is_error=False)}).
     */
    public FunctionOptions nanGuard(boolean on) {
        return nanGuard(on, on, false);
    }

    /**
     * Theano's {@code NanGuardMode(nanIsError, infIsError, bigIsError)}: which values stop a call
     * (big: magnitude above {@value NanGuard#BIG}). All false turns the guard off.
     */
    public FunctionOptions nanGuard(boolean nanIsError, boolean infIsError, boolean bigIsError) {
        NanGuard.Checks c = new NanGuard.Checks(nanIsError, infIsError, bigIsError);
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, device, mode,
                new Debugging(debugging.profile(), c.any() ? c : null, debugging.monitor()));
    }

    /** Whether the function is profiled. */
    public boolean isProfile() {
        return debugging.profile();
    }

    /** The MonitorMode hooks, or null. */
    public MonitorMode monitorMode() {
        return debugging.monitor();
    }

    /** Whether the function runs in DebugMode (see {@link #mode(String)}). */
    public boolean isDebugMode() {
        return "DEBUGMODE".equalsIgnoreCase(modeOrDefault());
    }

    /** The rewrite mode: {@code FAST_RUN} for DebugMode, else {@link #modeOrDefault()}. */
    public String rewriteMode() {
        return isDebugMode() ? "FAST_RUN" : modeOrDefault();
    }

    /** The NaN guard's checks, or null when the guard is off. */
    public NanGuard.Checks nanGuardChecks() {
        return debugging.nanChecks();
    }

    /** The explicit updates, in insertion order. */
    public Map<SharedContainer, Variable> updatesMap() {
        return updates;
    }

    /** The givens, as (replaced, replacement) pairs. */
    public List<Variable[]> givensList() {
        return givens;
    }

    /** Whether default updates are suppressed. */
    public boolean isNoDefaultUpdates() {
        return noDefaultUpdates;
    }

    /** The function name, or null. */
    public String functionName() {
        return name;
    }

    /** The device, defaulting to the configured one. */
    public String deviceOrDefault() {
        return device != null ? device : Config.device();
    }

    /** The mode, defaulting to the configured one. */
    public String modeOrDefault() {
        return mode != null ? mode.toUpperCase(java.util.Locale.ROOT) : Config.mode();
    }
}
