package org.theano4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;

/** Formulas ({@code T.pp}) and indented trees ({@code debugprint}) of graphs. */
public final class Printing {
    private Printing() {
    }

    /** The expression as a formula; named variables print as their names. */
    public static String formula(Variable v) {
        return formula(v, new IdentityHashMap<>(), true);
    }

    private static String formula(Variable v, Map<Variable, String> memo, boolean top) {
        if (!top && v.name() != null) {
            return v.name();
        }
        String s = memo.get(v);
        if (s != null) {
            return s;
        }
        Apply node = v.owner();
        if (node == null) {
            s = v instanceof Constant ? v.toString() : v.name() != null ? v.name() : "<" + v.type().describe() + ">";
        } else {
            List<String> ins = new ArrayList<>();
            for (Variable in : node.inputs()) {
                ins.add(formula(in, memo, false));
            }
            s = node.op().format(ins);
            if (node.outputs().size() > 1) {
                s = s + "[" + v.index() + "]";
            }
        }
        memo.put(v, s);
        return s;
    }

    /** An indented tree of the graphs of {@code outputs}; shared nodes are printed once and then referred to by id. */
    public static String debugprint(List<Variable> outputs) {
        return debugprint(outputs, -1);
    }

    /**
     * Like {@link #debugprint(List)}, printing at most {@code depth} levels below each output
     * (Theano's {@code depth}; -1: all). Every node and every leaf gets an id, so two inputs
     * that share a name are told apart.
     */
    public static String debugprint(List<Variable> outputs, int depth) {
        StringBuilder sb = new StringBuilder();
        Ids ids = new Ids();
        for (Variable out : outputs) {
            print(out, "", depth, sb, ids);
        }
        return sb.toString();
    }

    /** Ids A, B, ..., Z, AA, ... for nodes and leaves, in order of first appearance. */
    private static final class Ids {
        private final Map<Object, String> ids = new IdentityHashMap<>();

        /** The id of {@code key}, given on first sight. */
        String of(Object key) {
            return ids.computeIfAbsent(key, k -> idFor(ids.size()));
        }

        boolean has(Object key) {
            return ids.containsKey(key);
        }
    }

    private static void print(Variable v, String indent, int depth, StringBuilder sb, Ids ids) {
        Apply node = v.owner();
        if (node == null) {
            sb.append(indent).append(v instanceof Constant ? "TensorConstant{" + v + "}" : leafName(v))
                    .append(" [id ").append(ids.of(v)).append("] [").append(v.type().describe()).append("]\n");
            return;
        }
        boolean seen = ids.has(node);
        String id = ids.of(node);
        sb.append(indent).append(node.op().displayName());
        if (node.outputs().size() > 1) {
            sb.append('.').append(v.index());
        }
        sb.append(" [id ").append(id).append("] ").append(v.name() != null ? "'" + v.name() + "' " : "")
                .append('[').append(v.type().describe()).append("]\n");
        if (!seen && depth != 1) {
            for (Variable in : node.inputs()) {
                print(in, indent + " |", depth - 1, sb, ids);
            }
        }
    }

    /**
     * The graphs of {@code outputs} in Graphviz DOT (Theano's {@code pydotprint}): ops are boxes,
     * variables ellipses (inputs green, constants grey, outputs blue), edges numbered by input position.
     */
    public static String toDot(List<Variable> outputs, String title) {
        StringBuilder sb = new StringBuilder("digraph ").append(quote(title)).append(" {\n  rankdir=TB;\n");
        Ids ids = new Ids();
        java.util.Set<Variable> outs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        outs.addAll(outputs);
        for (Variable out : outputs) {
            dot(out, sb, ids, outs);
        }
        return sb.append("}\n").toString();
    }

    private static String dot(Variable v, StringBuilder sb, Ids ids, java.util.Set<Variable> outs) {
        boolean seen = ids.has(v);
        String id = ids.of(v);
        if (seen) {
            return id;
        }
        String color = v.owner() == null ? (v instanceof Constant ? "lightgrey" : "limegreen") : outs.contains(v) ? "dodgerblue" : "white";
        String label = v instanceof Constant ? v.toString() : (v.name() != null ? v.name() + "\n" : "") + v.type().describe();
        sb.append("  ").append(id).append(" [shape=ellipse, style=filled, fillcolor=").append(color)
                .append(", label=").append(quote(label)).append("];\n");
        Apply node = v.owner();
        if (node != null) {
            boolean opSeen = ids.has(node);
            String op = ids.of(node);
            if (!opSeen) {
                sb.append("  ").append(op).append(" [shape=box, label=").append(quote(node.op().displayName())).append("];\n");
                for (int i = 0; i < node.inputs().size(); i++) {
                    String in = dot(node.input(i), sb, ids, outs);
                    sb.append("  ").append(in).append(" -> ").append(op)
                            .append(node.inputs().size() > 1 ? " [label=" + i + "]" : "").append(";\n");
                }
            }
            sb.append("  ").append(op).append(" -> ").append(id).append(";\n");
        }
        return id;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String leafName(Variable v) {
        return v.name() != null ? v.name() : "<unnamed>";
    }

    private static String idFor(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return s.toString();
    }
}
