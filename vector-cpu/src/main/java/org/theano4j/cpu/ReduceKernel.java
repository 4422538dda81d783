package org.theano4j.cpu;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.theano4j.backend.Kernel;
import org.theano4j.op.Numerics;
import org.theano4j.op.Reduce;
import org.theano4j.op.ReduceGroups;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Summation;

/**
 * Float {@code Reduce} (sum, mean, prod, max, min) over any axes, groups of any long length:
 * each output's elements ({@link ReduceGroups}) are brought into a per-thread buffer piece by
 * piece (a bulk copy when they are contiguous, a strided walk otherwise) and reduced there. Sums
 * use the reference's pairwise scheme ({@link Summation#pairwise(long, long, long, Summation.Pieces)})
 * with the eight partial sums of a leaf held in one 8-lane vector, so results equal the reference
 * bit for bit; max/min propagate NaN. Runs of equal elements and repeated periods (stride-0
 * axes) are taken whole, as in the reference. Many outputs split over the pool.
 */
final class ReduceKernel implements Kernel {
    private static final ThreadLocal<double[]> BUFFER = ThreadLocal.withInitial(() -> new double[Summation.PIECE]);
    private final Reduce.Kind kind;
    private final List<Integer> axes;

    private ReduceKernel(Reduce.Kind kind, List<Integer> axes) {
        this.kind = kind;
        this.axes = axes;
    }

    /** A kernel for float inputs, or null (integer reductions run the reference). */
    static Kernel of(Reduce op, DType in) {
        return in.isFloat() ? new ReduceKernel(op.kind(), op.axes()) : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        NDArray x = in[0];
        NDArray o = out[0];
        ReduceGroups groups = new ReduceGroups(x, axes);
        long outer = o.size();
        if (groups.length() == 0 && outer > 0 && (kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN)) {
            throw new IllegalArgumentException("zero-size array to reduction operation "
                    + (kind == Reduce.Kind.MAX ? "maximum" : "minimum") + " which has no identity");
        }
        if (columnsApply(x, outer)) {
            reduceColumns(x, groups, o, outer);
            return;
        }
        int tasks = x.size() < Species.PARALLEL_ELEMENTS ? 1 : Parallel.tasksFor(outer, 1);
        if (tasks <= 1) {
            range(groups, o, 0, outer);
            return;
        }
        long step = (outer + tasks - 1) / tasks;
        Parallel.run(tasks, t -> range(groups, o, t * step, Math.min(outer, (t + 1) * step)));
    }

