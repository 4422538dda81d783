package org.theano4j.rewrite;

import static org.theano4j.rewrite.Patterns.apply;
import static org.theano4j.rewrite.Patterns.arg;
import static org.theano4j.rewrite.Patterns.is;
import static org.theano4j.rewrite.Patterns.isConstant;
import static org.theano4j.rewrite.Patterns.isNode;
import static org.theano4j.rewrite.Patterns.isSizeOneConstant;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.CrossentropyCategorical1Hot;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Ops;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarOp;
import org.theano4j.op.Softmax;

/**
 * Numerical stabilization (Theano's stabilize phase, position 1.5): expressions that overflow
 * or lose all precision for large arguments become their stable equivalents. These rules also
 * run on a cost before it is differentiated ({@link Pipeline#stabilizeForGradient}), so that the
 * gradient is built from the stable forms.
 * <p>Node counts: the sigmoid, log1p, expm1 and log-softmax rules shrink the graph;
 * {@code log(sigmoid(x)) -> -softplus(-x)} adds at most one node (none when x is a negation or a
 * difference); log-sum-exp adds four (the max shift) and the softmax cross-entropy rule eight (a
 * one-hot selection). None of their outputs matches any rule again, so each fires once per
 * pattern.
 */
final class StabilizeRules {
    private StabilizeRules() {
    }

    /** The rules of this phase, in the order they are tried. */
    static List<LocalRule> all() {
        List<LocalRule> r = new ArrayList<>();
        r.add(LocalRule.single(StabilizeRules::logisticToSigmoid));
        r.add(LocalRule.single(StabilizeRules::logSigmoidToSoftplus));
        r.add(LocalRule.single(StabilizeRules::logOneMinusSigmoidToSoftplus));
        r.add(LocalRule.single(StabilizeRules::logOnePlusToLog1p));
        r.add(LocalRule.single(StabilizeRules::expMinusOneToExpm1));
        r.add(LocalRule.single(StabilizeRules::logSoftmaxToLogSoftmax));
        r.add(LocalRule.single(StabilizeRules::softmaxCrossentropyToLogSoftmax));
        r.add(LocalRule.single(StabilizeRules::logSumExpWithMaxShift));
        return r;
    }

    /**
     * {@code c / (1 + exp(t)) -> c * sigmoid(-t)} ({@code c = 1}: just the sigmoid), with the 1 on
     * either side of the addition and a float-to-float cast allowed around the denominator; also
     * {@code inv(1 + exp(t))}. The negation of t is simplified: {@code -(-a - b)} becomes
     * {@code a + b}, so the seed's {@code 1 / (1 + exp(-dot(x, w) - b))} becomes
     * {@code sigmoid(dot(x, w) + b)}.
     */
    static Variable logisticToSigmoid(Apply node) {
        Variable numerator;
        Variable denominator;
        if (isNode(node, ScalarOp.TRUE_DIV) && isSizeOneConstant(node.input(0))) {
            numerator = node.input(0);
            denominator = node.input(1);
        } else if (isNode(node, ScalarOp.INV)) {
            numerator = null;
            denominator = node.input(0);
        } else {
            return null;
        }
        boolean cast = is(denominator, castTo(node.output(0))) && Patterns.floatToFloat(arg(denominator, 0).dtype(), node.output(0).dtype());
        Variable sum = cast ? arg(denominator, 0) : denominator;
        Variable t = onePlusExpArgument(sum);
        if (t == null || !Patterns.isFloat(t)) {
            return null;
        }
        Variable s = apply(ScalarOp.SIGMOID, Patterns.negate(t));
        if (cast) {
            s = apply(castTo(node.output(0)), s);
        }
        if (numerator == null || isConstant(numerator, 1)) {
            return s.type().equals(node.output(0).type()) ? s : null;
        }
        Variable scaled = apply(ScalarOp.MUL, numerator, s);
        return scaled.type().equals(node.output(0).type()) ? scaled : null;
    }

    private static ScalarCast castTo(Variable like) {
        return new ScalarCast(like.dtype());
    }

