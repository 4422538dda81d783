package org.theano4j.grad;

import java.util.List;
import org.theano4j.Config;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;

/**
 * A gradient that is mathematically undefined (Theano's {@code NullType} gradient), returned by an
 * op's gradient rule for such an input. It may flow through other gradient rules; {@link Gradients}
 * fails, giving the reason, when one reaches a variable whose gradient was asked for. It never runs.
 *
 * @param reason why the gradient is undefined
 */
public record NullGrad(String reason) implements Op {

    /** An undefined gradient for {@code input} (float, of input's shape), saying {@code reason}. */
    public static Variable of(Variable input, String reason) {
        return Apply.single(new NullGrad(reason), input);
    }

    /** The reason of the first undefined gradient that {@code g} is built from, or null. */
    static String reasonIn(Variable g) {
        for (Apply node : Graphs.toposort(List.of(g))) {
            if (node.op() instanceof NullGrad n) {
                return n.reason();
            }
        }
        return null;
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        TensorType t = inputs.get(0).tensorType();
        return List.of(t.dtype().isFloat() ? t : new TensorType(Config.floatX(), t.broadcastable()));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        throw new IllegalArgumentException("an undefined gradient was computed: " + reason);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