    /** Whether a sum or mean runs over the leading axes of a contiguous array ({@link ColumnReduce}). */
    private boolean columnsApply(NDArray x, long outer) {
        if ((kind != Reduce.Kind.SUM && kind != Reduce.Kind.MEAN) || axes.isEmpty() || axes.size() == x.ndim()) {
            return false;
        }
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i) != i) {
                return false;
            }
        }
        return ColumnReduce.applies(x, outer);
    }

    /** Whole vectors of columns in {@link ColumnReduce}, split over the pool; the last few columns here. */
    private void reduceColumns(NDArray x, ReduceGroups groups, NDArray o, long cols) {
        boolean mean = kind == Reduce.Kind.MEAN;
        long rows = groups.length();
        long covered = ColumnReduce.covered(cols);
        int lanes = Species.D.length();
        int tasks = x.size() < Species.PARALLEL_ELEMENTS ? 1 : Parallel.tasksFor(covered / lanes, 1);
        if (tasks <= 1) {
            ColumnReduce.run(x, rows, cols, mean, o, 0, covered);
        } else {
            long step = (covered / lanes + tasks - 1) / tasks * lanes;
            Parallel.run(tasks, t -> ColumnReduce.run(x, rows, cols, mean, o, Math.min(covered, t * step),
                    Math.min(covered, (t + 1) * step)));
        }
        range(groups, o, covered, cols);
    }

    private void range(ReduceGroups groups, NDArray o, long from, long to) {
        double[] buf = BUFFER.get();
        for (long i = from; i < to; i++) {
            o.writeDouble(o.offset() + i, reduce(groups, groups.start(i), buf));
        }
    }

    private double reduce(ReduceGroups g, long start, double[] buf) {
        return switch (kind) {
            case SUM -> sum(g, start, buf);
            case MEAN -> sum(g, start, buf) / g.length();
            case PROD -> ReduceGroups.iterate(1, p -> product(g.firstPeriod(), start, p, buf), g.repeats());
            case MAX, MIN -> extreme(g.firstPeriod().heads(), start, kind == Reduce.Kind.MAX, buf);
        };
    }

    private static double sum(ReduceGroups g, long start, double[] buf) {
        return Summation.pairwise(g.length(), g.run(), g.period(), new Summation.Pieces() {
            @Override
            public double sum(long from, int n) {
                g.read(start, from, n, buf);
                return pairwise(buf, 0, n);
            }

            @Override
            public double at(long i) {
                return g.value(start, i);
            }
        });
    }

    /** {@code p} times the elements of one period, left to right, each run as one repeated factor. */
    private static double product(ReduceGroups period, long start, double p, double[] buf) {
        ReduceGroups h = period.heads();
        long run = period.run();
        for (long from = 0; from < h.length(); from += buf.length) {
            int n = (int) Math.min(buf.length, h.length() - from);
            h.read(start, from, n, buf);
            for (int i = 0; i < n; i++) {
                double v = buf[i];
                p = run == 1 ? p * v : ReduceGroups.iterate(p, q -> q * v, run);
            }
        }
        return p;
    }

    /** The maximum (or minimum) of the run heads {@code h} (of the first period: the others repeat it), a buffer at a time. */
    private static double extreme(ReduceGroups h, long start, boolean max, double[] buf) {
        double m = 0;
        for (long from = 0; from < h.length(); from += buf.length) {
            int n = (int) Math.min(buf.length, h.length() - from);
            h.read(start, from, n, buf);
            double e = extreme(buf, n, max);
            m = from == 0 ? e : max ? Numerics.maximum(m, e) : Numerics.minimum(m, e);
        }
        return m;
    }

    /**
     * The maximum (or minimum) of {@code v[0 .. n)}, n >= 1, as the reference's sequential
     * {@code Numerics.maximum} gives it: NaN propagates, and a zero result has the sign of the
     * last zero (of equal elements the later one wins), which the lanes cannot tell apart.
     */
    static double extreme(double[] v, int n, boolean max) {
        double m = lanesExtreme(v, n, max);
        return m == 0 ? lastZero(v, n) : m;
    }

    private static double lastZero(double[] v, int n) {
        int i = n - 1;
        while (v[i] != 0) {
            i--;
        }
        return v[i];
    }

    private static double lanesExtreme(double[] v, int n, boolean max) {
        double m = v[0];
        int i = 1;
        if (Species.vector() && n >= 2 * Species.D.length()) {
            DoubleVector acc = DoubleVector.fromArray(Species.D, v, 0);
            int bound = Species.D.loopBound(n);
            for (i = Species.D.length(); i < bound; i += Species.D.length()) {
                DoubleVector x = DoubleVector.fromArray(Species.D, v, i);
                acc = max ? acc.lanewise(VectorOperators.MAX, x) : acc.lanewise(VectorOperators.MIN, x);
            }
            for (int l = 0; l < Species.D.length(); l++) {
                m = max ? Numerics.maximum(m, acc.lane(l)) : Numerics.minimum(m, acc.lane(l));
            }
        }
        for (; i < n; i++) {
            m = max ? Numerics.maximum(m, v[i]) : Numerics.minimum(m, v[i]);
        }
        return m;
    }

    /** numpy's (and the reference's) pairwise sum; the 8 partial sums of a leaf are one 8-lane vector. */
    static double pairwise(double[] v, int from, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            int i = leaf(v, from, n, r);
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                s += v[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(v, from, half) + pairwise(v, from + half, n - half);
    }

    private static int leaf(double[] v, int from, int n, double[] r) {
        int end = n - n % 8;
        if (Species.vector() && Species.D.length() == 8) {
            DoubleVector acc = DoubleVector.fromArray(Species.D, v, from);
            for (int i = 8; i < end; i += 8) {
                acc = acc.add(DoubleVector.fromArray(Species.D, v, from + i));
            }
            acc.intoArray(r, 0);
            return end;
        }
        System.arraycopy(v, from, r, 0, 8);
        for (int i = 8; i < end; i += 8) {
            for (int j = 0; j < 8; j++) {
                r[j] += v[from + i + j];
            }
        }
        return end;
    }
}
