package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A scalar function lifted to tensors with numpy broadcasting. All inputs have the same number
 * of axes (the facade pads with broadcastable axes) and, except a switch's condition, the same
 * compute dtype (the facade inserts casts).
 */
public record Elemwise(ScalarFn fn) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != fn.arity()) {
            throw new IllegalArgumentException(fn.name() + " takes " + fn.arity() + " inputs, got " + inputs.size());
        }
        return List.of(ElemwiseShapes.outputType(fn.name(), inputs, fn.outputDType(computeDType(inputs))));
    }

    /** The dtype the computation runs in (that of the first data input). */
    public DType computeDType(List<Variable> inputs) {
        int data = fn.conditionInput() == 0 ? 1 : 0;
        DType compute = inputs.get(data).dtype();
        for (int i = 0; i < inputs.size(); i++) {
            if (i != fn.conditionInput() && inputs.get(i).dtype() != compute) {
                throw new IllegalArgumentException(fn.name() + ": input dtypes differ (" + compute.numpyName()
                        + " and " + inputs.get(i).dtype().numpyName() + "); cast first");
            }
        }
        return compute;
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
        return ElemwiseShapes.outputShapes(fn.name(), inputs);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray[] in = new NDArray[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (NDArray) inputs[i];
        }
        DType compute = in[fn.conditionInput() == 0 ? 1 : 0].dtype();
        NDArray out = NDArray.empty(fn.outputDType(compute), outputShapes(inputs)[0]);
        evaluateInto(fn, compute, in, out);
        return new Object[] {out};
    }

    /** Reference loop: {@code out = fn(in...)} elementwise with broadcasting, exact as {@link ScalarSemantics}. */
    public static void evaluateInto(ScalarFn fn, DType compute, NDArray[] in, NDArray out) {
        List<ScalarExpr> args = new ArrayList<>(in.length);
        for (int i = 0; i < in.length; i++) {
            args.add(new ScalarExpr.Input(i, in[i].dtype()));
        }
        Composite.evaluateInto(new ScalarExpr.Call(fn, args, fn.outputDType(compute)), in, out);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        List<Variable> raw = fn.grad(node.inputs(), node.output(0), gz);
        List<Variable> result = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Variable g = raw.get(i);
            Variable x = node.input(i);
            // an integer input gets a real-valued gradient when the output is real (Theano 1.0)
            boolean carries = x.dtype().isFloat() || node.output(0).dtype().isFloat() && g != null && g.dtype().isFloat();
            result.add(g == null || !carries ? null : Broadcasting.reduceTo(g, x));
        }
        return result;
    }

    @Override
    public String displayName() {
        return "Elemwise{" + fn.name().toLowerCase(java.util.Locale.ROOT) + "}";
    }

    @Override
    public String format(List<String> inputs) {
        String name = fn.name().toLowerCase(java.util.Locale.ROOT);
        if (fn.infix() != null && inputs.size() == 2) {
            return "(" + inputs.get(0) + " " + fn.infix() + " " + inputs.get(1) + ")";
        }
        if (fn == ScalarOp.NEG) {
            return "-" + inputs.get(0);
        }
        return name + "(" + String.join(", ", inputs) + ")";
    }
}
