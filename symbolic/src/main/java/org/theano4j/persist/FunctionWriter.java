package org.theano4j.persist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.FunctionOptions;
import org.theano4j.Variable;
import org.theano4j.compile.GraphSpec;
import org.theano4j.compile.InputSpec;
import org.theano4j.compile.NanGuard;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;

/**
 * A compiled function as the JSON tree of {@code function.json} and the arrays it names: its
 * options, its shared containers with their values (taken under their locks, so one consistent
 * state between updates), its graph, inputs, outputs and updates.
 */
final class FunctionWriter {
    private final ArrayTable arrays = new ArrayTable();
    private final ValueWriter values = new ValueWriter(Registry.get(), arrays);
    private final Map<SharedContainer, Integer> shared = new LinkedHashMap<>();

    /** What one function saves as: the tree of {@code function.json} and the arrays, by member name. */
    record Encoded(Map<String, Object> json, Map<String, NDArray> arrays) {
    }

    private FunctionWriter() {
    }

    static Encoded encode(GraphSpec graph, FunctionOptions options, boolean single) {
        return new FunctionWriter().write(graph, options, single);
    }

    private Encoded write(GraphSpec graph, FunctionOptions options, boolean single) {
        graph.shared().forEach(this::index);
        GraphWriter g = new GraphWriter(values, this::index);
        List<Object> inputs = new ArrayList<>();
        for (InputSpec s : graph.inputs()) {
            inputs.add(input(s, g));
        }
        List<Object> outputs = new ArrayList<>();
        for (Variable v : graph.outputs()) {
            outputs.add(GraphWriter.num(g.ref(v)));
        }
        List<Object> updates = new ArrayList<>();
        for (int i = 0; i < graph.updated().size(); i++) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("shared", GraphWriter.num(index(graph.updated().get(i))));
            u.put("value", GraphWriter.num(g.ref(graph.updates().get(i))));
            updates.add(u);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("single", single);
        json.put("options", options(options));
        json.put("shared", sharedForms());
        json.put("graph", g.entries());
        json.put("inputs", inputs);
        json.put("outputs", outputs);
        json.put("updates", updates);
        return new Encoded(json, arrays.arrays());
    }

    private int index(SharedContainer c) {
        return shared.computeIfAbsent(c, k -> shared.size());
    }

    private Map<String, Object> input(InputSpec s, GraphWriter g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("var", GraphWriter.num(g.ref(s.variable())));
        if (s.keyword() != null) {
            m.put("keyword", s.keyword());
        }
        m.put("label", s.label());
        if (s.defaultValue() != null) {
            m.put("default", values.write(s.defaultValue(), NDArray.class, null, s.label() + " default"));
        }
        return m;
    }

    private static Map<String, Object> options(FunctionOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.functionName() != null) {
            m.put("name", o.functionName());
        }
        m.put("device", o.deviceOrDefault());
        m.put("mode", o.modeOrDefault());
        m.put("profile", o.isProfile());
        NanGuard.Checks c = o.nanGuardChecks();
        if (c != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("nan", c.nan());
            g.put("inf", c.inf());
            g.put("big", c.big());
            m.put("nanGuard", g);
        }
        return m;
    }

    /** Every shared container's saved form, all taken while holding every container's lock (in the global order). */
    private List<Object> sharedForms() {
        List<SharedContainer> all = new ArrayList<>(shared.keySet());
        List<SharedContainer> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparingLong(SharedContainer::order));
        List<PersistentForm> forms = new ArrayList<>();
        int taken = 0;
        try {
            for (SharedContainer c : ordered) {
                c.lock().lock();
                taken++;
            }
            for (SharedContainer c : all) {
                if (!(c instanceof Persistable p)) {
                    throw new IllegalArgumentException("cannot save shared state " + c.variable() + " of class " + c.getClass().getName()
                            + ": it is not " + Persistable.class.getSimpleName());
                }
                forms.add(p.persistentForm());
            }
        } finally {
            for (int i = taken - 1; i >= 0; i--) {
                ordered.get(i).lock().unlock();
            }
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            out.add(values.write(forms.get(i), PersistentForm.class, null, "shared " + all.get(i).variable()));
        }
        return out;
    }
}
