package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 matrix-vector products and vector dot products at memory bandwidth: row-major
 * matrices take one 4-accumulator dot per row, column-major ones (a transposed operand) an
 * axpy per column into the output; other strides run a scalar loop.
 *
 * <p>Big products split the matrix into {@link Chunks} of the contracted axis' other side: a
 * row-major matrix by output rows, a column-major one by depth (each chunk sums its columns into
 * its own partial vector, and the partials are added in chunk order). The chunk boundaries depend
 * on the size alone, so the bits never depend on the thread count; and {@code X·w} and
 * {@code Xᵀ·g} over the same X split X's rows at the same boundaries, so each thread reads the rows
 * it read in the other product, which stay in its core's L2 (the seed's 400 x 784 step: the pair
 * took 43 us when the transposed product split its outputs instead, 34 us when each ran alone).
 */
final class Dgemv {
    private static final VectorSpecies<Double> S = Species.D;
    private static final int L = S.length();
    private static final ValueLayout.OfDouble E = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ByteOrder BO = ByteOrder.nativeOrder();
    /** Products below this many multiply-adds stay on the calling thread. */
    static final long PARALLEL_MADDS = 1L << 15;

    private Dgemv() {
    }

    /**
     * {@code y[i] = sum_p A[i, p] x[p]} for {@code i < m}, A at element {@code aOff} with strides
     * {@code (sa0, sa1)}, x with stride {@code sx}, y contiguous at {@code yOff}.
     */
    static void multiply(MemorySegment a, long aOff, long sa0, long sa1, MemorySegment x, long xOff, long sx,
            MemorySegment y, long yOff, long m, long k) {
        // measured on 2 cores with the spinning team: 2 threads win from ~64 x 784 (2x at 128 x 784)
        if (m * k < PARALLEL_MADDS) {
            rows(a, aOff, sa0, sa1, x, xOff, sx, y, yOff, 0, m, k);
        } else if (sa0 == 1 && !(sa1 == 1 && sx == 1) && Species.vector()) {
            depthChunks(a, aOff, sa1, x, xOff, sx, y, yOff, m, k);
        } else {
            Chunks c = Chunks.of(m);
            Parallel.run(c.tasks(), t -> rows(a, aOff, sa0, sa1, x, xOff, sx, y, yOff, c.taskStart(t), c.taskEnd(t), k));
        }
    }

    /**
     * A column-major product split by depth: chunk 0 sums its columns into y, chunk c into partial
     * vector c - 1, then the partials are added into y in chunk order.
     */
    private static void depthChunks(MemorySegment a, long aOff, long lda, MemorySegment x, long xOff, long sx,
            MemorySegment y, long yOff, long m, long k) {
        Chunks c = Chunks.of(k);
        MemorySegment partials = Chunks.partials((c.count() - 1) * m * 8);
        Parallel.run(c.tasks(), t -> {
            for (int q = c.firstChunk(t); q < c.firstChunk(t + 1); q++) {
                long p0 = c.start(q);
                MemorySegment out = q == 0 ? y : partials;
                long outOff = q == 0 ? yOff : (q - 1) * m;
                columns(a, aOff + p0 * lda, lda, x, xOff + p0 * sx, sx, out, outOff, m, c.start(q + 1) - p0);
            }
        });
        for (int q = 1; q < c.count(); q++) {
            addInto(y, yOff, partials, (q - 1) * m, m);
        }
    }

    /** {@code y[i] += p[i]} for {@code i < m}. */
    private static void addInto(MemorySegment y, long yOff, MemorySegment p, long pOff, long m) {
        long yb = yOff * 8;
        long pb = pOff * 8;
        long i = 0;
        for (long bound = S.loopBound(m); i < bound; i += L) {
            load(y, yb, i).add(load(p, pb, i)).intoMemorySegment(y, yb + i * 8, BO);
        }
        for (; i < m; i++) {
            y.setAtIndex(E, yOff + i, y.getAtIndex(E, yOff + i) + p.getAtIndex(E, pOff + i));
        }
    }

    private static void rows(MemorySegment a, long aOff, long sa0, long sa1, MemorySegment x, long xOff, long sx,
            MemorySegment y, long yOff, long i0, long i1, long k) {
        if (sa1 == 1 && sx == 1 && Species.vector()) {
            for (long i = i0; i < i1; i++) {
                y.setAtIndex(E, yOff + i, dot(a, aOff + i * sa0, x, xOff, k));
            }
        } else if (sa0 == 1 && Species.vector()) {
            columns(a, aOff + i0, sa1, x, xOff, sx, y, yOff + i0, i1 - i0, k);
        } else {
            for (long i = i0; i < i1; i++) {
                double s = 0;
                for (long p = 0; p < k; p++) {
                    s += a.getAtIndex(E, aOff + i * sa0 + p * sa1) * x.getAtIndex(E, xOff + p * sx);
                }
                y.setAtIndex(E, yOff + i, s);
            }
        }
    }

