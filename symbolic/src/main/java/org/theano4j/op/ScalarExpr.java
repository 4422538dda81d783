package org.theano4j.op;

import java.util.List;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A tree of scalar functions over the inputs of a fused elementwise kernel ({@link Composite}).
 * Every node carries the dtype its result is stored in. Evaluation is exact: each node has the
 * value {@link ScalarSemantics} gives it, integer nodes on longs, float nodes on doubles.
 */
public sealed interface ScalarExpr {
    /** The dtype of this node's value. */
    DType dtype();

    /** Input {@code index} of the composite. */
    record Input(int index, DType dtype) implements ScalarExpr {
    }

    /**
     * A scalar constant, held exactly: a {@link Long} for integer and bool dtypes (wrapped to the
     * width, uint64 as its bit pattern), a {@link Double} rounded to the dtype for floats.
     *
     * @param value the value; any {@link Number} is converted to the dtype as an array store would
     * @param dtype its dtype
     */
    record Const(Number value, DType dtype) implements ScalarExpr {
        /** Normalizes {@code value} to the dtype. */
        public Const {
            boolean integral = !(value instanceof Double || value instanceof Float);
            if (dtype.isFloat()) {
                value = integral ? Casting.toReal(value.longValue(), DType.INT64, dtype)
                        : Casting.castDouble(value.doubleValue(), dtype);
            } else {
                value = integral ? Casting.castLong(value.longValue(), dtype) : Casting.toLong(value.doubleValue(), dtype);
            }
        }

        /** The constant held by a one-element array, exactly. */
        public static Const of(NDArray scalar) {
            DType d = scalar.dtype();
            return d.isFloat() ? new Const(scalar.getFlat(0), d) : new Const(scalar.getFlatLong(0), d);
        }

        /** An integer or bool constant's long form (uint64 as its bits); a float one truncated. */
        public long longValue() {
            return value.longValue();
        }

        /** The value as a double: exact for floats, the nearest double for integers. */
        public double doubleValue() {
            return dtype.isFloat() ? value.doubleValue() : Casting.toDouble(value.longValue(), dtype);
        }
    }

    /** {@code fn(args...)}; {@code dtype} is fn's output dtype. */
    record Call(ScalarFn fn, List<ScalarExpr> args, DType dtype) implements ScalarExpr {
        /** A call node. */
        public Call {
            args = List.copyOf(args);
        }

        /** The dtype the function computes in: that of its first data argument. */
        public DType computeDType() {
            return args.get(fn.conditionInput() == 0 ? 1 : 0).dtype();
        }
    }

    /**
     * The value of an integer or bool tree on one element; input {@code k} is {@code ints[k]} when
     * its dtype is an integer or bool (in {@link Casting}'s long form), {@code floats[k]} otherwise.
     */
    static long evaluateInteger(ScalarExpr e, long[] ints, double[] floats) {
        return switch (e) {
            case Input in -> ints[in.index()];
            case Const c -> c.longValue();
            case Call call -> call.computeDType().isFloat()
                    ? ScalarSemantics.realToInteger(call.fn(), call.computeDType(), realArg(call, 0, ints, floats),
                            realArg(call, 1, ints, floats), realArg(call, 2, ints, floats))
                    : ScalarSemantics.integer(call.fn(), call.computeDType(), integerArg(call, 0, ints, floats),
                            integerArg(call, 1, ints, floats), integerArg(call, 2, ints, floats));
        };
    }

    /** The value of a float tree on one element (inputs as for {@link #evaluateInteger}). */
    static double evaluateReal(ScalarExpr e, long[] ints, double[] floats) {
        return switch (e) {
            case Input in -> floats[in.index()];
            case Const c -> c.doubleValue();
            case Call call -> call.computeDType().isFloat()
                    ? ScalarSemantics.real(call.fn(), call.computeDType(), realArg(call, 0, ints, floats),
                            realArg(call, 1, ints, floats), realArg(call, 2, ints, floats))
                    : Casting.toReal(evaluateInteger(call.args().get(0), ints, floats), call.computeDType(), call.dtype());
        };
    }

    /** Argument {@code k} of an integer-computing call (0 past the last; a switch condition as 0 or 1). */
    private static long integerArg(Call call, int k, long[] ints, double[] floats) {
        if (k >= call.args().size()) {
            return 0;
        }
        return k == call.fn().conditionInput() ? truth(call.args().get(k), ints, floats)
                : evaluateInteger(call.args().get(k), ints, floats);
    }

    /** Argument {@code k} of a float-computing call (0 past the last; a switch condition as 0 or 1). */
    private static double realArg(Call call, int k, long[] ints, double[] floats) {
        if (k >= call.args().size()) {
            return 0;
        }
        return k == call.fn().conditionInput() ? truth(call.args().get(k), ints, floats)
                : evaluateReal(call.args().get(k), ints, floats);
    }

    private static long truth(ScalarExpr e, long[] ints, double[] floats) {
        boolean nonZero = e.dtype().isFloat() ? evaluateReal(e, ints, floats) != 0 : evaluateInteger(e, ints, floats) != 0;
        return nonZero ? 1 : 0;
    }

    /** Formats the tree, e.g. {@code sigmoid((i0 + i1))}. */
    static String format(ScalarExpr e) {
        return switch (e) {
            case Input in -> "i" + in.index();
            case Const c -> c.dtype().isFloat() ? Double.toString(c.doubleValue())
                    : c.dtype() == DType.UINT64 ? Long.toUnsignedString(c.longValue()) : Long.toString(c.longValue());
            case Call call -> call.fn().infix() != null && call.args().size() == 2
                    ? "(" + format(call.args().get(0)) + " " + call.fn().infix() + " " + format(call.args().get(1)) + ")"
                    : call.fn().name().toLowerCase(java.util.Locale.ROOT) + "("
                            + String.join(", ", call.args().stream().map(ScalarExpr::format).toList()) + ")";
        };
    }
}
