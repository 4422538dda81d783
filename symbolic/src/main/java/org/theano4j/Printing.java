package org.theano4j;

import java.util.ArrayList;
import java.util.HashMap;
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
        StringBuilder sb = new StringBuilder();
        Map<Apply, String> ids = new HashMap<>();
        for (Variable out : outputs) {
            print(out, "", sb, ids);
        }
        return sb.toString();
    }

    private static void print(Variable v, String indent, StringBuilder sb, Map<Apply, String> ids) {
        Apply node = v.owner();
        if (node == null) {
            sb.append(indent).append(v instanceof Constant ? "TensorConstant{" + v + "}" : leafName(v))
                    .append(" [").append(v.type().describe()).append("]\n");
            return;
        }
        String id = ids.get(node);
        boolean seen = id != null;
        if (!seen) {
            id = idFor(ids.size());
            ids.put(node, id);
        }
        sb.append(indent).append(node.op().displayName());
        if (node.outputs().size() > 1) {
            sb.append('.').append(v.index());
        }
        sb.append(" [id ").append(id).append("] ").append(v.name() != null ? "'" + v.name() + "' " : "")
                .append('[').append(v.type().describe()).append("]\n");
        if (!seen) {
            for (Variable in : node.inputs()) {
                print(in, indent + " |", sb, ids);
            }
        }
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
