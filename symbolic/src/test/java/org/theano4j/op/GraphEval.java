package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.IdentityHashMap;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Evaluates a graph with each op's reference {@code evaluate}, checking on the way that every
 * output has its declared type and, where the op gives them, the shapes {@code outputShapes} promised.
 */
final class GraphEval {
    private GraphEval() {
    }

    static NDArray eval(Variable out, Map<Variable, NDArray> inputs) {
        return eval(out, inputs, new IdentityHashMap<>());
    }

    private static NDArray eval(Variable v, Map<Variable, NDArray> inputs, Map<Variable, NDArray> memo) {
        NDArray known = memo.get(v);
        if (known != null) {
            return known;
        }
        if (v instanceof Constant c) {
            return c.value();
        }
        Apply node = v.owner();
        if (node == null) {
            NDArray given = inputs.get(v);
            if (given == null) {
                throw new IllegalStateException("no value for input " + v);
            }
            return given;
        }
        Object[] args = new Object[node.inputs().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(node.input(i), inputs, memo);
        }
        long[][] promised = node.op().outputShapes(args);
        Object[] results = node.op().evaluate(args);
        for (int i = 0; i < results.length; i++) {
            NDArray r = (NDArray) results[i];
            Variable o = node.output(i);
            TensorType t = o.tensorType();
            assertEquals(t.dtype(), r.dtype(), () -> node.op().displayName() + " output dtype");
            assertEquals(t.ndim(), r.ndim(), () -> node.op().displayName() + " output ndim");
            for (int a = 0; a < t.ndim(); a++) {
                if (t.isBroadcastable(a)) {
                    assertEquals(1, r.shape(a), node.op().displayName() + " broadcastable axis " + a + " of "
                            + Shapes.toString(r.shape()));
                }
            }
            if (promised != null) {
                assertArrayEquals(promised[i], r.shape(), () -> node.op().displayName() + " outputShapes");
            }
            memo.put(o, r);
        }
        return memo.get(v);
    }
}
