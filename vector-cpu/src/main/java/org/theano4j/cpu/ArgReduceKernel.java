package org.theano4j.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.backend.Kernel;
import org.theano4j.op.ArgReduce;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Float argmax/argmin along one axis or over the flattened array, equal to the reference: the
 * reduced axis is moved last and each row is read into a buffer; the row's extreme comes from a
 * NaN-propagating vector max/min, then the first element equal to it (or the first NaN) is its
 * index. So the first occurrence wins, a NaN beats every number, and -0.0 ties with 0.0.
 */
final class ArgReduceKernel implements Kernel {
    private static final VectorSpecies<Double> D = Species.D;
    private static final ThreadLocal<double[][]> BUFFER = ThreadLocal.withInitial(() -> new double[][] {new double[64]});
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
        Rows x = new Rows(rowsView(in[0]));
        NDArray o = out[0];
        long rows = x.count();
        int n = x.length();
        if (rows == 0) {
            return;
        }
        if (n == 0) {
            throw new IllegalArgumentException("attempt to get " + (max ? "argmax" : "argmin") + " of an empty sequence");
        }
        boolean flat = o.isCContiguous();
        Rows.split(rows, n, (from, to) -> {
            double[] buf = Rows.buffer(BUFFER, 0, n);
            for (long r = from; r < to; r++) {
                x.load(r, buf);
                long best = first(buf, n, ReduceKernel.extreme(buf, n, max));
                if (flat) {
                    o.writeLong(o.offset() + r, best);
                } else {
                    o.setFlatLong(r, best);
                }
            }
        });
    }

    /** {@code x} with the reduced axis last (a view), or flattened to one row. */
    private NDArray rowsView(NDArray x) {
        if (axis == null) {
            return x.reshape(x.size());
        }
        int nd = x.ndim();
        if (axis == nd - 1) {
            return x;
        }
        int[] perm = new int[nd];
        for (int ax = 0, p = 0; ax < nd; ax++) {
            if (ax != axis) {
                perm[p++] = ax;
            }
        }
        perm[nd - 1] = axis;
        return x.transpose(perm);
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
