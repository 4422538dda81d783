package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import org.theano4j.tensor.NDArray;

/**
 * The operands of one matrix product {@code C = A B} for {@link Dgemm} and {@link Sgemm}: element
 * positions and strides in elements ({@code sa0} between rows of A, {@code sa1} between its
 * columns; likewise B), C row-major contiguous; and how the product splits over threads.
 */
record GemmOperands(MemorySegment a, long aOff, long sa0, long sa1, MemorySegment b, long bOff, long sb0, long sb1,
        MemorySegment c, long cOff, long m, long n, long k) {

    /** The operands of {@code c = a b}. */
    static GemmOperands of(NDArray a, NDArray b, NDArray c) {
        long[] as = a.strides();
        long[] bs = b.strides();
        return new GemmOperands(a.segment(), a.offset(), as[0], as[1], b.segment(), b.offset(), bs[0], bs[1],
                c.segment(), c.offset(), a.shape(0), b.shape(1), a.shape(1));
    }

    /**
     * Whether {@code tasks} threads should split C's rows (in whole {@code mr}-row panels) rather
     * than its columns ({@code nr}-column panels): the split that leaves the busiest thread the
     * least work, rows on a tie.
     */
    static boolean splitRows(long m, int mr, long n, int nr, int tasks) {
        // compared as doubles: the products of huge extents need not fit a long
        double rowsBusiest = (double) step(m, mr, tasks) * n;
        double colsBusiest = (double) step(n, nr, tasks) * m;
        return rowsBusiest <= colsBusiest;
    }

    /** The extent each of {@code tasks} threads takes of {@code size}: a multiple of {@code unit}, the last gets the rest. */
    static long step(long size, int unit, int tasks) {
        long units = (size + unit - 1) / unit;
        return (units + tasks - 1) / tasks * unit;
    }
}
