package org.theano4j.cpu;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.backend.Kernel;
import org.theano4j.op.ArgReduce;
import org.theano4j.op.ReduceGroups;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Summation;

/**
 * Float argmax/argmin along one axis or over the flattened array, equal to the reference: each
 * output's elements ({@link ReduceGroups}, any long length; only the first period, and in it the
 * first element of each run of equal ones, as a later one never wins) are read a buffer at a time; a buffer's extreme comes
 * from a NaN-propagating vector max/min, then the first element equal to it (or the first NaN)
 * is its index. So the first occurrence wins, a NaN beats every number, and -0.0 ties with 0.0.
 */
final class ArgReduceKernel implements Kernel {
    private static final VectorSpecies<Double> D = Species.D;
    private static final ThreadLocal<double[]> BUFFER = ThreadLocal.withInitial(() -> new double[Summation.PIECE]);
    private final boolean max;
    private final Integer axis;

    private ArgReduceKernel(boolean max, Integer axis) {
        this.max = max;
        this.axis = axis;
    }

    /** A kernel for float inputs, or null (integer inputs run the reference). */
    static Kernel of(ArgReduce op, DType in) {
        return in.isFloat() ? new ArgReduceKernel(op.max(), op.axis()) : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        ReduceGroups groups = new ReduceGroups(in[0], reduced(in[0].ndim()));
        NDArray o = out[0];
        long rows = groups.count();
        if (rows == 0) {
            return;
        }
        if (groups.length() == 0) {
            throw new IllegalArgumentException("attempt to get " + (max ? "argmax" : "argmin") + " of an empty sequence");
        }
        ReduceGroups period = groups.firstPeriod(); // the first occurrence is in the first period
        ReduceGroups heads = period.heads();
        boolean flat = o.isCContiguous();
        Rows.split(rows, heads.length(), (from, to) -> {
            double[] buf = BUFFER.get();
            for (long r = from; r < to; r++) {
                long best = best(heads, groups.start(r), buf) * period.run();
                if (flat) {
                    o.writeLong(o.offset() + r, best);
                } else {
                    o.setFlatLong(r, best);
                }
            }
        });
    }

    /** The reduced axis, or every axis for the flattened array. */
    private List<Integer> reduced(int ndim) {
        if (axis != null) {
            return List.of(axis);
        }
        List<Integer> all = new ArrayList<>();
        for (int ax = 0; ax < ndim; ax++) {
            all.add(ax);
        }
        return all;
    }

    /** The index of the first extreme (or NaN) among the elements of {@code g} at {@code start}. */
    private long best(ReduceGroups g, long start, double[] buf) {
        long best = -1;
        double m = 0;
        for (long from = 0; from < g.length() && m == m; from += buf.length) {
            int n = (int) Math.min(buf.length, g.length() - from);
            g.read(start, from, n, buf);
            double e = ReduceKernel.extreme(buf, n, max);
            if (best < 0 || e != e || (max ? e > m : e < m)) {
                m = e;
                best = from + first(buf, n, e);
            }
        }
        return best;
    }

    /** The index of the first element equal to {@code m}, or of the first NaN when {@code m} is NaN. */
    private static long first(double[] v, int n, double m) {
        boolean nan = m != m;
        int i = 0;
        if (Species.vector()) {
            for (int bound = D.loopBound(n); i < bound; i += D.length()) {
                DoubleVector x = DoubleVector.fromArray(D, v, i);
                VectorMask<Double> hit = nan ? x.test(VectorOperators.IS_NAN) : x.eq(m);
                if (hit.anyTrue()) {
                    return i + hit.firstTrue();
                }
            }
        }
        for (; i < n; i++) {
            if (nan ? v[i] != v[i] : v[i] == m) {
                return i;
            }
        }
        throw new IllegalStateException("the row extreme " + m + " is not in the row");
    }
}
