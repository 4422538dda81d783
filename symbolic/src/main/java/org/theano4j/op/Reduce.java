package org.theano4j.op;

import java.util.ArrayList;
import java.util.Collections;
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
import org.theano4j.tensor.Summation;

/**
 * A reduction of one tensor over some of its axes (Theano's {@code CAReduce}: Sum, Prod, Max,
 * Min, and Mean). Output dtypes follow numpy: sums and products of small integers widen to
 * (u)int64, means of integers are float64, max/min keep the dtype. Float sums are pairwise and
 * accumulate in float64 (Theano's {@code acc_dtype}), rounding once to the output dtype.
 *
 * @param kind what to compute
 * @param axes the reduced axes, resolved and sorted (empty: nothing is reduced)
 */
public record Reduce(Kind kind, List<Integer> axes) implements Op {

    /** The reductions. */
    public enum Kind {
        /** Sum; 0 for an empty set. */
        SUM("sum"),
        /** Product; 1 for an empty set. */
        PROD("multiply"),
        /** Maximum; NaN propagates; no identity. */
        MAX("maximum"),
        /** Minimum; NaN propagates; no identity. */
        MIN("minimum"),
        /** Arithmetic mean; NaN for an empty set. */
        MEAN("mean");

        private final String numpyName;

        Kind(String numpyName) {
            this.numpyName = numpyName;
        }

        /** The output dtype of this reduction of a {@code in} tensor. */
        public DType outputDType(DType in) {
            return switch (this) {
                case SUM, PROD -> switch (in) {
                    case BOOL, INT8, INT16, INT32 -> DType.INT64;
                    case UINT8, UINT16, UINT32 -> DType.UINT64;
                    default -> in;
                };
                case MEAN -> in.isFloat() ? in : DType.FLOAT64;
                case MAX, MIN -> in;
            };
        }
    }

