package org.theano4j.rewrite;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Rebuild;

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
        return Rebuild.run(outputs, map, true, (node, state) -> null);
    }

    private static Object constantKey(Constant c) {
        return List.of(c.value(), c.isWeak(), Arrays.hashCode(c.broadcastable()));
    }
}
