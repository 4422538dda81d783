package org.theano4j.op;

import java.util.List;
import org.theano4j.tensor.DType;

/**
 * A tree of scalar functions over the inputs of a fused elementwise kernel ({@link Composite}).
 * Every node carries the dtype its result is stored in.
 */
public sealed interface ScalarExpr {
    /** The dtype of this node's value. */
    DType dtype();

    /** Input {@code index} of the composite. */
    record Input(int index, DType dtype) implements ScalarExpr {
    }

    /** A scalar constant. */
    record Const(double value, DType dtype) implements ScalarExpr {
    }

    /** {@code fn(args...)}; {@code dtype} is fn's output dtype. */
    record Call(ScalarFn fn, List<ScalarExpr> args, DType dtype) implements ScalarExpr {
        /** A call node. */
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Evaluates the tree on one element (reference semantics: each node rounded to its dtype). */
    static double evaluate(ScalarExpr e, double[] inputs) {
        return switch (e) {
            case Input in -> inputs[in.index()];
            case Const c -> c.value();
            case Call call -> apply(call, inputs);
        };
    }

    private static double apply(Call call, double[] inputs) {
        List<ScalarExpr> args = call.args();
        double a = args.size() > 0 ? evaluate(args.get(0), inputs) : 0;
        double b = args.size() > 1 ? evaluate(args.get(1), inputs) : 0;
        double c = args.size() > 2 ? evaluate(args.get(2), inputs) : 0;
        int data = call.fn().conditionInput() == 0 ? 1 : 0;
        DType compute = args.get(data).dtype();
        double r;
        if (compute.isFloat()) {
            r = call.fn().applyDouble(a, b, c);
        } else if (call.fn() == ScalarOp.NOT) {
            r = ScalarOp.applyNot((long) a, compute == DType.BOOL);
        } else {
            r = call.fn().applyLong((long) a, (long) b, (long) c);
        }
        return Casting.castDouble(r, call.dtype());
    }

    /** Formats the tree, e.g. {@code sigmoid((i0 + i1))}. */
    static String format(ScalarExpr e) {
        return switch (e) {
            case Input in -> "i" + in.index();
            case Const c -> c.dtype().isFloat() ? Double.toString(c.value()) : Long.toString((long) c.value());
            case Call call -> call.fn().infix() != null && call.args().size() == 2
                    ? "(" + format(call.args().get(0)) + " " + call.fn().infix() + " " + format(call.args().get(1)) + ")"
                    : call.fn().name().toLowerCase(java.util.Locale.ROOT) + "("
                            + String.join(", ", call.args().stream().map(ScalarExpr::format).toList()) + ")";
        };
    }
}