    /** y[0..m) = sum_p x[p] * column p, columns contiguous with pitch {@code lda} elements; four columns per pass over y. */
    private static void columns(MemorySegment a, long aOff, long lda, MemorySegment x, long xOff, long sx,
            MemorySegment y, long yOff, long m, long k) {
        for (long i = 0; i < m; i++) {
            y.setAtIndex(E, yOff + i, 0.0);
        }
        long p = 0;
        for (; p + 4 <= k; p += 4) {
            fourColumns(a, aOff + p * lda, lda, x, xOff + p * sx, sx, y, yOff, m);
        }
        for (; p < k; p++) {
            double xp = x.getAtIndex(E, xOff + p * sx);
            for (long i = 0; i < m; i++) {
                y.setAtIndex(E, yOff + i, Math.fma(a.getAtIndex(E, aOff + p * lda + i), xp, y.getAtIndex(E, yOff + i)));
            }
        }
    }

    /** y += x0 * c0 + x1 * c1 + x2 * c2 + x3 * c3 for the four columns starting at {@code col}. */
    private static void fourColumns(MemorySegment a, long col, long lda, MemorySegment x, long xOff, long sx,
            MemorySegment y, long yOff, long m) {
        double x0 = x.getAtIndex(E, xOff);
        double x1 = x.getAtIndex(E, xOff + sx);
        double x2 = x.getAtIndex(E, xOff + 2 * sx);
        double x3 = x.getAtIndex(E, xOff + 3 * sx);
        DoubleVector v0 = DoubleVector.broadcast(S, x0);
        DoubleVector v1 = DoubleVector.broadcast(S, x1);
        DoubleVector v2 = DoubleVector.broadcast(S, x2);
        DoubleVector v3 = DoubleVector.broadcast(S, x3);
        long c0 = col * 8;
        long c1 = (col + lda) * 8;
        long c2 = (col + 2 * lda) * 8;
        long c3 = (col + 3 * lda) * 8;
        long yb = yOff * 8;
        long bound = S.loopBound(m);
        long i = 0;
        for (; i < bound; i += L) {
            long o = i * 8;
            DoubleVector acc = DoubleVector.fromMemorySegment(S, y, yb + o, BO);
            acc = DoubleVector.fromMemorySegment(S, a, c0 + o, BO).fma(v0, acc);
            acc = DoubleVector.fromMemorySegment(S, a, c1 + o, BO).fma(v1, acc);
            acc = DoubleVector.fromMemorySegment(S, a, c2 + o, BO).fma(v2, acc);
            acc = DoubleVector.fromMemorySegment(S, a, c3 + o, BO).fma(v3, acc);
            acc.intoMemorySegment(y, yb + o, BO);
        }
        for (; i < m; i++) {
            double s = y.getAtIndex(E, yOff + i);
            s = Math.fma(a.getAtIndex(E, col + i), x0, s);
            s = Math.fma(a.getAtIndex(E, col + lda + i), x1, s);
            s = Math.fma(a.getAtIndex(E, col + 2 * lda + i), x2, s);
            s = Math.fma(a.getAtIndex(E, col + 3 * lda + i), x3, s);
            y.setAtIndex(E, yOff + i, s);
        }
    }

    /**
     * Contiguous dot product of {@code k} elements with four vector accumulators, added lanewise as
     * {@code (s0 + s1) + (s2 + s3)}, then lane by lane from lane 0, so the bits never depend on
     * whether C2 has compiled the loop.
     */
    static double dot(MemorySegment a, long aOff, MemorySegment x, long xOff, long k) {
        long ab = aOff * 8;
        long xb = xOff * 8;
        DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        long i = 0;
        for (long bound = k - 4 * L; i <= bound; i += 4 * L) {
            s0 = load(a, ab, i).fma(load(x, xb, i), s0);
            s1 = load(a, ab, i + L).fma(load(x, xb, i + L), s1);
            s2 = load(a, ab, i + 2 * L).fma(load(x, xb, i + 2 * L), s2);
            s3 = load(a, ab, i + 3 * L).fma(load(x, xb, i + 3 * L), s3);
        }
        for (long bound = S.loopBound(k); i < bound; i += L) {
            s0 = load(a, ab, i).fma(load(x, xb, i), s0);
        }
        DoubleVector t = s0.add(s1).add(s2.add(s3));
        double s = 0;
        for (int l = 0; l < L; l++) { // not reduceLanes(ADD): C2 may add pairwise (256-bit AVX), the interpreter in order
            s += t.lane(l);
        }
        for (; i < k; i++) {
            s = Math.fma(a.getAtIndex(E, aOff + i), x.getAtIndex(E, xOff + i), s);
        }
        return s;
    }

    private static DoubleVector load(MemorySegment s, long byteBase, long i) {
        return DoubleVector.fromMemorySegment(S, s, byteBase + i * 8, BO);
    }
}
