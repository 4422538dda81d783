package org.theano4j.rewrite;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Shape;
import org.theano4j.op.ShapeOps;
import org.theano4j.op.SpecifyShape;
import org.theano4j.tensor.NDArray;

/**
 * Shape inference (Theano's {@code Op.infer_shape} rewrites, tutorial page "shape_info"): a
 * function that only needs the shape of an expression does not compute the expression.
 * {@code shape(elemwise(x, b...)) -> shape(x)} when every other input is broadcastable along
 * every axis (so the result has exactly x's shape and no shape error can be lost), and
 * {@code shape(specifyShape(x, s)) -> s}, which, as in Theano, trusts the specified shape.
 */
final class ShapeRules {
    private ShapeRules() {
    }

    /** The rules, in the order they are tried. */
    static List<LocalRule> all() {
        return List.of(LocalRule.single(ShapeRules::shapeOfElemwise), LocalRule.single(ShapeRules::shapeOfSpecifyShape));
    }

    /** {@code shape(f(x, b...)) -> shape(x)} for elementwise f whose other inputs are all-broadcastable. */
    static Variable shapeOfElemwise(Apply node) {
        if (!(node.op() instanceof Shape) || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof Elemwise)) {
            return null;
        }
        Variable dominant = null;
        for (Variable in : node.input(0).owner().inputs()) {
            if (!allBroadcastable(in)) {
                if (dominant != null) {
                    return null;
                }
                dominant = in;
            }
        }
        return ShapeOps.shape(dominant != null ? dominant : node.input(0).owner().input(0));
    }

    /** {@code shape(specifyShape(x, s)) -> s}. */
    static Variable shapeOfSpecifyShape(Apply node) {
        if (node.op() instanceof Shape && node.input(0).owner() != null
                && node.input(0).owner().op() instanceof SpecifyShape s) {
            return new Constant(NDArray.of(s.shapeArray()));
        }
        return null;
    }

    private static boolean allBroadcastable(Variable v) {
        for (boolean b : v.broadcastable()) {
            if (!b) {
                return false;
            }
        }
        return true;
    }
}
