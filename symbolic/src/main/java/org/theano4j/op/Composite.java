package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Op;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A fused chain of elementwise functions (Theano's {@code Composite}): one pass over the data
 * evaluates the whole {@link ScalarExpr} tree per element, with numpy broadcasting over the
 * inputs. Made by the fusion rewrite; never differentiated (gradients are taken before rewrites).
 *
 * @param expr the scalar tree over inputs {@code i0 .. i(n-1)}
 * @param nInputs the number of inputs
 */
public record Composite(ScalarExpr expr, int nInputs) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != nInputs) {
            throw new IllegalArgumentException("composite takes " + nInputs + " inputs, got " + inputs.size());
        }
        return List.of(ElemwiseShapes.outputType("composite", inputs, expr.dtype()));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return ElemwiseShapes.outputShapes("elementwise " + ScalarExpr.format(expr), inputs);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray[] in = new NDArray[inputs.length + 1];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = (NDArray) inputs[i];
        }
        NDArray out = NDArray.empty(expr.dtype(), outputShapes(inputs)[0]);
        in[inputs.length] = out;
        Loops it = new Loops(out.shape(), in);
        double[] values = new double[inputs.length];
        for (; it.hasNext(); it.next()) {
            for (int k = 0; k < inputs.length; k++) {
                values[k] = read(in[k], it.pos(k));
            }
            write(out, it.pos(inputs.length), ScalarExpr.evaluate(expr, values));
        }
        return new Object[] {out};
    }

    private static double read(NDArray a, long pos) {
        return a.dtype().isFloat() ? a.readDouble(pos) : a.readLong(pos);
    }

    private static void write(NDArray a, long pos, double v) {
        if (a.dtype().isFloat()) {
            a.writeDouble(pos, v);
        } else {
            a.writeLong(pos, (long) v);
        }
    }

    /** The dtype of the result. */
    public DType dtype() {
        return expr.dtype();
    }

    @Override
    public String displayName() {
        return "Composite{" + ScalarExpr.format(expr) + "}";
    }
}
