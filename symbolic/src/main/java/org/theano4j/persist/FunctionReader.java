package org.theano4j.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.compile.FunctionCompiler;
import org.theano4j.compile.GraphSpec;
import org.theano4j.compile.InputSpec;
import org.theano4j.graph.Constant;
import org.theano4j.graph.SharedContainer;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Rebuilds a function from the tree of {@code function.json} and the file's arrays: fresh shared
 * containers holding the saved values, the graph, the inputs with their keywords and defaults,
 * outputs and updates, and the options; then plans it like any compiled function (no rewrite
 * runs again: the saved graph is the optimized one).
 */
final class FunctionReader {
    private final ValueReader values;
    private final String typeHint;
    private final String device;

    private FunctionReader(Map<String, NDArray> arrays, String typeHint, String device) {
        this.values = new ValueReader(Registry.get(), arrays);
        this.typeHint = typeHint;
        this.device = device;
    }

    /**
     * The function {@code json} describes; {@code typeHint} explains a type that differs in this
     * JVM; {@code device} replaces the saved device unless null.
     */
    static Function decode(Object json, Map<String, NDArray> arrays, String typeHint, String device) {
        return new FunctionReader(arrays, typeHint, device).read(json);
    }

    private Function read(Object json) {
        List<SharedContainer> shared = new ArrayList<>();
        for (Object form : list(json, "shared")) {
            String at = "shared[" + shared.size() + "]";
            if (!(values.read(form, Object.class, null, at) instanceof SharedContainer c)) {
                throw new IllegalArgumentException(at + ": the saved form does not restore to shared state");
            }
            shared.add(c);
        }
        GraphReader g = new GraphReader(values, shared, typeHint);
        g.read(ValueReader.member(json, "graph", "function"), "graph");
        List<InputSpec> inputs = new ArrayList<>();
        for (Object in : list(json, "inputs")) {
            inputs.add(input(in, g, "inputs[" + inputs.size() + "]"));
        }
        List<Variable> outputs = new ArrayList<>();
        for (Object id : list(json, "outputs")) {
            outputs.add(g.var(integer(id, "outputs")));
        }
        List<SharedContainer> updated = new ArrayList<>();
        List<Variable> updates = new ArrayList<>();
        for (Object u : list(json, "updates")) {
            int k = integer(ValueReader.member(u, "shared", "updates"), "updates.shared");
            if (k < 0 || k >= shared.size()) {
                throw new IllegalArgumentException("updates: shared container " + k + " is not in the file's table of " + shared.size());
            }
            updated.add(shared.get(k));
            updates.add(g.var(integer(ValueReader.member(u, "value", "updates"), "updates.value")));
        }
        boolean single = (Boolean) Scalars.read(ValueReader.member(json, "single", "function"), Boolean.class, "single");
        GraphSpec graph = new GraphSpec(List.copyOf(inputs), List.copyOf(outputs), List.copyOf(updated), List.copyOf(updates));
        return FunctionCompiler.fromGraph(graph, single, options(ValueReader.member(json, "options", "function")));
    }

    private InputSpec input(Object json, GraphReader g, String at) {
        Variable v = g.var(integer(ValueReader.member(json, "var", at), at + ".var"));
        if (v.owner() != null || v instanceof Constant || v instanceof SharedContainer) {
            throw new IllegalArgumentException(at + ": variable " + v + " is not a free input");
        }
        Map<?, ?> m = (Map<?, ?>) json;
        String keyword = m.get("keyword") == null ? null : ValueReader.text(m.get("keyword"), at + ".keyword");
        String label = ValueReader.text(ValueReader.member(json, "label", at), at + ".label");
        NDArray def = (NDArray) values.read(m.get("default"), NDArray.class, null, at + ".default");
        if (def != null && !v.type().accepts(def)) {
            throw new IllegalArgumentException(at + ": the default of " + label + " is " + def.dtype().numpyName() + " of shape "
                    + Shapes.toString(def.shape()) + ", not a value of " + v.type().describe());
        }
        return new InputSpec(v, keyword, def, label);
    }

    private FunctionOptions options(Object json) {
        String saved = ValueReader.text(ValueReader.member(json, "device", "options"), "options.device");
        FunctionOptions o = Theano.options()
                .device(device != null ? device : saved)
                .mode(ValueReader.text(ValueReader.member(json, "mode", "options"), "options.mode"))
                .profile((Boolean) Scalars.read(ValueReader.member(json, "profile", "options"), Boolean.class, "options.profile"));
        Map<?, ?> m = (Map<?, ?>) json;
        if (m.get("name") != null) {
            o = o.name(ValueReader.text(m.get("name"), "options.name"));
        }
        if (m.get("nanGuard") != null) {
            Object g = m.get("nanGuard");
            o = o.nanGuard(flag(g, "nan"), flag(g, "inf"), flag(g, "big"));
        }
        return o;
    }

    private static boolean flag(Object json, String key) {
        return (Boolean) Scalars.read(ValueReader.member(json, key, "options.nanGuard"), Boolean.class, "options.nanGuard." + key);
    }

    private static List<?> list(Object json, String key) {
        if (!(ValueReader.member(json, key, "function") instanceof List<?> l)) {
            throw new IllegalArgumentException("function." + key + ": expected a list");
        }
        return l;
    }

    private static int integer(Object json, String where) {
        return (Integer) Scalars.read(json, Integer.class, where);
    }
}
