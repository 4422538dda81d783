package org.theano4j.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;

/**
 * One application of an {@link Op} to input variables, producing output variables
 * (the other half of Theano's bipartite graph). Identity equality.
 */
public final class Apply {
    private final Op op;
    private final List<Variable> inputs;
    private final List<Variable> outputs;

    private Apply(Op op, List<Variable> inputs, List<Type> outputTypes, String name) {
        this.op = op;
        this.inputs = List.copyOf(inputs);
        List<Variable> outs = new ArrayList<>(outputTypes.size());
        for (int i = 0; i < outputTypes.size(); i++) {
            outs.add(op.makeOutput(outputTypes.get(i), this, i, name));
        }
        this.outputs = Collections.unmodifiableList(outs);
    }

    /** Applies {@code op} to {@code inputs}: validates them and creates typed outputs. */
    public static Apply of(Op op, List<Variable> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                throw new IllegalArgumentException(op + ": input " + i + " is null");
            }
        }
        Apply node = new Apply(op, inputs, op.outputTypes(inputs), null);
        TestValues.compute(node);
        return node;
    }

    /** A copy of single-output {@code node} whose output carries {@code name}. */
    public static Variable named(Apply node, String name) {
        return new Apply(node.op, node.inputs, List.of(node.output(0).type()), name).output(0);
    }

    /** Applies {@code op} and returns its single output. */
    public static Variable single(Op op, Variable... inputs) {
        Apply node = of(op, List.of(inputs));
        if (node.outputs.size() != 1) {
            throw new IllegalStateException(op + " has " + node.outputs.size() + " outputs, not one");
        }
        return node.outputs.get(0);
    }

    /** The operation. */
    public Op op() {
        return op;
    }

    /** Input variables, in order. */
    public List<Variable> inputs() {
        return inputs;
    }

    /** Input {@code i}. */
    public Variable input(int i) {
        return inputs.get(i);
    }

    /** Output variables, in order. */
    public List<Variable> outputs() {
        return outputs;
    }

    /** Output {@code i}. */
    public Variable output(int i) {
        return outputs.get(i);
    }

    /** A new node applying the same op to other inputs. */
    public Apply withInputs(List<Variable> newInputs) {
        return of(op, newInputs);
    }

    @Override
    public String toString() {
        return op + inputs.toString();
    }
}
