package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.tensor.NDArray;

/**
 * float64 GEMM {@code C = A B} (BLIS structure): B is packed into {@link #NR}-column panels per
 * {@link #KC}-deep slab, A into {@link #MR}-row panels per {@link #MC}-row block, and an 8 x 3-vector
 * register-blocked micro-kernel of broadcast-FMAs updates C. Any strides (transposed operands)
 * are absorbed by the packing. Big products split C's longer side over the pool; each thread
 * reuses its own packing buffers.
 */
final class Dgemm {
    private static final VectorSpecies<Double> S = Species.D;
    private static final int L = S.length();
    static final int MR = 8;
    static final int NR = 3 * L;
    static final int KC = 256;
    static final int MC = 128;
    static final int NC = NR * 170;
    private static final ValueLayout.OfDouble E = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Per-thread packing buffers and an edge tile. */
    private static final class Buffers {
        final double[] a = new double[MC * KC];
        final double[] b = new double[KC * NC];
        final double[] tile = new double[MR * NR];
    }

    /** The operands of one product: element positions, strides in elements, C row-major contiguous. */
    record Operands(MemorySegment a, long aOff, long sa0, long sa1, MemorySegment b, long bOff, long sb0, long sb1,
            MemorySegment c, long cOff, int m, int n, int k) {
        static Operands of(NDArray a, NDArray b, NDArray c) {
            long[] as = a.strides();
            long[] bs = b.strides();
            return new Operands(a.segment(), a.offset(), as[0], as[1], b.segment(), b.offset(), bs[0], bs[1],
                    c.segment(), c.offset(), (int) a.shape(0), (int) b.shape(1), (int) a.shape(1));
        }
    }

    private Dgemm() {
    }

    /** {@code c = a b} for matrices; {@code c} is C-contiguous. */
    static void multiply(NDArray a, NDArray b, NDArray c) {
        Operands o = Operands.of(a, b, c);
        if (o.m == 0 || o.n == 0) {
            return;
        }
        if (o.k == 0) {
            c.fill(0);
            return;
        }
        double flops = 2.0 * o.m * o.n * o.k;
        int tasks = flops < 4e6 ? 1 : Parallel.tasksFor(Math.max(o.m, o.n), 64);
        if (tasks == 1) {
            block(o, 0, o.m, 0, o.n);
        } else if (o.n >= o.m) {
            int step = ceilTo((o.n + tasks - 1) / tasks, NR);
            Parallel.run(tasks, t -> block(o, 0, o.m, Math.min(o.n, t * step), Math.min(o.n, (t + 1) * step)));
        } else {
            int step = ceilTo((o.m + tasks - 1) / tasks, MR);
            Parallel.run(tasks, t -> block(o, Math.min(o.m, t * step), Math.min(o.m, (t + 1) * step), 0, o.n));
        }
    }

    private static int ceilTo(int x, int unit) {
        return (x + unit - 1) / unit * unit;
    }

