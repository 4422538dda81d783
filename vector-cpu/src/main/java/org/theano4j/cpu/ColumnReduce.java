package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Sum or mean over the leading axes of a C-contiguous float array (a bias gradient's
 * {@code sum(g, axis=0)}), viewed as {@code rows x cols}: each lane of a vector is one column,
 * and the reference's pairwise tree over the rows runs lane by lane on whole rows, so every lane
 * equals the reference bit for bit while the loads stay contiguous. float32 rows are widened to
 * double as the reference reads them. Columns beyond the last whole vector are left to the caller.
 */
final class ColumnReduce {
    private static final VectorSpecies<Double> D = Species.D;
    private static final int L = D.length();
    private static final ByteOrder BO = ByteOrder.nativeOrder();
    /** float32 lanes as many as {@link #D}'s, or null when {@code D} is too narrow to halve. */
    private static final VectorSpecies<Float> HALF = D.vectorBitSize() >= 128
            ? VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2)) : null;

    private final MemorySegment seg;
    private final long base;
    private final long cols;
    private final boolean floats;

    private ColumnReduce(NDArray x, long cols) {
        this.seg = x.segment();
        this.base = x.offset();
        this.cols = cols;
        this.floats = x.dtype() == DType.FLOAT32;
    }

    /** Whether {@code x} (float, C-contiguous) can be reduced here with {@code cols} kept elements per row. */
    static boolean applies(NDArray x, long cols) {
        boolean dtype = x.dtype() == DType.FLOAT64 || (x.dtype() == DType.FLOAT32 && HALF != null);
        return Species.vector() && L >= 2 && dtype && cols >= L && x.isCContiguous();
    }

    /** The number of leading columns {@link #run} covers: whole vectors only. */
    static long covered(long cols) {
        return cols - cols % L;
    }

    /**
     * Writes the sum (or mean) over {@code rows} rows of the columns {@code [from, to)} (multiples
     * of the vector length) into {@code o}'s elements of the same index.
     */
    static void run(NDArray x, long rows, long cols, boolean mean, NDArray o, long from, long to) {
        ColumnReduce r = new ColumnReduce(x, cols);
        double[] lanes = new double[L];
        for (long c = from; c < to; c += L) {
            DoubleVector s = r.pairwise(c, 0, rows);
            if (mean) {
                s = s.div(rows);
            }
            s.intoArray(lanes, 0);
            for (int l = 0; l < L; l++) {
                o.writeDouble(o.offset() + c + l, lanes[l]);
            }
        }
    }

    private DoubleVector row(long r, long c) {
        long pos = base + r * cols + c;
        if (floats) {
            FloatVector f = FloatVector.fromMemorySegment(HALF, seg, pos * 4, BO);
            return (DoubleVector) f.convertShape(VectorOperators.F2D, D, 0);
        }
        return DoubleVector.fromMemorySegment(D, seg, pos * 8, BO);
    }

    /** {@code ReduceKernel.pairwise} with whole rows in place of elements. */
    private DoubleVector pairwise(long c, long from, long n) {
        if (n < 8) {
            DoubleVector s = DoubleVector.zero(D);
            for (long i = 0; i < n; i++) {
                s = s.add(row(from + i, c));
            }
            return s;
        }
        if (n <= 128) {
            return leaf(c, from, (int) n);
        }
        long half = n / 2;
        half -= half % 8;
        return pairwise(c, from, half).add(pairwise(c, from + half, n - half));
    }

    private DoubleVector leaf(long c, long from, int n) {
        DoubleVector r0 = row(from, c);
        DoubleVector r1 = row(from + 1, c);
        DoubleVector r2 = row(from + 2, c);
        DoubleVector r3 = row(from + 3, c);
        DoubleVector r4 = row(from + 4, c);
        DoubleVector r5 = row(from + 5, c);
        DoubleVector r6 = row(from + 6, c);
        DoubleVector r7 = row(from + 7, c);
        int end = n - n % 8;
        for (long i = from + 8; i < from + end; i += 8) {
            r0 = r0.add(row(i, c));
            r1 = r1.add(row(i + 1, c));
            r2 = r2.add(row(i + 2, c));
            r3 = r3.add(row(i + 3, c));
            r4 = r4.add(row(i + 4, c));
            r5 = r5.add(row(i + 5, c));
            r6 = r6.add(row(i + 6, c));
            r7 = r7.add(row(i + 7, c));
        }
        DoubleVector s = r0.add(r1).add(r2.add(r3)).add(r4.add(r5).add(r6.add(r7)));
        for (long i = from + end; i < from + n; i++) {
            s = s.add(row(i, c));
        }
        return s;
    }
}