    /** Normalizes the axes list. */
    public Reduce {
        axes = List.copyOf(axes);
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(displayName() + " takes 1 input, got " + inputs.size());
        }
        TensorType t = inputs.get(0).tensorType();
        for (int a : axes) {
            if (a >= t.ndim()) {
                throw new IllegalArgumentException(displayName() + ": axis " + a + " is out of bounds for input "
                        + inputs.get(0) + " of ndim " + t.ndim());
            }
        }
        return List.of(new TensorType(kind.outputDType(t.dtype()), keptFlags(t)));
    }

    private boolean[] keptFlags(TensorType t) {
        int[] kept = Axes.kept(axes, t.ndim());
        boolean[] bc = new boolean[kept.length];
        for (int i = 0; i < kept.length; i++) {
            bc[i] = t.isBroadcastable(kept[i]);
        }
        return bc;
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
        return new long[][] {keptShape(((NDArray) inputs[0]).shape(), axes)};
    }

    static long[] keptShape(long[] shape, List<Integer> axes) {
        int[] kept = Axes.kept(axes, shape.length);
        long[] out = new long[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = shape[kept[i]];
        }
        return out;
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray x = (NDArray) inputs[0];
        DType outType = kind.outputDType(x.dtype());
        NDArray out = NDArray.empty(outType, keptShape(x.shape(), axes));
        ReduceGroups groups = new ReduceGroups(x, axes);
        if (groups.length() == 0 && (kind == Kind.MAX || kind == Kind.MIN) && out.size() > 0) {
            throw new IllegalArgumentException("zero-size array to reduction operation " + kind.numpyName
                    + " which has no identity");
        }
        boolean floats = x.dtype().isFloat() || kind == Kind.MEAN;
        boolean unsigned = x.dtype() == DType.UINT64;
        double[] buf = floats ? new double[(int) Math.min(Summation.PIECE, groups.length())] : null;
        for (long o = 0; o < groups.count(); o++) {
            long start = groups.start(o);
            if (floats) {
                out.writeDouble(o, reduceDoubles(x, groups, start, buf));
            } else {
                out.writeLong(o, reduceLongs(x, groups, start, unsigned));
            }
        }
        return new Object[] {out};
    }

    /** One group's float reduction; each run of equal elements (a stride-0 axis) is taken in one step. */
    private double reduceDoubles(NDArray x, ReduceGroups g, long start, double[] buf) {
        return switch (kind) {
            case SUM -> sum(g, start, buf);
            case MEAN -> sum(g, start, buf) / g.length();
            case PROD -> ReduceGroups.iterate(1, p -> periodProduct(x, g.firstPeriod(), start, p), g.repeats());
            case MAX, MIN -> {
                ReduceGroups heads = g.firstPeriod().heads();
                ReduceGroups.Cursor c = heads.cursor(start);
                double m = x.readDouble(c.next());
                for (long i = 1; i < heads.length(); i++) {
                    double v = x.readDouble(c.next());
                    m = kind == Kind.MAX ? Numerics.maximum(m, v) : Numerics.minimum(m, v);
                }
                yield m;
            }
        };
    }

    /** {@code p} times one period's elements, left to right (a run as one repeated factor). */
    private static double periodProduct(NDArray x, ReduceGroups period, long start, double p) {
        ReduceGroups heads = period.heads();
        ReduceGroups.Cursor c = heads.cursor(start);
        double r = p;
        for (long i = 0; i < heads.length(); i++) {
            double v = x.readDouble(c.next());
            r = period.run() == 1 ? r * v : ReduceGroups.iterate(r, q -> q * v, period.run());
        }
        return r;
    }

    private static double sum(ReduceGroups g, long start, double[] buf) {
        return Summation.pairwise(g.length(), g.run(), g.period(), new Summation.Pieces() {
            @Override
            public double sum(long from, int n) {
                g.read(start, from, n, buf);
                return Summation.pairwise(buf, 0, n);
            }

            @Override
            public double at(long i) {
                return g.value(start, i);
            }
        });
    }

    /**
     * One group's integer reduction in int64/uint64 arithmetic (wrapping, exact): a run of r equal
     * elements v adds {@code v * r} or multiplies by {@code v ** r}, and a group that repeats its
     * first period k times is that period's result times k (or to the power k), as the modular
     * sum or product of every element would be.
     */
    private long reduceLongs(NDArray x, ReduceGroups g, long start, boolean unsigned) {
        long p = reducePeriod(x, g.firstPeriod(), start, unsigned);
        return switch (kind) {
            case SUM -> p * g.repeats();
            case PROD -> Numerics.unsignedPow(p, g.repeats());
            case MAX, MIN -> p;
            case MEAN -> throw new IllegalStateException("a mean reduces in floats");
        };
    }

    private long reducePeriod(NDArray x, ReduceGroups period, long start, boolean unsigned) {
        ReduceGroups heads = period.heads();
        long run = period.run();
        ReduceGroups.Cursor c = heads.cursor(start);
        long acc = kind == Kind.PROD ? 1 : 0;
        for (long i = 0; i < heads.length(); i++) {
            long v = x.readLong(c.next());
            acc = switch (kind) {
                case SUM -> acc + v * run;
                case PROD -> acc * Numerics.unsignedPow(v, run);
                case MAX -> i == 0 || (unsigned ? Long.compareUnsigned(v, acc) : Long.compare(v, acc)) > 0 ? v : acc;
                case MIN -> i == 0 || (unsigned ? Long.compareUnsigned(v, acc) : Long.compare(v, acc)) < 0 ? v : acc;
                case MEAN -> throw new IllegalStateException("a mean reduces in floats");
            };
        }
        return acc;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable x = node.input(0);
        Variable gz = outputGrads.get(0);
        if (!x.dtype().isFloat() || gz == null) {
            return Collections.singletonList(null);
        }
        int nd = x.ndim();
        Variable gzk = Axes.keepDims(gz, axes, nd);
        Variable g = switch (kind) {
            case SUM -> ShapeOps.broadcastLike(gzk, x);
            case MEAN -> Ops.div(ShapeOps.broadcastLike(gzk, x), Ops.cast(Reductions.count(x, axes), x.dtype()));
            case PROD -> ProdGrad.of(x, node.output(0), gz, axes);
            case MAX, MIN -> Ops.mul(gzk, Ops.eq(x, Axes.keepDims(node.output(0), axes, nd)));
        };
        return new ArrayList<>(List.of(Ops.cast(g, x.dtype())));
    }

    @Override
    public String displayName() {
        String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
        return name + "{axis=" + axes + "}";
    }

    @Override
    public String format(List<String> inputs) {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + inputs.get(0) + ", axis=" + axes + ")";
    }
}
