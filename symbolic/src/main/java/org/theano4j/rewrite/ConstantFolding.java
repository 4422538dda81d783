package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.NDArray;

/** Evaluates nodes whose inputs are all constants (deterministic ops, results up to a size limit). */
public final class ConstantFolding {
    private static final long MAX_FOLDED_ELEMENTS = 1 << 16;

    private ConstantFolding() {
    }

    /** The folding rule. */
    public static LocalRule rule() {
        return ConstantFolding::fold;
    }

    private static List<Variable> fold(Apply node) {
        if (!node.op().isDeterministic() || node.inputs().isEmpty()) {
            return null;
        }
        Object[] args = new Object[node.inputs().size()];
        for (int i = 0; i < args.length; i++) {
            if (!(node.input(i) instanceof Constant c)) {
                return null;
            }
            args[i] = c.value();
        }
        Object[] results;
        try {
            results = node.op().evaluate(args);
        } catch (RuntimeException e) {
            return null; // leave it for run time, where the error names the call
        }
        List<Variable> out = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            if (!(results[i] instanceof NDArray a) || a.size() > MAX_FOLDED_ELEMENTS || !node.output(i).type().accepts(a)) {
                return null;
            }
            out.add(new Constant(a.copy(), false, node.output(i).name()));
        }
        return out;
    }
}
