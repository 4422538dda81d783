package org.theano4j.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Theano's {@code tensor.alloc(value, *shape)}: a new tensor of the given shape, whose lengths are
 * integer scalars known at run time, filled with {@code value} broadcast to it. Inputs:
 * {@code (value, length0, length1, ...)}. {@link Alloc} is the form that takes its shape from a template.
 *
 * @param broadcastable the output's broadcastable pattern (true where the length is the constant 1)
 */
public record AllocShape(List<Boolean> broadcastable) implements Op {

    /** Copies the pattern. */
    public AllocShape {
        broadcastable = List.copyOf(broadcastable);
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != broadcastable.size() + 1) {
            throw new IllegalArgumentException("AllocShape takes " + (broadcastable.size() + 1)
                    + " inputs (value and one length per axis), got " + inputs.size());
        }
        Variable value = inputs.get(0);
        if (value.ndim() > broadcastable.size()) {
            throw new IllegalArgumentException("alloc: value " + value + " has ndim " + value.ndim() + ", more than the "
                    + broadcastable.size() + " lengths given");
        }
        for (int i = 1; i < inputs.size(); i++) {
            Variable n = inputs.get(i);
            if (n.ndim() != 0 || !n.dtype().isInteger()) {
                throw new IllegalArgumentException("alloc: length " + (i - 1) + " must be an integer scalar, got " + n
                        + " of type " + n.type().describe());
            }
        }
        boolean[] bc = new boolean[broadcastable.size()];
        for (int i = 0; i < bc.length; i++) {
            bc[i] = broadcastable.get(i);
        }
        return List.of(new TensorType(value.dtype(), bc));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        long[] shape = new long[inputs.length - 1];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ((NDArray) inputs[i + 1]).getFlatLong(0);
            if (shape[i] < 0) {
                throw new IllegalArgumentException("alloc: length " + i + " is negative: " + shape[i]);
            }
        }
        return new long[][] {shape};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray value = (NDArray) inputs[0];
        long[] shape = outputShapes(inputs)[0];
        NDArray out = NDArray.empty(value.dtype(), shape);
        try {
            out.copyFrom(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alloc: value of shape " + Shapes.toString(value.shape())
                    + " does not broadcast to shape " + Shapes.toString(shape), e);
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable value = node.input(0);
        Variable gz = outputGrads.get(0);
        List<Variable> grads = new ArrayList<>(Collections.nCopies(node.inputs().size(), (Variable) null));
        if (value.dtype().isFloat() && gz != null) {
            grads.set(0, Broadcasting.reduceTo(gz, value));
        }
        return grads;
    }

    @Override
    public String displayName() {
        return "AllocShape{" + broadcastable.size() + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return "alloc(" + String.join(", ", inputs) + ")";
    }
}
