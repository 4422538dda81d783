package org.theano4j.rewrite;

import static org.theano4j.rewrite.Patterns.arg;
import static org.theano4j.rewrite.Patterns.is;
import static org.theano4j.rewrite.Patterns.isNeutral;
import static org.theano4j.rewrite.Patterns.isNode;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.op.Alloc;
import org.theano4j.op.DimShuffle;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Reduce;
import org.theano4j.op.Reshape;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Canonical forms (Theano's canonicalize phase, position 1). Every rule here replaces a node by
 * fewer or as many nodes (constants not counted), so the phase can never grow the graph.
 * Value semantics are kept exactly, with two documented exceptions: {@code x / c -> x * (1/c)}
 * may differ from the division by one rounding (1 ulp), and {@code x + 0 -> x} keeps a
 * {@code -0.0} that the addition would have turned into {@code +0.0}. {@code x * 0} becomes zeros
 * for integer and bool tensors only: for floats it is NaN where x is NaN or infinite, so it is
 * left alone.
 */
final class CanonicalizeRules {
    private CanonicalizeRules() {
    }

    /** The rules of this phase, in the order they are tried. */
    static List<LocalRule> all() {
        List<LocalRule> r = new ArrayList<>();
        r.add(ConstantFolding.rule());
        r.add(LocalRule.single(CanonicalizeRules::removeNegNeg));
        r.add(LocalRule.single(CanonicalizeRules::subNegToAdd));
        r.add(LocalRule.single(CanonicalizeRules::addNegToSub));
        r.add(LocalRule.single(CanonicalizeRules::removeNeutralElement));
        r.add(LocalRule.single(CanonicalizeRules::mulIntegerZeroToZeros));
        r.add(LocalRule.single(CanonicalizeRules::powZeroToOnes));
        r.add(LocalRule.single(CanonicalizeRules::divByConstantToMul));
        r.add(LocalRule.single(CanonicalizeRules::removeSameDtypeCast));
        r.add(LocalRule.single(CanonicalizeRules::removeIdentityDimShuffle));
        r.add(LocalRule.single(CanonicalizeRules::composeDimShuffles));
        r.add(LocalRule.single(CanonicalizeRules::composeReshapes));
        r.add(LocalRule.single(CanonicalizeRules::removeVectorFlatten));
        r.add(LocalRule.single(CanonicalizeRules::fullReduceOfDimShuffle));
        return r;
    }

    /** {@code -(-x) -> x}. */
    static Variable removeNegNeg(Apply node) {
        return isNode(node, ScalarOp.NEG) && is(node.input(0), ScalarOp.NEG) ? arg(node.input(0), 0) : null;
    }

    /** {@code x - (-y) -> x + y}. */
    static Variable subNegToAdd(Apply node) {
        if (!isNode(node, ScalarOp.SUB) || !is(node.input(1), ScalarOp.NEG)) {
            return null;
        }
        return Patterns.apply(ScalarOp.ADD, node.input(0), arg(node.input(1), 0));
    }

    /** {@code x + (-y) -> x - y} and {@code (-y) + x -> x - y}. */
    static Variable addNegToSub(Apply node) {
        if (!isNode(node, ScalarOp.ADD)) {
            return null;
        }
        if (is(node.input(1), ScalarOp.NEG)) {
            return Patterns.apply(ScalarOp.SUB, node.input(0), arg(node.input(1), 0));
        }
        if (is(node.input(0), ScalarOp.NEG)) {
            return Patterns.apply(ScalarOp.SUB, node.input(1), arg(node.input(0), 0));
        }
        return null;
    }

    /**
     * {@code x + 0, 0 + x, x - 0, x * 1, 1 * x, x / 1, x ** 1 -> x} when the constant has one
     * element and dropping it keeps the output type (no broadcasting or dtype change is lost).
     */
    static Variable removeNeutralElement(Apply node) {
        if (!(node.op() instanceof Elemwise e) || node.inputs().size() != 2) {
            return null;
        }
        Variable a = node.input(0);
        Variable b = node.input(1);
        Variable out = node.output(0);
        if (e.fn() == ScalarOp.ADD || e.fn() == ScalarOp.MUL) {
            double unit = e.fn() == ScalarOp.ADD ? 0 : 1;
            return isNeutral(b, unit, a, out) ? a : isNeutral(a, unit, b, out) ? b : null;
        }
        if (e.fn() == ScalarOp.SUB) {
            return isNeutral(b, 0, a, out) ? a : null;
        }
        if (e.fn() == ScalarOp.TRUE_DIV || e.fn() == ScalarOp.POW) {
            return isNeutral(b, 1, a, out) ? a : null;
        }
        return null;
    }

    /** {@code x * 0 -> zeros of x's shape}, for integer and bool x only (see the class comment). */
    static Variable mulIntegerZeroToZeros(Apply node) {
        if (!isNode(node, ScalarOp.MUL) || node.output(0).dtype().isFloat()) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Variable zero = node.input(i);
            Variable x = node.input(1 - i);
            if (isNeutral(zero, 0, x, node.output(0))) {
                return Apply.single(new Alloc(), Patterns.constantLike(x, 0), x);
            }
        }
        return null;
    }

    /** {@code x ** 0 -> ones of x's shape} (numpy gives 1 even for NaN and inf). */
    static Variable powZeroToOnes(Apply node) {
        if (!isNode(node, ScalarOp.POW) || !isNeutral(node.input(1), 0, node.input(0), node.output(0))) {
            return null;
        }
        Variable x = node.input(0);
        return Apply.single(new Alloc(), Patterns.constantLike(x, 1), x);
    }

    /**
     * {@code x / c -> x * (1/c)} for a float constant c whose every element is a power of two with
     * a normal reciprocal, the only case where the product rounds exactly as the quotient would
     * ({@code x / 94} and {@code x * (1/94)} differ in the last bit for x = 17).
     */
    static Variable divByConstantToMul(Apply node) {
        if (!isNode(node, ScalarOp.TRUE_DIV) || !(node.input(1) instanceof Constant c) || !c.dtype().isFloat()) {
            return null;
        }
        NDArray inv = c.value().copy();
        for (long i = 0; i < inv.size(); i++) {
            double v = inv.getFlat(i);
            if (!exactReciprocal(v, c.dtype())) {
                return null;
            }
            inv.setFlat(i, 1 / v);
        }
        return Patterns.apply(ScalarOp.MUL, node.input(0), new Constant(inv, c.isWeak(), null));
    }

    private static boolean exactReciprocal(double v, DType dtype) {
        if (v == 0 || !Double.isFinite(v) || Math.abs(v) != Math.scalb(1.0, Math.getExponent(v))) {
            return false;
        }
        int e = -Math.getExponent(v);
        return dtype == DType.FLOAT32 ? e >= Float.MIN_EXPONENT && e <= Float.MAX_EXPONENT
                : e >= Double.MIN_EXPONENT && e <= Double.MAX_EXPONENT;
    }

    /** {@code cast<d>(x) -> x} when x already has dtype d. */
    static Variable removeSameDtypeCast(Apply node) {
        boolean isCast = node.op() instanceof Elemwise e && e.fn() instanceof ScalarCast;
        return isCast && node.input(0).type().equals(node.output(0).type()) ? node.input(0) : null;
    }

    /** A dimshuffle whose pattern is the identity is its input. */
    static Variable removeIdentityDimShuffle(Apply node) {
        return node.op() instanceof DimShuffle d && d.isIdentity() ? node.input(0) : null;
    }

    /** {@code dimshuffle(dimshuffle(x, p), q) -> dimshuffle(x, p . q)}. */
    static Variable composeDimShuffles(Apply node) {
        if (!(node.op() instanceof DimShuffle outer) || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof DimShuffle inner)) {
            return null;
        }
        Variable x = node.input(0).owner().input(0);
        Object[] pattern = new Object[outer.pattern().size()];
        for (int i = 0; i < pattern.length; i++) {
            int a = outer.pattern().get(i);
            int src = a < 0 ? -1 : inner.pattern().get(a);
            pattern[i] = src < 0 ? "x" : (Object) src;
        }
        try {
            return Apply.single(DimShuffle.of(x.tensorType(), pattern), x);
        } catch (IllegalArgumentException e) {
            return null; // the composition would drop an axis x does not know to be broadcastable
        }
    }

    /** {@code reshape(reshape(x, s1), s2) -> reshape(x, s2)}. */
    static Variable composeReshapes(Apply node) {
        if (!(node.op() instanceof Reshape) || node.input(0).owner() == null
                || !(node.input(0).owner().op() instanceof Reshape)) {
            return null;
        }
        return Apply.single(node.op(), node.input(0).owner().input(0));
    }

    /** Flattening a vector ({@code reshape(v, [-1])}) is the vector itself. */
    static Variable removeVectorFlatten(Apply node) {
        boolean flatten = node.op() instanceof Reshape r && r.shape().equals(List.of(-1L));
        return flatten && node.input(0).ndim() == 1 && node.input(0).type().equals(node.output(0).type())
                ? node.input(0) : null;
    }

    /**
     * A reduction over all axes of a dimshuffle is the same reduction over all axes of its input
     * (permuting axes and adding or dropping length-1 axes changes neither the elements nor
     * their number).
     */
    static Variable fullReduceOfDimShuffle(Apply node) {
        if (!(node.op() instanceof Reduce r) || r.axes().size() != node.input(0).ndim()
                || node.input(0).owner() == null || !(node.input(0).owner().op() instanceof DimShuffle)) {
            return null;
        }
        Variable x = node.input(0).owner().input(0);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < x.ndim(); i++) {
            all.add(i);
        }
        Variable replaced = Apply.single(new Reduce(r.kind(), all), x);
        return replaced.type().equals(node.output(0).type()) ? replaced : null;
    }
}
