package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * Theano's crossentropy_categorical_1hot: for a matrix of probabilities {@code p} and an integer
 * vector {@code t} of class indices, the vector {@code -log(p[i, t[i]])}. Negative indices wrap
 * like numpy's fancy indexing.
 */
public record CrossentropyCategorical1Hot() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("CrossentropyCategorical1Hot takes 2 inputs (p, targets), got " + inputs.size());
        }
        TensorType p = checkArgs("CrossentropyCategorical1Hot", inputs.get(0), inputs.get(1));
        return List.of(new TensorType(p.dtype(), p.isBroadcastable(0)));
    }

    /** Checks p (float matrix) and t (integer vector); returns p's type. */
    static TensorType checkArgs(String op, Variable p, Variable t) {
        if (p.ndim() != 2 || !p.dtype().isFloat()) {
            throw new IllegalArgumentException(op + ": p " + p + " must be a float matrix, got " + p.type().describe());
        }
        if (t.ndim() != 1 || !t.dtype().isInteger()) {
            throw new IllegalArgumentException(op + ": targets " + t + " must be an integer vector, got "
                    + t.type().describe());
        }
        return p.tensorType();
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {{((NDArray) inputs[0]).shape(0)}};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray p = (NDArray) inputs[0];
        Indices t = targets("CrossentropyCategorical1Hot", p, (NDArray) inputs[1]);
        NDArray out = NDArray.empty(p.dtype(), p.shape(0));
        for (long i = 0; i < t.count(); i++) {
            out.writeDouble(i, -Math.log(p.getDouble(i, t.get(i))));
        }
        return new Object[] {out};
    }

    /** The target indices, wrapped and checked against p's shape. */
    public static Indices targets(String op, NDArray p, NDArray t) {
        if (t.size() != p.shape(0)) {
            throw new IllegalArgumentException(op + ": p has " + p.shape(0) + " rows but the targets have "
                    + t.size() + " entries");
        }
        return Indices.check(t, p.shape(1), 1);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gy = outputGrads.get(0);
        if (gy == null) {
            return Arrays.asList(null, null);
        }
        Variable p = node.input(0);
        Variable gp = Apply.single(new CrossentropyCategorical1HotGrad(), Operands.castTo(gy, p.dtype()), p, node.input(1));
        return Arrays.asList(gp, null);
    }

    @Override
    public String displayName() {
        return "CrossentropyCategorical1Hot";
    }

    @Override
    public String format(List<String> inputs) {
        return "crossentropy_categorical_1hot(" + String.join(", ", inputs) + ")";
    }
}
