package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.op.Elemwise;
import org.theano4j.op.MakeVector;
import org.theano4j.op.Shape;
import org.theano4j.op.ShapeOps;
import org.theano4j.op.SpecifyShape;
import org.theano4j.op.Subtensor;
import org.theano4j.tensor.NDArray;

/**
 * Shape inference (Theano's {@code Op.infer_shape} rewrites, tutorial page "shape_info"): a
 * function that only needs the shape of an expression does not compute the expression.
 * {@code shape(elemwise(x, b...)) -> shape(x)} when every other input is broadcastable along
 * every axis (so the result has exactly x's shape and no shape error can be lost), and
 * {@code shape(specifyShape(x, s)) -> s}, which, as in Theano, trusts the specified shape.
 * Then, for any other op with a shape rule ({@link org.theano4j.graph.Op#inferShape}), the rule
 * over the inputs' shapes ({@link SymbolicDims}): {@code shape(join(0, x, y))} becomes
 * {@code [shape(x)[0] + shape(y)[0], shape(x)[1]]} and the join is not computed. As in Theano, the
 * lengths an op requires to agree (a join's other axes, a dot's contracted axis) are taken from
 * its first operand and not checked; an elementwise result is rewritten only where its shape is
 * that of one operand, so no broadcasting error is lost.
 */
final class ShapeRules {
    private ShapeRules() {
    }

    /** The rules, in the order they are tried. */
    static List<LocalRule> all() {
        return List.of(LocalRule.single(ShapeRules::shapeOfElemwise), LocalRule.single(ShapeRules::shapeOfSpecifyShape),
                LocalRule.single(ShapeRules::shapeByOpRule), LocalRule.single(ShapeRules::indexOfMakeVector));
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

    /** {@code shape(f(xs)) ->} f's shape rule over the shapes of the xs, where f has one. */
    static Variable shapeByOpRule(Apply node) {
        Apply owner = node.op() instanceof Shape ? node.input(0).owner() : null;
        if (owner == null) {
            return null;
        }
        List<List<Variable>> in = new ArrayList<>(owner.inputs().size());
        for (Variable v : owner.inputs()) {
            in.add(v.isTensor() ? SymbolicDims.shapeOf(v) : null);
        }
        List<List<Variable>> out = owner.op().inferShape(owner, in, SymbolicDims.INSTANCE);
        List<Variable> dims = out == null ? null : out.get(node.input(0).index());
        if (dims == null || dims.contains(null)) {
            return null;
        }
        Variable whole = SymbolicDims.wholeShape(dims);
        return whole != null ? whole : Apply.single(new MakeVector(), dims.toArray(Variable[]::new));
    }

    /** {@code makeVector(a, b, ...)[i] ->} the i-th operand (Theano's {@code local_subtensor_make_vector}). */
    static Variable indexOfMakeVector(Apply node) {
        if (!(node.op() instanceof Subtensor s) || s.entries().size() != 1 || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof MakeVector)) {
            return null;
        }
        Subtensor.Entry e = s.entries().get(0);
        if (e.slice() || e.start().input() || e.start().value() == null) {
            return null;
        }
        List<Variable> parts = node.input(0).owner().inputs();
        long i = e.start().value() < 0 ? e.start().value() + parts.size() : e.start().value();
        return i >= 0 && i < parts.size() ? parts.get((int) i) : null;
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
