package org.theano4j.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.tensor.NDArray;

/**
 * float32 GEMM {@code C = A B}, accumulating in float like sgemm (BLIS structure): B is packed
 * into {@link #NR}-column panels per {@link #KC}-deep slab, A into {@link #MR}-row panels per
 * {@link #MC}-row block, and a register-blocked micro-kernel of broadcast-FMAs shaped for the
 * machine's register file by {@link GemmBlocking} (7 x 3 vectors in 32 registers, 6 x 2 in 16; a
 * bigger tile spills: 8 x 3 kept one accumulator on the stack) computes each tile of C, which one
 * vector pass stores or adds into C; a deep {@link #KC} halves the passes over C. Packing copies
 * whole contiguous lines of an operand (rows or columns, whichever the strides make contiguous) and
 * spreads them over the panels on the heap, so transposed operands cost the same. Big products
 * split C's rows or columns over the team, whichever divides into whole panels more evenly; each
 * thread reuses its own packing buffers.
 *
 * <p>The 32-bit twin of this class is generated from the 64-bit one by
 * {@code vector-cpu/scripts/gen-float-twins.sh} (a test checks it is up to date): edit the 64-bit one.
 */
final class Sgemm {
    private static final VectorSpecies<Float> S = Species.F;
    private static final int L = S.length();
    static final GemmBlocking BLOCKING = GemmBlocking.forMachine(L, Float.BYTES);
    static final int MR = BLOCKING.rows();
    static final int NR = BLOCKING.nr();
    static final int KC = BLOCKING.kc();
    static final int MC = BLOCKING.mc();
    static final int NC = BLOCKING.nc();
    private static final boolean WIDE = BLOCKING.vectors() == 3;
    private static final ValueLayout.OfFloat E = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final long ES = E.byteSize();
    private static final ByteOrder BO = ByteOrder.nativeOrder();

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Per-thread packing buffers, one contiguous line of an operand, and an edge tile. */
    private static final class Buffers {
        final float[] a = new float[MC * KC];
        final float[] b = new float[KC * NC];
        final float[] line = new float[Math.max(NC, KC)];
        final float[] tile = new float[MR * NR];
    }

    private Sgemm() {
    }

    /** {@code c = a b} for matrices; {@code c} is C-contiguous. */
    static void multiply(NDArray a, NDArray b, NDArray c) {
        GemmOperands o = GemmOperands.of(a, b, c);
        if (o.m() == 0 || o.n() == 0) {
            return;
        }
        if (o.k() == 0) {
            c.fill(0);
            return;
        }
        int tasks = 2.0 * o.m() * o.n() * o.k() < 4e6 ? 1 : Parallel.tasksFor(Math.max(o.m(), o.n()), 64);
        if (tasks == 1) {
            block(o, 0, o.m(), 0, o.n());
        } else if (GemmOperands.splitRows(o.m(), MR, o.n(), NR, tasks)) {
            long step = GemmOperands.step(o.m(), MR, tasks);
            Parallel.run(tasks, t -> block(o, Math.min(o.m(), t * step), Math.min(o.m(), (t + 1) * step), 0, o.n()));
        } else {
            long step = GemmOperands.step(o.n(), NR, tasks);
            Parallel.run(tasks, t -> block(o, 0, o.m(), Math.min(o.n(), t * step), Math.min(o.n(), (t + 1) * step)));
        }
    }

    /** Rows {@code [i0, i1)} and columns {@code [j0, j1)} of C. */
    private static void block(GemmOperands o, long i0, long i1, long j0, long j1) {
        Buffers buf = BUFFERS.get();
        for (long jc = j0; jc < j1; jc += NC) {
            int nc = (int) Math.min(NC, j1 - jc);
            for (long pc = 0; pc < o.k(); pc += KC) {
                int kc = (int) Math.min(KC, o.k() - pc);
                pack(o.b(), o.bOff() + pc * o.sb0() + jc * o.sb1(), o.sb1(), o.sb0(), nc, kc, NR, buf.b, buf.line);
                for (long ic = i0; ic < i1; ic += MC) {
                    int mc = (int) Math.min(MC, i1 - ic);
                    pack(o.a(), o.aOff() + ic * o.sa0() + pc * o.sa1(), o.sa0(), o.sa1(), mc, kc, MR, buf.a, buf.line);
                    macro(o, buf, ic, mc, jc, nc, kc, pc > 0);
                }
            }
        }
    }

