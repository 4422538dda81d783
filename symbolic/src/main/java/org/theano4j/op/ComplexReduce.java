package org.theano4j.op;

import java.util.List;
import java.util.Locale;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Sum or product of a complex tensor over some axes, keeping its dtype. Sums are numpy's complex
 * pairwise tree over each group in C order (four partial sums per part up to 64 elements) and
 * products multiply left to right; both accumulate in complex128 (Theano's {@code acc_dtype}) and
 * round once to complex64. Like {@link ComplexElemwise}, no backend has a kernel for it.
 *
 * @param kind {@link Reduce.Kind#SUM} or {@link Reduce.Kind#PROD}
 * @param axes the reduced axes, resolved and sorted
 */
public record ComplexReduce(Reduce.Kind kind, List<Integer> axes) implements Op {
    private static final int LANES = 4;
    private static final int LEAF = 64;

    /** Validates the kind and normalizes the axes. */
    public ComplexReduce {
        if (kind != Reduce.Kind.SUM && kind != Reduce.Kind.PROD) {
            throw new IllegalArgumentException("a complex reduction is a sum or a product, got " + kind);
        }
        axes = List.copyOf(axes);
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1 || !inputs.get(0).dtype().isComplex()) {
            throw new IllegalArgumentException(displayName() + " takes one complex input, got " + inputs);
        }
        Variable x = inputs.get(0);
        int[] kept = Axes.kept(axes, x.ndim());
        boolean[] bc = new boolean[kept.length];
        for (int i = 0; i < kept.length; i++) {
            bc[i] = x.tensorType().isBroadcastable(kept[i]);
        }
        return List.of(new TensorType(x.dtype(), bc));
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ShapeRules.kept(inputShapes.get(0), axes);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return new long[][] {Reduce.keptShape(((NDArray) inputs[0]).shape(), axes)};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        NDArray out = NDArray.empty(x.dtype(), Reduce.keptShape(x.shape(), axes));
        ReduceGroups groups = new ReduceGroups(x, axes);
        if (groups.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(displayName() + ": groups of " + groups.length() + " elements are too long");
        }
        int n = (int) groups.length();
        double[] re = new double[n];
        double[] im = new double[n];
        double[] z = new double[2];
        for (long o = 0; o < groups.count(); o++) {
            ReduceGroups.Cursor c = groups.cursor(groups.start(o));
            for (int i = 0; i < n; i++) {
                long pos = c.next();
                re[i] = x.readDouble(pos);
                im[i] = x.readImag(pos);
            }
            if (kind == Reduce.Kind.SUM) {
                pairwise(re, im, 0, n, z);
            } else {
                product(re, im, n, z);
            }
            out.writeComplex(o, z[0], z[1]);
        }
        return new Object[] {out};
    }

    /** numpy's complex pairwise sum of elements {@code [from, from + n)} into {@code z}. */
    static void pairwise(double[] re, double[] im, int from, int n, double[] z) {
        if (n < LANES) {
            double sr = 0;
            double si = 0;
            for (int i = 0; i < n; i++) {
                sr += re[from + i];
                si += im[from + i];
            }
            z[0] = sr;
            z[1] = si;
        } else if (n <= LEAF) {
            z[0] = leaf(re, from, n);
            z[1] = leaf(im, from, n);
        } else {
            int half = n - n % 8;
            half /= 2;
            double[] first = new double[2];
            pairwise(re, im, from, half, first);
            pairwise(re, im, from + half, n - half, z);
            z[0] = first[0] + z[0];
            z[1] = first[1] + z[1];
        }
    }

    private static double leaf(double[] v, int from, int n) {
        double[] r = new double[LANES];
        System.arraycopy(v, from, r, 0, LANES);
        int i = LANES;
        for (; i < n - n % LANES; i += LANES) {
            for (int j = 0; j < LANES; j++) {
                r[j] += v[from + i + j];
            }
        }
        double s = (r[0] + r[1]) + (r[2] + r[3]);
        for (; i < n; i++) {
            s += v[from + i];
        }
        return s;
    }

    private static void product(double[] re, double[] im, int n, double[] z) {
        z[0] = 1;
        z[1] = 0;
        for (int i = 0; i < n; i++) {
            ComplexMath.mul(z[0], z[1], re[i], im[i], false, z);
        }
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable gz = outputGrads.get(0);
        if (gz == null) {
            return java.util.Collections.singletonList(null);
        }
        if (kind == Reduce.Kind.PROD) {
            throw new IllegalArgumentException("T.grad through a product of complex values is not supported; "
                    + "the input " + node.input(0) + " is " + node.input(0).dtype().numpyName());
        }
        Variable x = node.input(0);
        Variable g = ComplexOps.cast(Axes.keepDims(gz, axes, x.ndim()), x.dtype());
        return java.util.Collections.singletonList(ShapeOps.broadcastLike(g, x));
    }

    @Override
    public String displayName() {
        String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
        return "Complex" + name + "{axis=" + axes + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + inputs.get(0) + ", axis=" + axes + ")";
    }
}
