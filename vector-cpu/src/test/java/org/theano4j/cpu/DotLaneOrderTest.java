package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector dot's bits are fixed by its definition, not by the JIT: four accumulators of L lanes
 * (fma), added lanewise {@code (s0 + s1) + (s2 + s3)}, then lane by lane from lane 0, then the tail
 * by fma. A scalar emulation is the oracle; the dot runs often enough for C2 to compile it
 * ({@code reduceLanes(ADD)} had C2 add the lanes pairwise on 256-bit AVX, differing in the last bits).
 */
class DotLaneOrderTest {

    private static double oracle(double[] a, double[] x, int k, int lanes) {
        double[][] acc = new double[4][lanes];
        int i = 0;
        for (; i + 4 * lanes <= k; i += 4 * lanes) {
            for (int q = 0; q < 4; q++) {
                for (int l = 0; l < lanes; l++) {
                    acc[q][l] = Math.fma(a[i + q * lanes + l], x[i + q * lanes + l], acc[q][l]);
                }
            }
        }
        for (; i + lanes <= k; i += lanes) {
            for (int l = 0; l < lanes; l++) {
                acc[0][l] = Math.fma(a[i + l], x[i + l], acc[0][l]);
            }
        }
        double s = 0;
        for (int l = 0; l < lanes; l++) {
            s += (acc[0][l] + acc[1][l]) + (acc[2][l] + acc[3][l]);
        }
        for (; i < k; i++) {
            s = Math.fma(a[i], x[i], s);
        }
        return s;
    }

    @Test
    void dotMatchesTheLaneOrderOracleBeforeAndAfterC2() {
        int lanes = Species.D.length();
        SplittableRandom rnd = new SplittableRandom(7);
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 400; round++) {
                int k = 1 + rnd.nextInt(300);
                double[] a = new double[k];
                double[] x = new double[k];
                for (int i = 0; i < k; i++) {
                    a[i] = rnd.nextDouble(-1, 1) * Math.scalb(1.0, rnd.nextInt(-20, 20));
                    x[i] = rnd.nextDouble(-1, 1);
                }
                MemorySegment sa = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, a);
                MemorySegment sx = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, x);
                double want = oracle(a, x, k, lanes);
                for (int rep = 0; rep < 100; rep++) {
                    double got = Dgemv.dot(sa, 0, sx, 0, k);
                    assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                            "k=" + k + " round " + round + " rep " + rep + ": " + want + " vs " + got);
                }
            }
        }
    }
}
