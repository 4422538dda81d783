package org.theano4j.rewrite;

import static org.theano4j.rewrite.Patterns.apply;
import static org.theano4j.rewrite.Patterns.isNode;
import static org.theano4j.rewrite.Patterns.isSizeOneConstant;
import static org.theano4j.rewrite.Patterns.scalarConstant;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarOp;
import org.theano4j.op.SumToShape;

/**
 * Specialization (Theano's specialize phase, position 2): general operations with special
 * arguments become cheaper ones. {@code x ** 0.5 ->
 * sqrt(x)} differs from C's {@code pow} only at {@code -0.0} (sqrt keeps the sign) and
 * {@code -inf} (NaN instead of inf). {@code sumToShape} over the axes that are statically broadcastable
 * in its target becomes a {@code Reduce} (which backends run as a kernel) plus a dimshuffle, and a
 * reduction of a sumToShape over axes of length 1 only drops them. The dot-plus-add to gemm/gemv rule needs client counts and
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
        r.add(LocalRule.single(SpecializeRules::sumToShapeToReduce));
        r.add(LocalRule.single(SpecializeRules::reduceOfSumToShape));
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

    /**
     * {@code sumToShape(g, x) -> sumToShape(dimshuffle(sum(g, axes)), x)} where {@code axes} are
     * those on which x is broadcastable and g is not: the sum of the broadcast gradient (a bias's,
     * say) runs as a reduction kernel instead of the op's element-by-element evaluation; the
     * outer sumToShape is then the identity unless another axis has length 1 at run time.
     */
    static Variable sumToShapeToReduce(Apply node) {
        if (!(node.op() instanceof SumToShape)) {
            return null;
        }
        Variable g = node.input(0);
        Variable x = node.input(1);
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < g.ndim(); i++) {
            if (x.tensorType().isBroadcastable(i) && !g.tensorType().isBroadcastable(i)) {
                axes.add(i);
            }
        }
        if (axes.isEmpty()) {
            return null;
        }
        Variable summed = Apply.single(new Reduce(Reduce.Kind.SUM, axes), g);
        if (summed.dtype() != g.dtype()) {
            return null;
        }
        Object[] pattern = new Object[g.ndim()];
        int kept = 0;
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = axes.contains(i) ? "x" : (Object) kept++;
        }
        Variable restored = Apply.single(DimShuffle.of(summed.tensorType(), pattern), summed);
        return Apply.single(new SumToShape(), restored, x);
    }

    /**
     * {@code reduce(sumToShape(g, x), axes) -> sumToShape(squeeze(g), squeeze(x))} where g and x
     * are both broadcastable on the axes: reducing axes of length 1 only drops them. After
     * {@link #sumToShapeToReduce}, a bias gradient {@code sum(sumToShape(g, b.dimshuffle('x', 0)), 0)}
     * becomes {@code sumToShape(sum(g, 0), b)}.
     */
    static Variable reduceOfSumToShape(Apply node) {
        if (!(node.op() instanceof Reduce r) || r.axes().isEmpty() || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof SumToShape)) {
            return null;
        }
        Variable g = node.input(0).owner().input(0);
        Variable x = node.input(0).owner().input(1);
        for (int a : r.axes()) {
            if (!g.tensorType().isBroadcastable(a) || !x.tensorType().isBroadcastable(a)) {
                return null;
            }
        }
        Variable out = Apply.single(new SumToShape(), squeeze(g, r.axes()), squeeze(x, r.axes()));
        return out.type().equals(node.output(0).type()) ? out : null;
    }

    /** v without its (broadcastable) {@code axes}: the input of a dimshuffle that only inserted them, else a dimshuffle. */
    private static Variable squeeze(Variable v, List<Integer> axes) {
        List<Object> kept = new ArrayList<>();
        for (int i = 0; i < v.ndim(); i++) {
            if (!axes.contains(i)) {
                kept.add(i);
            }
        }
        if (v.owner() != null && v.owner().op() instanceof DimShuffle d && d.inputNdim() == kept.size()) {
            boolean inserted = true;
            for (int i = 0; i < kept.size(); i++) {
                inserted &= d.pattern().get((Integer) kept.get(i)) == i;
            }
            if (inserted) {
                return v.owner().input(0);
            }
        }
        return Apply.single(DimShuffle.of(v.tensorType(), kept.toArray()), v);
    }
}
