package org.theano4j.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.backend.Backend;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Op;

/**
 * An op that runs a graph of its own (scan's step graph). A compiled function hands every such
 * node its backend and mode ({@link #bindAll}), so that the inner graph is rewritten and planned
 * the way the function itself is, as Theano compiles scan's inner function with the outer mode.
 */
public interface InnerGraphOp extends Op {
    /** A copy of this op whose inner graph is rewritten in {@code mode} and planned on {@code backend}. */
    Op compiledFor(Backend backend, String mode);

    /**
     * The graph of {@code roots} with every {@link InnerGraphOp} node replaced by one applying
     * {@link #compiledFor}{@code (backend, mode)}; nodes downstream of a replaced node are
     * re-applied, all others are shared. Returns the new roots, in order.
     */
    static List<Variable> bindAll(List<Variable> roots, Backend backend, String mode) {
        Map<Variable, Variable> map = new IdentityHashMap<>();
        for (Apply node : Graphs.toposort(roots)) {
            boolean inner = node.op() instanceof InnerGraphOp;
            List<Variable> ins = new ArrayList<>(node.inputs().size());
            boolean replaced = false;
            for (Variable in : node.inputs()) {
                Variable v = map.getOrDefault(in, in);
                replaced |= v != in;
                ins.add(v);
            }
            if (!inner && !replaced) {
                continue;
            }
            Apply copy = inner ? Apply.of(((InnerGraphOp) node.op()).compiledFor(backend, mode), ins) : node.withInputs(ins);
            for (int i = 0; i < node.outputs().size(); i++) {
                String name = node.output(i).name();
                map.put(node.output(i), copy.outputs().size() == 1 && name != null ? Apply.named(copy, name) : copy.output(i));
            }
        }
        List<Variable> result = new ArrayList<>(roots.size());
        for (Variable r : roots) {
            result.add(map.getOrDefault(r, r));
        }
        return result;
    }
}
