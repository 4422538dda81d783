package org.theano4j.rewrite;

import static org.theano4j.rewrite.Patterns.apply;
import static org.theano4j.rewrite.Patterns.isNode;
import static org.theano4j.rewrite.Patterns.isSizeOneConstant;
import static org.theano4j.rewrite.Patterns.scalarConstant;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.ScalarOp;

/**
 * Specialization (Theano's specialize phase, position 2): general operations with special
 * arguments become cheaper ones. Every rule replaces one node by one node. {@code x ** 0.5 ->
 * sqrt(x)} differs from C's {@code pow} only at {@code -0.0} (sqrt keeps the sign) and
 * {@code -inf} (NaN instead of inf). The dot-plus-add to gemm/gemv rule needs client counts and
 * lives in {@link GemmRewrite}.
 */
final class SpecializeRules {
    private SpecializeRules() {
    }

    /** The rules of this phase, in the order they are tried. */
    static List<LocalRule> all() {
        List<LocalRule> r = new ArrayList<>();
        r.add(LocalRule.single(SpecializeRules::powToSqrSqrtInv));
        r.add(LocalRule.single(SpecializeRules::mulSelfToSqr));
        return r;
    }

    /** {@code x ** 2 -> sqr(x)}, {@code x ** 0.5 -> sqrt(x)}, {@code x ** -1 -> inv(x)} (the last two for floats). */
    static Variable powToSqrSqrtInv(Apply node) {
        if (!isNode(node, ScalarOp.POW) || !isSizeOneConstant(node.input(1))) {
            return null;
        }
        Variable x = node.input(0);
        Double e = scalarConstant(node.input(1));
        if (e == null || !x.type().equals(node.output(0).type())) {
            return null;
        }
        if (e == 2) {
            return apply(ScalarOp.SQR, x);
        }
        if (!x.dtype().isFloat()) {
            return null;
        }
        return e == 0.5 ? apply(ScalarOp.SQRT, x) : e == -1 ? apply(ScalarOp.INV, x) : null;
    }

    /** {@code x * x -> sqr(x)}. */
    static Variable mulSelfToSqr(Apply node) {
        return isNode(node, ScalarOp.MUL) && node.input(0) == node.input(1) ? apply(ScalarOp.SQR, node.input(0)) : null;
    }
}
