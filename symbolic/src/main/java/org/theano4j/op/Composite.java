package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
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
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public boolean mayOverwrite(int input) {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ShapeRules.broadcast(inputShapes, dims);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return ElemwiseShapes.outputShapes("elementwise " + ScalarExpr.format(expr), inputs);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray[] in = new NDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = (NDArray) inputs[i];
        }
        NDArray out = NDArray.empty(expr.dtype(), outputShapes(inputs)[0]);
        evaluateInto(expr, in, out);
        return new Object[] {out};
    }

    /**
     * Reference loop: {@code out = expr(in...)} elementwise with broadcasting, each element
     * evaluated exactly ({@link ScalarExpr#evaluateInteger}, {@link ScalarExpr#evaluateReal}) and
     * written into the preallocated {@code out}, which may be any view.
     */
    public static void evaluateInto(ScalarExpr expr, NDArray[] in, NDArray out) {
        long[] ints = new long[in.length];
        double[] floats = new double[in.length];
        if (out.size() == 1) { // a 0-d cast of a computed size, say: every input holds one element too
            for (int k = 0; k < in.length; k++) {
                read(in[k], in[k].offset(), k, ints, floats);
            }
            write(expr, out, out.offset(), ints, floats);
            return;
        }
        NDArray[] all = new NDArray[in.length + 1];
        System.arraycopy(in, 0, all, 0, in.length);
        all[in.length] = out;
        for (Loops it = new Loops(out.shape(), all); it.hasNext(); it.next()) {
            for (int k = 0; k < in.length; k++) {
                read(in[k], it.pos(k), k, ints, floats);
            }
            write(expr, out, it.pos(in.length), ints, floats);
        }
    }

    private static void read(NDArray a, long pos, int k, long[] ints, double[] floats) {
        if (a.dtype().isFloat()) {
            floats[k] = a.readDouble(pos);
        } else {
            ints[k] = a.readLong(pos);
        }
    }

    private static void write(ScalarExpr expr, NDArray out, long pos, long[] ints, double[] floats) {
        if (out.dtype().isFloat()) {
            out.writeDouble(pos, ScalarExpr.evaluateReal(expr, ints, floats));
        } else {
            out.writeLong(pos, ScalarExpr.evaluateInteger(expr, ints, floats));
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