    /** For {@code 1 + exp(t)} or {@code exp(t) + 1}, t; else null. */
    private static Variable onePlusExpArgument(Variable v) {
        if (!is(v, ScalarOp.ADD)) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Variable one = arg(v, i);
            Variable e = arg(v, 1 - i);
            if (isSizeOneConstant(one) && isConstant(one, 1) && is(e, ScalarOp.EXP) && e.type().equals(v.type())) {
                return arg(e, 0);
            }
        }
        return null;
    }

    /** {@code log(sigmoid(x)) -> -softplus(-x)}. */
    static Variable logSigmoidToSoftplus(Apply node) {
        if (!isNode(node, ScalarOp.LOG) || !is(node.input(0), ScalarOp.SIGMOID)) {
            return null;
        }
        Variable x = arg(node.input(0), 0);
        return apply(ScalarOp.NEG, apply(ScalarOp.SOFTPLUS, Patterns.negate(x)));
    }

    /** {@code log(1 - sigmoid(x)) -> -softplus(x)}. */
    static Variable logOneMinusSigmoidToSoftplus(Apply node) {
        if (!isNode(node, ScalarOp.LOG) || !is(node.input(0), ScalarOp.SUB)) {
            return null;
        }
        Variable diff = node.input(0);
        Variable one = arg(diff, 0);
        Variable s = arg(diff, 1);
        if (!isSizeOneConstant(one) || !isConstant(one, 1) || !is(s, ScalarOp.SIGMOID) || !s.type().equals(diff.type())) {
            return null;
        }
        return apply(ScalarOp.NEG, apply(ScalarOp.SOFTPLUS, arg(s, 0)));
    }

    /** {@code log(1 + x)} and {@code log(x + 1) -> log1p(x)} (float x). */
    static Variable logOnePlusToLog1p(Apply node) {
        if (!isNode(node, ScalarOp.LOG) || !is(node.input(0), ScalarOp.ADD)) {
            return null;
        }
        Variable sum = node.input(0);
        for (int i = 0; i < 2; i++) {
            Variable one = arg(sum, i);
            Variable x = arg(sum, 1 - i);
            if (isSizeOneConstant(one) && isConstant(one, 1) && x.type().equals(sum.type()) && Patterns.isFloat(x)) {
                return apply(ScalarOp.LOG1P, x);
            }
        }
        return null;
    }

    /** {@code exp(x) - 1} and {@code exp(x) + (-1) -> expm1(x)}. */
    static Variable expMinusOneToExpm1(Apply node) {
        double one;
        if (isNode(node, ScalarOp.SUB)) {
            one = 1;
        } else if (isNode(node, ScalarOp.ADD)) {
            one = -1;
        } else {
            return null;
        }
        Variable e = node.input(0);
        Variable c = node.input(1);
        if (!is(e, ScalarOp.EXP) || !isSizeOneConstant(c) || !isConstant(c, one) || !e.type().equals(node.output(0).type())) {
            return null;
        }
        return apply(ScalarOp.EXPM1, arg(e, 0));
    }

    /** {@code log(softmax(x)) -> logSoftmax(x)}. */
    static Variable logSoftmaxToLogSoftmax(Apply node) {
        if (!isNode(node, ScalarOp.LOG) || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof Softmax)) {
            return null;
        }
        return Apply.single(new LogSoftmax(), node.input(0).owner().input(0));
    }

    /**
     * {@code crossentropyCategorical1Hot(softmax(x), t) -> -logSoftmax(x)[i, t[i]]}, the entry
     * picked with a one-hot mask (a switch, so that {@code -inf} entries of other classes cannot
     * make NaN).
     */
    static Variable softmaxCrossentropyToLogSoftmax(Apply node) {
        if (!(node.op() instanceof CrossentropyCategorical1Hot) || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof Softmax)) {
            return null;
        }
        Variable logits = node.input(0).owner().input(0);
        Variable t = node.input(1);
        Variable ls = Apply.single(new LogSoftmax(), logits);
        Variable classes = Ops.arange(0, Ops.subtensor(Ops.shape(ls), 1), 1);
        Variable mask = Ops.eq(Ops.dimshuffle(classes, "x", 0), Ops.dimshuffle(t, 0, "x"));
        Variable picked = apply(ScalarOp.SWITCH, mask, ls, Patterns.constantLike(ls, 0));
        Variable ce = apply(ScalarOp.NEG, Apply.single(new Reduce(Reduce.Kind.SUM, List.of(1)), picked));
        return ce.type().equals(node.output(0).type()) ? ce : null;
    }

    /**
     * {@code log(sum(exp(x), axes)) -> m + log(sum(exp(x - m'), axes))} with {@code m = max(x,
     * axes)} and {@code m'} m with the reduced axes kept (Theano's {@code local_log_sum_exp}).
     * Where a reduced slice is all {@code -inf} or holds {@code +inf} the result is NaN instead of
     * the unstable form's {@code -inf}/{@code inf}.
     */
    static Variable logSumExpWithMaxShift(Apply node) {
        if (!isNode(node, ScalarOp.LOG) || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof Reduce r) || r.kind() != Reduce.Kind.SUM) {
            return null;
        }
        Variable e = node.input(0).owner().input(0);
        if (!is(e, ScalarOp.EXP) || !Patterns.isFloat(e)) {
            return null;
        }
        Variable x = arg(e, 0);
        Variable m = Apply.single(new Reduce(Reduce.Kind.MAX, r.axes()), x);
        Variable mk = keepDims(m, r.axes(), x.ndim());
        Variable shifted = apply(ScalarOp.EXP, apply(ScalarOp.SUB, x, mk));
        Variable lse = apply(ScalarOp.ADD, m, apply(ScalarOp.LOG, Apply.single(r, shifted)));
        return lse.type().equals(node.output(0).type()) ? lse : null;
    }

    /** {@code m} (reduced over {@code axes} of an ndim-{@code ndim} tensor) with those axes back as length 1. */
    private static Variable keepDims(Variable m, List<Integer> axes, int ndim) {
        Object[] pattern = new Object[ndim];
        for (int i = 0, k = 0; i < ndim; i++) {
            pattern[i] = axes.contains(i) ? "x" : (Object) k++;
        }
        return Apply.single(DimShuffle.of(m.tensorType(), pattern), m);
    }
}