    /** Rows {@code [i0, i1)} and columns {@code [j0, j1)} of C. */
    private static void block(Operands o, int i0, int i1, int j0, int j1) {
        Buffers buf = BUFFERS.get();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < o.k; pc += KC) {
                int kc = Math.min(KC, o.k - pc);
                packB(o, pc, kc, jc, nc, buf.b);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(o, ic, mc, pc, kc, buf.a);
                    macro(o, buf, ic, mc, jc, nc, kc, pc > 0);
                }
            }
        }
    }

    private static void macro(Operands o, Buffers buf, int ic, int mc, int jc, int nc, int kc, boolean accumulate) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                kernel(buf.a, ir * kc, buf.b, jr * kc, kc, buf.tile);
                long cPos = o.cOff + (long) (ic + ir) * o.n + jc + jr;
                if (mr == MR && nr == NR) {
                    update(buf.tile, o.c, cPos * 8, (long) o.n * 8, accumulate);
                } else {
                    updateEdge(buf.tile, o, cPos, mr, nr, accumulate);
                }
            }
        }
    }

    /** C tile (row pitch {@code ldc} bytes) = or += the full register tile. */
    private static void update(double[] tile, MemorySegment c, long at, long ldc, boolean accumulate) {
        ByteOrder bo = ByteOrder.nativeOrder();
        for (int r = 0; r < MR; r++, at += ldc) {
            for (int j = 0; j < NR; j += L) {
                DoubleVector v = DoubleVector.fromArray(S, tile, r * NR + j);
                if (accumulate) {
                    v = v.add(DoubleVector.fromMemorySegment(S, c, at + j * 8L, bo));
                }
                v.intoMemorySegment(c, at + j * 8L, bo);
            }
        }
    }

    /** The valid {@code mr x nr} corner of a partial tile into C. */
    private static void updateEdge(double[] tile, Operands o, long cPos, int mr, int nr, boolean accumulate) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                long p = cPos + (long) r * o.n + j;
                double v = tile[r * NR + j];
                o.c.setAtIndex(E, p, accumulate ? o.c.getAtIndex(E, p) + v : v);
            }
        }
    }

    /** Packs rows {@code [ic, ic+mc)} x depth {@code [pc, pc+kc)} of A into MR-row panels (zero-padded). */
    private static void packA(Operands o, int ic, int mc, int pc, int kc, double[] dst) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int base = ir * kc;
            for (int p = 0; p < kc; p++) {
                long pos = o.aOff + (long) (ic + ir) * o.sa0 + (long) (pc + p) * o.sa1;
                int d = base + p * MR;
                if (o.sa0 == 1 && mr == MR) {
                    MemorySegment.copy(o.a, E, pos * 8, dst, d, MR);
                } else {
                    for (int r = 0; r < MR; r++) {
                        dst[d + r] = r < mr ? o.a.getAtIndex(E, pos + r * o.sa0) : 0;
                    }
                }
            }
        }
    }

    /** Packs depth {@code [pc, pc+kc)} x columns {@code [jc, jc+nc)} of B into NR-column panels (zero-padded). */
    private static void packB(Operands o, int pc, int kc, int jc, int nc, double[] dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int base = jr * kc;
            for (int p = 0; p < kc; p++) {
                long pos = o.bOff + (long) (pc + p) * o.sb0 + (long) (jc + jr) * o.sb1;
                int d = base + p * NR;
                if (o.sb1 == 1 && nr == NR) {
                    MemorySegment.copy(o.b, E, pos * 8, dst, d, NR);
                } else {
                    for (int j = 0; j < NR; j++) {
                        dst[d + j] = j < nr ? o.b.getAtIndex(E, pos + j * o.sb1) : 0;
                    }
                }
            }
        }
    }

    /** The MR x NR micro-kernel: {@code t} (row-major MR x NR) = A panel * B panel over depth kc. */
    static void kernel(double[] a, int ai, double[] b, int bi, int kc, double[] t) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        DoubleVector c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00, c52 = c00;
        DoubleVector c60 = c00, c61 = c00, c62 = c00, c70 = c00, c71 = c00, c72 = c00;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, a[ai + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, a[ai + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, a[ai + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
            x = DoubleVector.broadcast(S, a[ai + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
            x = DoubleVector.broadcast(S, a[ai + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
            x = DoubleVector.broadcast(S, a[ai + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
            x = DoubleVector.broadcast(S, a[ai + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71); c72 = x.fma(b2, c72);
        }
        c00.intoArray(t, 0); c01.intoArray(t, L); c02.intoArray(t, 2 * L);
        c10.intoArray(t, NR); c11.intoArray(t, NR + L); c12.intoArray(t, NR + 2 * L);
        c20.intoArray(t, 2 * NR); c21.intoArray(t, 2 * NR + L); c22.intoArray(t, 2 * NR + 2 * L);
        c30.intoArray(t, 3 * NR); c31.intoArray(t, 3 * NR + L); c32.intoArray(t, 3 * NR + 2 * L);
        c40.intoArray(t, 4 * NR); c41.intoArray(t, 4 * NR + L); c42.intoArray(t, 4 * NR + 2 * L);
        c50.intoArray(t, 5 * NR); c51.intoArray(t, 5 * NR + L); c52.intoArray(t, 5 * NR + 2 * L);
        c60.intoArray(t, 6 * NR); c61.intoArray(t, 6 * NR + L); c62.intoArray(t, 6 * NR + 2 * L);
        c70.intoArray(t, 7 * NR); c71.intoArray(t, 7 * NR + L); c72.intoArray(t, 7 * NR + 2 * L);
    }
}
