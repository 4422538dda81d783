package org.theano4j.op;

import java.util.Collections;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Theano's {@code SpecifyShape}: the identity (a view of its input) that checks at run time that
 * the input has exactly {@code shape}, and tells shape inference that it does. A wrong shape is
 * an {@link IllegalArgumentException} naming the input, the given and the specified shape.
 */
public record SpecifyShape(List<Long> shape) implements Op {

    /** Copies {@code shape}; every entry must be at least 0. */
    public SpecifyShape {
        for (Long d : shape) {
            if (d == null || d < 0) {
                throw new IllegalArgumentException("specifyShape: shape entries must be >= 0, got " + shape);
            }
        }
        shape = List.copyOf(shape);
    }

    /** The specified shape as an array. */
    public long[] shapeArray() {
        return shape.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("specifyShape takes 1 input, got " + inputs.size());
        }
        Variable x = inputs.get(0);
        if (x.ndim() != shape.size()) {
            throw new IllegalArgumentException("specifyShape: " + x + " has ndim " + x.ndim() + " but the specified shape "
                    + Shapes.toString(shapeArray()) + " has " + shape.size() + " entries");
        }
        for (int i = 0; i < shape.size(); i++) {
            if (x.tensorType().isBroadcastable(i) && shape.get(i) != 1) {
                throw new IllegalArgumentException("specifyShape: axis " + i + " of " + x + " is broadcastable (length 1)"
                        + " but the specified shape is " + Shapes.toString(shapeArray()));
            }
        }
        return List.of(x.type());
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(shape.stream().map(dims::known).toList()); // checked at run time
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        long[] want = shapeArray();
        if (!java.util.Arrays.equals(x.shape(), want)) {
            throw new IllegalArgumentException("specifyShape: the input has shape " + Shapes.toString(x.shape())
                    + " but shape " + Shapes.toString(want) + " was specified");
        }
        return new Object[] {x};
    }

    @Override
    public boolean isView() {
        return true;
    }

    /** Checks the input's shape only. */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return false;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return Collections.singletonList(outputGrads.get(0));
    }

    @Override
    public String displayName() {
        return "SpecifyShape" + Shapes.toString(shapeArray());
    }

    @Override
    public String format(List<String> inputs) {
        return "specifyShape(" + inputs.get(0) + ", " + Shapes.toString(shapeArray()) + ")";
    }
}
