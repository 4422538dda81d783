package org.theano4j.cpu;

import org.theano4j.tensor.Flags;

/**
 * The shape of the GEMM micro-kernel and the cache blocking around it, chosen once per element
 * type from the vector registers and cache sizes of the machine (BLIS's analytical model):
 *
 * <ul>
 *   <li>the register tile, flag {@code cpu.gemmTile}: 7 x 3 ({@code rows x vectors} accumulators,
 *       plus 3 B vectors and a broadcast: 25 registers) by default, 6 x 2 (15 registers, the
 *       textbook AVX2 tile) on request. Measured on this project's Zen 5 machines, 7 x 3 is faster
 *       even with the JVM held to 16 registers ({@code -XX:UseAVX=2}: dgemm 1024 26 vs 22 GFLOP/s,
 *       sgemm 1024 54 vs 41 on one thread, same blocking), so the register file does not pick the
 *       tile until a real AVX2 machine has been measured;
 *   <li>{@code kc}, the depth of a slab: the A micro-panel ({@code rows x kc}) fills at most three
 *       quarters of the L1 data cache, at most 512 deep;
 *   <li>{@code mc}, the rows of an A block: the packed block ({@code mc x kc}) fills half the L2;
 *   <li>{@code nc}, the columns of a B block: the packed block ({@code kc x nc}) fills half the L3,
 *       at most 2048 columns (a packing buffer per thread).
 * </ul>
 *
 * The flag {@code cpu.gemmBlocking=kc,mc,nc} overrides the cache blocking (for tuning).
 *
 * @param rows rows of the register tile (MR)
 * @param vectors vectors per tile row (NR = vectors x lanes)
 * @param lanes elements per vector
 * @param kc depth of a packed slab
 * @param mc rows of a packed A block, a multiple of {@code rows}
 * @param nc columns of a packed B block, a multiple of NR
 */
record GemmBlocking(int rows, int vectors, int lanes, int kc, int mc, int nc) {
    private static final int MAX_KC = 512;
    private static final int MAX_NC = 2048;

    /** Columns of the register tile. */
    int nr() {
        return vectors * lanes;
    }

    /** The blocking for {@code lanes}-element vectors of {@code elementBytes} bytes on this machine. */
    static GemmBlocking forMachine(int lanes, int elementBytes) {
        GemmBlocking b = choose(lanes, elementBytes, Flags.get("cpu.gemmTile").equals("7x3"), Species.caches());
        String override = Flags.get("cpu.gemmBlocking");
        return override == null ? b : b.withCacheBlocking(override);
    }

    /** The blocking for the 7 x 3 tile ({@code wide}) or the 6 x 2 one, and the given caches. */
    static GemmBlocking choose(int lanes, int elementBytes, boolean wide, CacheSizes caches) {
        int rows = wide ? 7 : 6;
        int vectors = wide ? 3 : 2;
        int nr = vectors * lanes;
        int kc = (int) Math.max(8, Math.min(MAX_KC, caches.l1d() * 3 / 4 / ((long) rows * elementBytes)) / 8 * 8);
        int mc = (int) Math.max(1, caches.l2() / 2 / ((long) kc * elementBytes) / rows) * rows;
        int nc = (int) Math.max(1, Math.min(MAX_NC, caches.l3() / 2 / ((long) kc * elementBytes)) / nr) * nr;
        return new GemmBlocking(rows, vectors, lanes, kc, mc, nc);
    }

    /** This tile with the cache blocking {@code kc,mc,nc}, rounded to whole tiles. */
    GemmBlocking withCacheBlocking(String spec) {
        String[] parts = spec.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("flag cpu.gemmBlocking: expected kc,mc,nc, got '" + spec + "'");
        }
        int k = positive(parts[0], spec);
        int m = (positive(parts[1], spec) + rows - 1) / rows * rows;
        int n = (positive(parts[2], spec) + nr() - 1) / nr() * nr();
        return new GemmBlocking(rows, vectors, lanes, k, m, n);
    }

    private static int positive(String s, String spec) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v > 0 && v <= 1 << 16) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("flag cpu.gemmBlocking: expected positive kc,mc,nc up to 65536, got '" + spec + "'");
    }

    /** For logs and {@code benchmarks info}: {@code 7x3 vectors of 8, kc 512 mc 126 nc 1536}. */
    String describe() {
        return rows + "x" + vectors + " vectors of " + lanes + ", kc " + kc + " mc " + mc + " nc " + nc;
    }
}
