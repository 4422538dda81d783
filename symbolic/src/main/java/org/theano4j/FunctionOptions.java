package org.theano4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    FunctionOptions() {
        this(Map.of(), List.of(), false, null, null, null);
    }

    private FunctionOptions(Map<SharedContainer, Variable> updates, List<Variable[]> givens, boolean noDefaultUpdates,
            String name, String device, String mode) {
        this.updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
        this.givens = List.copyOf(givens);
        this.noDefaultUpdates = noDefaultUpdates;
        this.name = name;
        this.device = device;
        this.mode = mode;
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
        return new FunctionOptions(m, givens, noDefaultUpdates, name, device, mode);
    }

    /** Adds every update of {@code map}. */
    public FunctionOptions updates(Map<? extends SharedVariable, ? extends Variable> map) {
        FunctionOptions o = this;
        for (Map.Entry<? extends SharedVariable, ? extends Variable> e : map.entrySet()) {
            o = o.update(e.getKey(), e.getValue());
        }
        return o;
    }

    /** Replaces {@code replaced} by {@code replacement} in this function's graph (same type required). */
    public FunctionOptions givens(Variable replaced, Variable replacement) {
        List<Variable[]> g = new ArrayList<>(givens);
        g.add(new Variable[] {replaced, replacement});
        return new FunctionOptions(updates, g, noDefaultUpdates, name, device, mode);
    }

    /** Random streams used by the function are not advanced (no default updates). */
    public FunctionOptions noDefaultUpdates() {
        return new FunctionOptions(updates, givens, true, name, device, mode);
    }

    /** A name for the function (shown in errors and profiles). */
    public FunctionOptions name(String functionName) {
        return new FunctionOptions(updates, givens, noDefaultUpdates, functionName, device, mode);
    }

    /** {@code "cpu"} (default) or {@code "cuda"}. */
    public FunctionOptions device(String d) {
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, d, mode);
    }

    /** {@code "FAST_RUN"} (default: all rewrites) or {@code "FAST_COMPILE"} (merge and constant folding only). */
    public FunctionOptions mode(String m) {
        return new FunctionOptions(updates, givens, noDefaultUpdates, name, device, m);
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
