package org.theano4j.persist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Op;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * One graph of a file being written, as a list of entries in dependency order: leaves (free
 * inputs, constants, shared state) and applications of ops, every variable with an id. Variables
 * are added on demand ({@link #ref}); an op whose parameters hold variables (a scan's step graph)
 * gets a nested graph of its own, written with the op.
 */
final class GraphWriter implements ValueWriter.Scope {
    private final ValueWriter values;
    private final SharedTable shared;
    private final Map<Variable, Integer> ids = new IdentityHashMap<>();
    private final Set<Apply> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Object> entries = new ArrayList<>();

    /** The shared containers of the file, each with its index. */
    interface SharedTable {
        /** The index of {@code c} in the file's shared table, adding it the first time. */
        int index(SharedContainer c);
    }

    GraphWriter(ValueWriter values, SharedTable shared) {
        this.values = values;
        this.shared = shared;
    }

    /** The entries written so far. */
    List<Object> entries() {
        return entries;
    }

    @Override
    public int ref(Variable v) {
        Integer id = ids.get(v);
        if (id != null) {
            return id;
        }
        for (Apply node : Graphs.toposort(List.of(v))) {
            if (written.add(node)) {
                writeNode(node);
            }
        }
        if (v.owner() == null) {
            leaf(v);
        }
        return ids.get(v);
    }

    private void writeNode(Apply node) {
        List<Object> inputs = new ArrayList<>();
        for (Variable in : node.inputs()) {
            if (in.owner() == null && !ids.containsKey(in)) {
                leaf(in);
            }
            inputs.add(num(ids.get(in)));
        }
        GraphWriter inner = new GraphWriter(values, shared);
        Object op = values.write(node.op(), Op.class, inner, "op " + node.op().displayName());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", "apply");
        if (!inner.entries.isEmpty()) {
            e.put("graph", inner.entries);
        }
        e.put("op", op);
        e.put("inputs", inputs);
        List<Object> outputs = new ArrayList<>();
        for (Variable out : node.outputs()) {
            Map<String, Object> o = newId(out);
            o.put("type", values.write(out.type(), Type.class, null, "the type of " + out));
            putName(o, out);
            outputs.add(o);
        }
        e.put("outputs", outputs);
        entries.add(e);
    }

    private void leaf(Variable v) {
        Map<String, Object> e = newId(v);
        if (v instanceof Constant c) {
            e.put("kind", "constant");
            e.put("value", values.write(c.value(), NDArray.class, null, "constant " + c));
            e.put("weak", c.isWeak());
        } else if (v instanceof SharedContainer c) {
            e.put("kind", "shared");
            e.put("index", num(shared.index(c)));
        } else if (v.getClass() == Variable.class) {
            e.put("kind", "input");
            e.put("type", values.write(v.type(), Type.class, null, "the type of input " + v));
        } else {
            throw new IllegalArgumentException("cannot save the free variable " + v + " of class " + v.getClass().getName());
        }
        putName(e, v);
        entries.add(e);
    }

    private Map<String, Object> newId(Variable v) {
        int id = ids.size();
        ids.put(v, id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", num(id));
        return m;
    }

    private static void putName(Map<String, Object> m, Variable v) {
        if (v.name() != null) {
            m.put("name", v.name());
        }
    }

    static Json.Num num(long n) {
        return new Json.Num(Long.toString(n));
    }
}
