package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * {@code alloc(value, template)}: a new tensor of the run-time shape of {@code template} filled
 * with {@code value} broadcast to it (Theano's {@code Alloc}/{@code fill}). It has the template's
 * type with the value's dtype, so {@code zerosLike} works without knowing shapes statically.
 */
public record Alloc() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("Alloc takes 2 inputs (value, template), got " + inputs.size());
        }
        Variable value = inputs.get(0);
        Variable template = inputs.get(1);
        if (value.ndim() > template.ndim()) {
            throw new IllegalArgumentException("Alloc: value " + value + " has ndim " + value.ndim()
                    + ", more than the template " + template + " (ndim " + template.ndim() + ")");
        }
        return List.of(template.tensorType().withDType(value.dtype()));
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(inputShapes.get(1));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {((NDArray) inputs[1]).shape()};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray value = (NDArray) inputs[0];
        long[] shape = ((NDArray) inputs[1]).shape();
        NDArray out = NDArray.empty(value.dtype(), shape);
        try {
            out.copyFrom(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Alloc: value of shape " + Shapes.toString(value.shape())
                    + " does not broadcast to shape " + Shapes.toString(shape), e);
        }
        return new Object[] {out};
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable value = node.input(0);
        Variable gz = outputGrads.get(0);
        if (!value.dtype().isFloat() || gz == null) {
            return Arrays.asList(null, null);
        }
        return Arrays.asList(Broadcasting.reduceTo(gz, value), null);
    }

    @Override
    public String displayName() {
        return "Alloc";
    }

    @Override
    public String format(List<String> inputs) {
        return "alloc(" + inputs.get(0) + ", shape(" + inputs.get(1) + "))";
    }
}
