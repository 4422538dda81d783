package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.NDArray;

/**
 * Builders of reductions. {@code axes} null means all axes; negative axes count from the end;
 * a repeated or out-of-range axis is an {@link IllegalArgumentException} naming it and the ndim.
 */
public final class Reductions {
    private Reductions() {
    }

    /** Sum over {@code axes}; small integer dtypes widen to (u)int64. */
    public static Variable sum(Variable x, int[] axes) {
        return reduce(Reduce.Kind.SUM, x, axes);
    }

    /** Mean over {@code axes}; integers give float64. */
    public static Variable mean(Variable x, int[] axes) {
        return reduce(Reduce.Kind.MEAN, x, axes);
    }

    /**
     * Product over {@code axes}. Its gradient is Theano's: finite where {@code x} has zeros
     * (one zero in a group: the product of the others there; several: zero), see {@link ProdGrad}.
     */
    public static Variable prod(Variable x, int[] axes) {
        return reduce(Reduce.Kind.PROD, x, axes);
    }

    /** Maximum over {@code axes}; an empty reduction is an error. */
    public static Variable max(Variable x, int[] axes) {
        return reduce(Reduce.Kind.MAX, x, axes);
    }

    /** Minimum over {@code axes}; an empty reduction is an error. */
    public static Variable min(Variable x, int[] axes) {
        return reduce(Reduce.Kind.MIN, x, axes);
    }

    /** Variance over {@code axes} (ddof 0): {@code mean(sqr(x - mean(x)))}. */
    public static Variable var(Variable x, int[] axes) {
        List<Integer> resolved = Axes.resolve("var", axes, x.ndim());
        int[] ax = Axes.toArray(resolved);
        Variable centered = Ops.sub(x, Axes.keepDims(mean(x, ax), resolved, x.ndim()));
        return mean(Ops.sqr(centered), ax);
    }

    /** Standard deviation over {@code axes} (ddof 0). */
    public static Variable std(Variable x, int[] axes) {
        return Ops.sqrt(var(x, axes));
    }

    /** Index of the maximum along {@code axis}, or of the flattened tensor when null (int64). */
    public static Variable argmax(Variable x, Integer axis) {
        return argReduce(true, x, axis);
    }

    /** Index of the minimum along {@code axis}, or of the flattened tensor when null (int64). */
    public static Variable argmin(Variable x, Integer axis) {
        return argReduce(false, x, axis);
    }

    private static Variable reduce(Reduce.Kind kind, Variable x, int[] axes) {
        List<Integer> resolved = Axes.resolve(kind.name().toLowerCase(java.util.Locale.ROOT), axes, x.ndim());
        if (x.dtype().isComplex()) {
            return ComplexOps.reduce(kind, x, resolved);
        }
        return Apply.single(new Reduce(kind, resolved), x);
    }

    private static Variable argReduce(boolean max, Variable x, Integer axis) {
        Integer a = null;
        if (axis != null) {
            a = Axes.resolve(max ? "argmax" : "argmin", new int[] {axis}, x.ndim()).get(0);
        }
        return Apply.single(new ArgReduce(max, a), x);
    }

    /** The number of elements of {@code x} a reduction over {@code axes} combines (int64 scalar, run time). */
    static Variable count(Variable x, List<Integer> axes) {
        Variable shape = ShapeOps.shape(x);
        if (axes.size() == x.ndim()) {
            return prod(shape, null);
        }
        long[] idx = axes.stream().mapToLong(Integer::longValue).toArray();
        return prod(Indexing.take(shape, new Constant(NDArray.of(idx)), 0), null);
    }
}
