package org.theano4j.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Op;
import org.theano4j.graph.SharedContainer;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Rebuilds one graph of a file from its entries: leaves become fresh inputs, constants and the
 * file's (fresh) shared containers; each application re-applies its op with {@link Apply#of}, so
 * every op checks its inputs again, and the output types it infers must be the saved ones.
 */
final class GraphReader {
    private final ValueReader values;
    private final List<SharedContainer> shared;
    private final String typeHint;
    private final List<Variable> vars = new ArrayList<>();

    /**
     * @param typeHint appended to a type mismatch (what differs between the saving and this JVM)
     */
    GraphReader(ValueReader values, List<SharedContainer> shared, String typeHint) {
        this.values = values;
        this.shared = shared;
        this.typeHint = typeHint;
    }

    /** Variable {@code id}; an {@link IllegalArgumentException} when the graph has not defined it. */
    Variable var(int id) {
        if (id < 0 || id >= vars.size()) {
            throw new IllegalArgumentException("variable " + id + " is used before it is defined (" + vars.size() + " so far)");
        }
        return vars.get(id);
    }

    /** Reads the entries {@code json} (a list); {@code where} names the graph in errors. */
    void read(Object json, String where) {
        if (!(json instanceof List<?> entries)) {
            throw new IllegalArgumentException(where + ": expected a list of entries, the file holds " + json);
        }
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            Object e = entries.get(i);
            String kind = ValueReader.text(ValueReader.member(e, "kind", at), at + ".kind");
            switch (kind) {
                case "input" -> define(e, new Variable((Type) values.read(ValueReader.member(e, "type", at), Type.class, null, at + ".type"),
                        null, 0, name(e, at)), at);
                case "constant" -> define(e, constant(e, at), at);
                case "shared" -> define(e, sharedLeaf(e, at), at);
                case "apply" -> apply(e, at);
                default -> throw new IllegalArgumentException(at + ": unknown entry kind '" + kind + "'");
            }
        }
    }

    private Variable constant(Object e, String at) {
        NDArray value = (NDArray) values.read(ValueReader.member(e, "value", at), NDArray.class, null, at + ".value");
        boolean weak = (Boolean) Scalars.read(ValueReader.member(e, "weak", at), Boolean.class, at + ".weak");
        return new Constant(value, weak, name(e, at));
    }

    private Variable sharedLeaf(Object e, String at) {
        int k = (Integer) Scalars.read(ValueReader.member(e, "index", at), Integer.class, at + ".index");
        if (k < 0 || k >= shared.size()) {
            throw new IllegalArgumentException(at + ": shared container " + k + " is not in the file's table of " + shared.size());
        }
        return shared.get(k).variable();
    }

    private void apply(Object e, String at) {
        GraphReader inner = new GraphReader(values, shared, typeHint);
        if (e instanceof Map<?, ?> m && m.containsKey("graph")) {
            inner.read(m.get("graph"), at + ".graph");
        }
        Op op = (Op) values.read(ValueReader.member(e, "op", at), Op.class, inner::var, at + ".op");
        List<Variable> inputs = new ArrayList<>();
        if (!(ValueReader.member(e, "inputs", at) instanceof List<?> ids)) {
            throw new IllegalArgumentException(at + ".inputs: expected a list of variable ids");
        }
        for (Object id : ids) {
            inputs.add(var((Integer) Scalars.read(id, Integer.class, at + ".inputs")));
        }
        Apply node;
        try {
            node = Apply.of(op, inputs);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(at + ": " + op.displayName() + " rejects its saved inputs: " + ex.getMessage(), ex);
        }
        outputs(node, ValueReader.member(e, "outputs", at), at);
    }

    private void outputs(Apply node, Object json, String at) {
        if (!(json instanceof List<?> outs) || outs.size() != node.outputs().size()) {
            throw new IllegalArgumentException(at + ".outputs: " + node.op().displayName() + " has " + node.outputs().size()
                    + " outputs, the file lists " + (json instanceof List<?> l ? l.size() : json));
        }
        for (int i = 0; i < outs.size(); i++) {
            Object o = outs.get(i);
            String oat = at + ".outputs[" + i + "]";
            Type saved = (Type) values.read(ValueReader.member(o, "type", oat), Type.class, null, oat + ".type");
            Variable v = node.output(i);
            if (!saved.equals(v.type())) {
                throw new IllegalArgumentException(oat + ": " + node.op().displayName() + " gives " + v.type().describe()
                        + " in this JVM but the file says " + saved.describe() + typeHint);
            }
            String name = name(o, oat);
            if (name != null && outs.size() > 1) {
                throw new IllegalArgumentException(oat + ": only a single-output node's output can be named");
            }
            define(o, name != null ? Apply.named(node, name) : v, oat);
        }
    }

    private void define(Object e, Variable v, String at) {
        int id = (Integer) Scalars.read(ValueReader.member(e, "id", at), Integer.class, at + ".id");
        if (id != vars.size()) {
            throw new IllegalArgumentException(at + ": expected variable id " + vars.size() + ", the file says " + id);
        }
        vars.add(v);
    }

    private static String name(Object e, String at) {
        Object n = e instanceof Map<?, ?> m ? m.get("name") : null;
        return n == null ? null : ValueReader.text(n, at + ".name");
    }
}
