package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;

/**
 * Common-subexpression elimination: equal constants become one, and nodes applying equal ops
 * to the same inputs become one (ops compare by parameters; random draws never merge).
 */
public final class Merge implements Rewrite {
    @Override
    public String name() {
        return "merge";
    }

    @Override
    public List<Variable> apply(List<Variable> outputs) {
        Map<Variable, Variable> map = new IdentityHashMap<>();
        Map<Object, Variable> constants = new HashMap<>();
        for (Variable leaf : Graphs.leaves(outputs)) {
            if (leaf instanceof Constant c) {
                Variable first = constants.putIfAbsent(constantKey(c), c);
                if (first != null) {
                    map.put(c, first);
                }
            }
        }
        Map<List<Object>, Apply> seen = new HashMap<>();
        for (Apply node : Graphs.toposort(outputs)) {
            List<Variable> ins = new ArrayList<>();
            boolean changed = false;
            for (Variable in : node.inputs()) {
                Variable r = map.getOrDefault(in, in);
                changed |= r != in;
                ins.add(r);
            }
            Apply current = changed ? node.withInputs(ins) : node;
            if (node.op().isDeterministic()) {
                List<Object> key = new ArrayList<>();
                key.add(node.op());
                key.addAll(ins.stream().map(IdentityKey::new).toList());
                Apply first = seen.putIfAbsent(key, current);
                if (first != null) {
                    current = first;
                }
            }
            for (int i = 0; i < node.outputs().size(); i++) {
                if (current.output(i) != node.output(i)) {
                    map.put(node.output(i), current.output(i));
                }
            }
        }
        List<Variable> result = new ArrayList<>();
        for (Variable out : outputs) {
            result.add(map.getOrDefault(out, out));
        }
        return result;
    }

    private static Object constantKey(Constant c) {
        return List.of(c.value(), c.isWeak(), Arrays.hashCode(c.broadcastable()));
    }

    /** Identity-compared wrapper so that list keys compare variables by identity. */
    private record IdentityKey(Variable v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.v == v;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(v);
        }
    }
}
