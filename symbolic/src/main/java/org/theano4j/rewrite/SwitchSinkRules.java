package org.theano4j.rewrite;

import static org.theano4j.rewrite.Patterns.apply;
import static org.theano4j.rewrite.Patterns.arg;
import static org.theano4j.rewrite.Patterns.is;
import static org.theano4j.rewrite.Patterns.isConstant;
import static org.theano4j.rewrite.Patterns.isNode;
import static org.theano4j.rewrite.Patterns.isSizeOneConstant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.ScalarOp;
import org.theano4j.op.SumToShape;

/**
 * Theano's {@code local_mul_switch_sink} and {@code local_div_switch_sink}: a product or quotient
 * of a switch with a constant-zero branch moves inside the switch, so that the factors cannot turn
 * the zeros of the branch not taken into NaN ({@code 0 * inf}, {@code 0 / 0}). Gradients of a
 * switch are such switches ({@code switch(c, gz, 0)}), and the gradient rules downstream multiply
 * and divide them by derivatives that may be infinite exactly where the branch is not taken.
 *
 * <p>Theano's broadcasting is static; ours lets a non-broadcastable axis have length 1 at run
 * time, so the gradient of an elementwise op keeps a {@code sumToShape(g, x)} where the
 * analysis cannot prove it the identity. The factor {@code y} of {@code sumToShape(s, t) * y}
 * moves inside the sum when {@code y} provably has t's shape (it is then constant along the
 * summed axes, so the product is the same sum), and from there into the switch.
 */
final class SwitchSinkRules {
    private final ShapeAnalysis shapes;

    private SwitchSinkRules(ShapeAnalysis shapes) {
        this.shapes = shapes;
    }

    /** The rules for a graph whose shapes {@code shapes} describes, in the order they are tried. */
    static List<LocalRule> all(ShapeAnalysis shapes) {
        SwitchSinkRules r = new SwitchSinkRules(shapes);
        return List.of(LocalRule.single(r::sinkIntoMul), LocalRule.single(r::sinkIntoDiv));
    }

    /** Whether {@code node} is a switch with a constant-zero branch, the only thing these rules move. */
    static boolean switchWithZeroBranch(Apply node) {
        return isNode(node, ScalarOp.SWITCH) && (isZero(node.input(1)) || isZero(node.input(2)));
    }

    /** {@code switch(c, 0, a) * b -> switch(c, 0, a * b)}, either operand, either branch. */
    Variable sinkIntoMul(Apply node) {
        if (!isNode(node, ScalarOp.MUL)) {
            return null;
        }
        Variable left = node.input(0);
        Variable right = node.input(1);
        Variable r = sink(left, right, branch -> apply(ScalarOp.MUL, branch, right));
        if (r == null) {
            r = sink(right, left, branch -> apply(ScalarOp.MUL, left, branch));
        }
        return sameType(r, node);
    }

    /** {@code switch(c, 0, a) / b -> switch(c, 0, a / b)}, either branch. */
    Variable sinkIntoDiv(Apply node) {
        if (!isNode(node, ScalarOp.TRUE_DIV)) {
            return null;
        }
        Variable divisor = node.input(1);
        return sameType(sink(node.input(0), divisor, branch -> apply(ScalarOp.TRUE_DIV, branch, divisor)), node);
    }

    /** {@code v} (a switch, or a sum to {@code other}'s shape of one) with {@code f} applied inside, or null. */
    private Variable sink(Variable v, Variable other, UnaryOperator<Variable> f) {
        if (v.owner() != null && v.owner().op() instanceof SumToShape && shapes.sameShape(other, arg(v, 1))) {
            Variable inner = sinkIntoSwitch(arg(v, 0), f);
            return inner == null ? null : Apply.single(new SumToShape(), inner, arg(v, 1));
        }
        return sinkIntoSwitch(v, f);
    }

    /** {@code switch(c, f(a), 0)} for {@code s = switch(c, a, 0)} (or the mirror), else null. */
    private static Variable sinkIntoSwitch(Variable s, UnaryOperator<Variable> f) {
        if (!is(s, ScalarOp.SWITCH)) {
            return null;
        }
        Variable cond = arg(s, 0);
        Variable ift = arg(s, 1);
        Variable iff = arg(s, 2);
        if (isZero(ift)) {
            return apply(ScalarOp.SWITCH, cond, ift, f.apply(iff));
        }
        if (isZero(iff)) {
            return apply(ScalarOp.SWITCH, cond, f.apply(ift), iff);
        }
        return null;
    }

    private static boolean isZero(Variable v) {
        return isSizeOneConstant(v) && isConstant(v, 0);
    }

    private static Variable sameType(Variable replacement, Apply node) {
        return replacement != null && replacement.type().equals(node.output(0).type()) ? replacement : null;
    }
}
