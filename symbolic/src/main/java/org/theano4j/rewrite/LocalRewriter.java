package org.theano4j.rewrite;

import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Rebuild;
import org.theano4j.graph.TensorType;

/**
 * Runs a list of {@link LocalRule}s over a graph: nodes in topological order ({@link Rebuild}),
 * each rebuilt on its rewritten inputs, then the rules tried until none fires (bounded), the whole pass repeated
 * until the graph stops changing (bounded). Rules can never grow the graph without limit.
 */
public final class LocalRewriter implements Rewrite {
    private static final int MAX_PASSES = 8;
    private static final int MAX_FIRINGS_PER_NODE = 16;
    private final String name;
    private final List<LocalRule> rules;

    /** A pass named {@code name} applying {@code rules} in order. */
    public LocalRewriter(String name, List<LocalRule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Variable> apply(List<Variable> outputs) {
        List<Variable> current = outputs;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean[] changed = {false};
            current = once(current, changed);
            if (!changed[0]) {
                break;
            }
        }
        return current;
    }

    private List<Variable> once(List<Variable> outputs, boolean[] changed) {
        return Rebuild.run(outputs, Map.of(), false, (node, state) -> {
            Apply current = state.current(node);
            List<Variable> outs = current.outputs();
            for (int k = 0; k < MAX_FIRINGS_PER_NODE && current != null; k++) {
                List<Variable> repl = fire(current);
                if (repl == null) {
                    break;
                }
                changed[0] = true;
                outs = repl;
                current = repl.size() == 1 && repl.get(0).owner() != null && repl.get(0).owner().outputs().size() == 1
                        ? repl.get(0).owner() : null;
            }
            return outs;
        });
    }

    private List<Variable> fire(Apply node) {
        for (LocalRule rule : rules) {
            List<Variable> repl = rule.apply(node);
            if (repl != null && !sameAsOutputs(repl, node)) {
                checkTypes(node, repl, rule);
                return repl;
            }
        }
        return null;
    }

    private static boolean sameAsOutputs(List<Variable> repl, Apply node) {
        return repl.equals(node.outputs());
    }

    private void checkTypes(Apply node, List<Variable> repl, LocalRule rule) {
        for (int i = 0; i < repl.size(); i++) {
            Variable a = node.output(i);
            Variable b = repl.get(i);
            if (a.type() instanceof TensorType ta && b.type() instanceof TensorType tb
                    && (ta.dtype() != tb.dtype() || ta.ndim() != tb.ndim())) {
                throw new IllegalStateException(name + ": a rule replaced " + a.type().describe() + " by "
                        + b.type().describe() + " at " + node.op().displayName());
            }
        }
    }
}