    private static void macro(GemmOperands o, Buffers buf, long ic, int mc, long jc, int nc, int kc, boolean accumulate) {
        long ldc = o.n() * ES;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                long cPos = o.cOff() + (ic + ir) * o.n() + jc + jr;
                kernel(buf.a, ir * kc, buf.b, jr * kc, kc, buf.tile);
                if (mr == MR && nr == NR) {
                    update(buf.tile, o.c(), cPos * ES, ldc, accumulate);
                } else {
                    updateEdge(buf.tile, o, cPos, mr, nr, accumulate);
                }
            }
        }
    }

    /** C tile (row pitch {@code ldc} bytes) = or += the full register tile. */
    private static void update(float[] tile, MemorySegment c, long at, long ldc, boolean accumulate) {
        for (int r = 0; r < MR; r++, at += ldc) {
            for (int j = 0; j < NR; j += L) {
                FloatVector v = FloatVector.fromArray(S, tile, r * NR + j);
                if (accumulate) {
                    v = v.add(FloatVector.fromMemorySegment(S, c, at + (long) j * ES, BO));
                }
                v.intoMemorySegment(c, at + (long) j * ES, BO);
            }
        }
    }

    /** The valid {@code mr x nr} corner of a partial tile (row pitch NR) into C. */
    private static void updateEdge(float[] tile, GemmOperands o, long cPos, int mr, int nr, boolean accumulate) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                long p = cPos + r * o.n() + j;
                float v = tile[r * NR + j];
                o.c().setAtIndex(E, p, accumulate ? o.c().getAtIndex(E, p) + v : v);
            }
        }
    }

    /**
     * Packs {@code rows x kc} elements of X (element (i, p) at {@code off + i si + p sp}) into
     * {@code r}-row panels: {@code dst[(i / r) r kc + p r + i % r]}, the last panel zero-padded.
     * A contiguous line (a row when {@code sp == 1}, else a column when {@code si == 1}) is copied
     * in one call and then spread over the panels.
     */
    static void pack(MemorySegment x, long off, long si, long sp, int rows, int kc, int r, float[] dst,
            float[] line) {
        int tail = rows % r;
        if (tail != 0) {
            int last = rows - tail;
            Arrays.fill(dst, last * kc, last * kc + r * kc, 0);
        }
        if (sp == 1) {
            for (int i = 0; i < rows; i++) {
                MemorySegment.copy(x, E, (off + i * si) * ES, line, 0, kc);
                spread(line, dst, i / r * r * kc + i % r, kc, r);
            }
        } else if (si == 1) {
            for (int p = 0; p < kc; p++) {
                MemorySegment.copy(x, E, (off + p * sp) * ES, line, 0, rows);
                for (int q = 0, d = p * r; q < rows; q += r, d += r * kc) {
                    System.arraycopy(line, q, dst, d, Math.min(r, rows - q));
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int d = i / r * r * kc + i % r;
                for (int p = 0; p < kc; p++) {
                    dst[d + p * r] = x.getAtIndex(E, off + i * si + p * sp);
                }
            }
        }
    }

    /** {@code dst[d + p r] = line[p]} for {@code p < kc}. */
    private static void spread(float[] line, float[] dst, int d, int kc, int r) {
        for (int p = 0; p < kc; p++) {
            dst[d + p * r] = line[p];
        }
    }

    /**
     * The MR x NR micro-kernel: {@code t} (row-major MR x NR) = A panel * B panel over depth kc,
     * by the tile {@link GemmBlocking} chose for the register file ({@code WIDE} is a constant, so
     * C2 keeps one of the two). Each stays small: C1 gives up on a bigger one (out of virtual
     * registers), and a method stuck in C1's tier 2 never gets its vector operations intrinsified
     * (about 1 GFLOP/s).
     */
    static void kernel(float[] a, int ai, float[] b, int bi, int kc, float[] t) {
        if (WIDE) {
            kernel7x3(a, ai, b, bi, kc, t);
        } else {
            kernel6x2(a, ai, b, bi, kc, t);
        }
    }

    /** 7 rows x 3 vectors: 21 accumulators, 3 B vectors and a broadcast in 32 registers. */
    private static void kernel7x3(float[] a, int ai, float[] b, int bi, int kc, float[] t) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c50 = c00, c51 = c00, c52 = c00;
        FloatVector c60 = c00, c61 = c00, c62 = c00;
        for (int p = 0; p < kc; p++) {
            int ap = ai + p * MR;
            int bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
        }
        c00.intoArray(t, 0 * NR); c01.intoArray(t, 0 * NR + L); c02.intoArray(t, 0 * NR + 2 * L);
        c10.intoArray(t, 1 * NR); c11.intoArray(t, 1 * NR + L); c12.intoArray(t, 1 * NR + 2 * L);
        c20.intoArray(t, 2 * NR); c21.intoArray(t, 2 * NR + L); c22.intoArray(t, 2 * NR + 2 * L);
        c30.intoArray(t, 3 * NR); c31.intoArray(t, 3 * NR + L); c32.intoArray(t, 3 * NR + 2 * L);
        c40.intoArray(t, 4 * NR); c41.intoArray(t, 4 * NR + L); c42.intoArray(t, 4 * NR + 2 * L);
        c50.intoArray(t, 5 * NR); c51.intoArray(t, 5 * NR + L); c52.intoArray(t, 5 * NR + 2 * L);
        c60.intoArray(t, 6 * NR); c61.intoArray(t, 6 * NR + L); c62.intoArray(t, 6 * NR + 2 * L);
    }

    /** 6 rows x 2 vectors: 12 accumulators, 2 B vectors and a broadcast in 16 registers (AVX2). */
    private static void kernel6x2(float[] a, int ai, float[] b, int bi, int kc, float[] t) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            int ap = ai + p * MR;
            int bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
        }
        c00.intoArray(t, 0 * NR); c01.intoArray(t, 0 * NR + L);
        c10.intoArray(t, 1 * NR); c11.intoArray(t, 1 * NR + L);
        c20.intoArray(t, 2 * NR); c21.intoArray(t, 2 * NR + L);
        c30.intoArray(t, 3 * NR); c31.intoArray(t, 3 * NR + L);
        c40.intoArray(t, 4 * NR); c41.intoArray(t, 4 * NR + L);
        c50.intoArray(t, 5 * NR); c51.intoArray(t, 5 * NR + L);
    }
}
