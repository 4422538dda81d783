package org.theano4j.rewrite;

import java.util.Arrays;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.TensorType;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarFn;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Small matchers and builders shared by the rule files: "is this node {@code fn(a, b)}", "is
 * this operand the scalar constant c (seen through the facade's padding dimshuffles and
 * casts)", and builders that apply elementwise ops without the facade's promotion.
 */
final class Patterns {
    private Patterns() {
    }

    /** Whether {@code v} is computed by the elementwise function {@code fn}. */
    static boolean is(Variable v, ScalarFn fn) {
        return v != null && v.owner() != null && isNode(v.owner(), fn);
    }

    /** Whether {@code node} applies the elementwise function {@code fn}. */
    static boolean isNode(Apply node, ScalarFn fn) {
        return node.op() instanceof Elemwise e && e.fn().equals(fn);
    }

    /** Input {@code i} of the node computing {@code v}. */
    static Variable arg(Variable v, int i) {
        return v.owner().input(i);
    }

    /**
     * The value of {@code v} when it is a constant whose elements all equal one value (a scalar,
     * a padded scalar, a cast or dimshuffle of one); null otherwise.
     */
    static Double scalarConstant(Variable v) {
        if (v instanceof Constant c) {
            return uniformValue(c.value());
        }
        Apply node = v.owner();
        if (node == null || node.inputs().size() != 1) {
            return null;
        }
        if (node.op() instanceof DimShuffle) {
            return scalarConstant(node.input(0));
        }
        if (node.op() instanceof Elemwise e && e.fn() instanceof ScalarCast cast) {
            Double inner = scalarConstant(node.input(0));
            return inner == null ? null : org.theano4j.op.Casting.castDouble(inner, cast.to());
        }
        return null;
    }

    private static Double uniformValue(NDArray a) {
        if (a.size() == 0) {
            return null;
        }
        double first = a.dtype().isFloat() ? a.getFlat(0) : a.getFlatLong(0);
        for (long i = 1; i < a.size(); i++) {
            double x = a.dtype().isFloat() ? a.getFlat(i) : a.getFlatLong(i);
            if (Double.compare(x, first) != 0) {
                return null;
            }
        }
        return first;
    }

    /** Whether {@code v} is a constant equal to {@code value} everywhere. */
    static boolean isConstant(Variable v, double value) {
        Double c = scalarConstant(v);
        return c != null && c == value;
    }

    /**
     * Whether {@code v} is a constant with one element (so it cannot enlarge a broadcast): a
     * {@link Constant} of size 1, or a dimshuffle/cast chain over one.
     */
    static boolean isSizeOneConstant(Variable v) {
        if (v instanceof Constant c) {
            return c.value().size() == 1;
        }
        Apply node = v.owner();
        if (node == null || node.inputs().size() != 1) {
            return false;
        }
        boolean passThrough = node.op() instanceof DimShuffle
                || node.op() instanceof Elemwise e && e.fn() instanceof ScalarCast;
        return passThrough && isSizeOneConstant(node.input(0));
    }

    /**
     * Whether {@code other} is a one-element constant equal to {@code value} and dropping it from
     * an elementwise node whose output is {@code out} leaves {@code x}'s type unchanged.
     */
    static boolean isNeutral(Variable other, double value, Variable x, Variable out) {
        return isSizeOneConstant(other) && isConstant(other, value) && x.type().equals(out.type());
    }

    /** {@code fn(inputs...)} applied directly (inputs must already share a compute dtype and ndim). */
    static Variable apply(ScalarFn fn, Variable... inputs) {
        return Apply.single(new Elemwise(fn), inputs);
    }

    /** A constant of {@code like}'s dtype and ndim, every axis of length 1, holding {@code value}. */
    static Constant constantLike(Variable like, double value) {
        long[] ones = new long[like.ndim()];
        Arrays.fill(ones, 1);
        return new Constant(NDArray.full(like.dtype(), value, ones));
    }

    /** The negation of {@code v}, simplified where that needs no new node beyond one. */
    static Variable negate(Variable v) {
        if (is(v, ScalarOp.NEG)) {
            return arg(v, 0);
        }
        if (is(v, ScalarOp.SUB)) {
            Variable a = arg(v, 0);
            Variable b = arg(v, 1);
            // -(-a - b) = a + b; -(a - b) = b - a
            return is(a, ScalarOp.NEG) ? apply(ScalarOp.ADD, arg(a, 0), b) : apply(ScalarOp.SUB, b, a);
        }
        if (v instanceof Constant c && c.dtype().isFloat()) {
            NDArray neg = c.value().copy();
            for (long i = 0; i < neg.size(); i++) {
                neg.setFlat(i, -neg.getFlat(i));
            }
            return new Constant(neg, c.isWeak(), null);
        }
        return apply(ScalarOp.NEG, v);
    }

    /** Whether {@code v} is a floating-point tensor. */
    static boolean isFloat(Variable v) {
        return v.type() instanceof TensorType t && t.dtype().isFloat();
    }

    /** Whether casting {@code from} to {@code to} is a float-to-float conversion. */
    static boolean floatToFloat(DType from, DType to) {
        return from.isFloat() && to.isFloat();
    }
}
