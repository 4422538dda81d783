package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.Dot;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * GEMM/GEMV/dot against a naive triple loop (double accumulation) for odd sizes, every transpose
 * combination, both float dtypes, one and two threads. Tolerance: summation order differs
 * (blocked FMA), so 1e-12 relative for float64 and 1e-5 for float32 (which accumulates in float).
 */
class DotKernelTest {
    static final int[] SIZES = {1, 7, 17, 33, 130, 257};

    @AfterEach
    void restore() {
        System.clearProperty("theano4j.cpu.threads");
        System.clearProperty("theano4j.cpu.vector");
        Species.configure();
    }

    /** A (rows x cols) matrix, stored transposed when {@code transposed} (same values, column-major). */
    static NDArray matrix(DType d, long seed, int rows, int cols, boolean transposed) {
        return transposed ? Parity.array(d, seed, -1, 1, false, cols, rows).transpose(1, 0)
                : Parity.array(d, seed, -1, 1, false, rows, cols);
    }

    static double[] naive(NDArray a, NDArray b) {
        int m = (int) a.shape(0);
        int k = (int) a.shape(1);
        int n = (int) b.shape(1);
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.getDouble(i, p) * b.getDouble(p, j);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    static void assertClose(double[] want, NDArray got, double rel, String what) {
        double[] g = got.toDoubleArray();
        assertEquals(want.length, g.length, what);
        for (int i = 0; i < want.length; i++) {
            double tol = rel * Math.max(1, Math.abs(want[i])) * 10;
            assertEquals(want[i], g[i], tol, what + " at " + i);
        }
    }

    static Stream<Arguments> gemmCases() {
        List<Arguments> cases = new ArrayList<>();
        for (DType d : Parity.floats()) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    cases.add(Arguments.of(d, ta, tb));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("gemmCases")
    void gemmMatchesNaiveLoopForOddSizes(DType d, boolean ta, boolean tb) {
        double rel = d == DType.FLOAT64 ? 1e-13 : 1e-6;
        for (int m : SIZES) {
            for (int k : new int[] {1, 17, 257}) {
                int n = SIZES[(m + k) % SIZES.length];
                NDArray a = matrix(d, m * 31 + k, m, k, ta);
                NDArray b = matrix(d, k * 17 + n, k, n, tb);
                NDArray got = Parity.runKernel(Parity.node(new Dot(), a, b), a, b);
                assertClose(naive(a, b), got, rel * Math.sqrt(k), d + " " + m + "x" + k + "x" + n);
            }
        }
    }

    /** A batch of one: 1 x k times k x n and m x k times k x 1 (float64 runs them as GEMV), every layout. */
    @ParameterizedTest
    @MethodSource("gemmCases")
    void oneRowAndOneColumnProducts(DType d, boolean ta, boolean tb) {
        double rel = d == DType.FLOAT64 ? 1e-13 : 1e-6;
        for (int k : new int[] {1, 7, 784}) {
            for (int other : new int[] {1, 5, 1000}) {
                NDArray row = matrix(d, k + other, 1, k, ta);
                NDArray right = matrix(d, 3 * k + other, k, other, tb);
                assertClose(naive(row, right), Parity.runKernel(Parity.node(new Dot(), row, right), row, right),
                        rel * Math.sqrt(k), d + " 1x" + k + "x" + other);
                NDArray left = matrix(d, 5 * k + other, other, k, ta);
                NDArray column = matrix(d, 7 * k + other, k, 1, tb);
                assertClose(naive(left, column), Parity.runKernel(Parity.node(new Dot(), left, column), left, column),
                        rel * Math.sqrt(k), d + " " + other + "x" + k + "x1");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void bigGemmSplitsOverThreads(String threads) {
        System.setProperty("theano4j.cpu.threads", threads);
        Species.configure();
        for (DType d : Parity.floats()) {
            NDArray a = matrix(d, 1, 300, 260, false);
            NDArray b = matrix(d, 2, 260, 130, true);
            NDArray got = Parity.runKernel(Parity.node(new Dot(), a, b), a, b);
            assertClose(naive(a, b), got, d == DType.FLOAT64 ? 1e-12 : 1e-5, d + " threads=" + threads);
        }
    }

    /** Shapes (m, k, n) that exercise the packing's and the split's other paths: see the test below. */
    static Stream<Arguments> packingCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String threads : new String[] {"1", "2"}) {
            for (DType d : Parity.floats()) {
                cases.add(Arguments.of(threads, d, 37, 45, 29));
                cases.add(Arguments.of(threads, d, 40, 100, 300));
                cases.add(Arguments.of(threads, d, 9, 20, Dgemm.NC + 50));
                cases.add(Arguments.of(threads, d, 30, Dgemm.KC + 40, 50));
            }
        }
        return cases.stream();
    }

    /**
     * Neither stride 1 (every other column: the element-by-element packing), C split by columns
     * (40 x 300: fewer idle lanes than by rows), wider than one packed B block ({@code NC}) and
     * deeper than one slab ({@code KC}: later slabs add into C).
     */
    @ParameterizedTest
    @MethodSource("packingCases")
    void stridedOperandsColumnSplitAndWideProducts(String threads, DType d, int m, int k, int n) {
        System.setProperty("theano4j.cpu.threads", threads);
        Species.configure();
        double rel = (d == DType.FLOAT64 ? 1e-13 : 1e-6) * Math.sqrt(k);
        NDArray a = everyOtherColumn(d, m + k, m, k);
        NDArray b = everyOtherColumn(d, k + n, k, n);
        NDArray bt = everyOtherColumn(d, n, n, k).transpose(1, 0);
        String what = d + " " + m + "x" + k + "x" + n + " threads=" + threads;
        assertClose(naive(a, b), Parity.runKernel(Parity.node(new Dot(), a, b), a, b), rel, what);
        assertClose(naive(a, bt), Parity.runKernel(Parity.node(new Dot(), a, bt), a, bt), rel, what + " B^T");
        NDArray ac = matrix(d, m, m, k, false);
        NDArray bc = matrix(d, n, k, n, false);
        assertClose(naive(ac, bc), Parity.runKernel(Parity.node(new Dot(), ac, bc), ac, bc), rel, what + " contiguous");
    }

    /** A rows x cols view of every other column of a wider array (no stride is 1). */
    static NDArray everyOtherColumn(DType d, long seed, int rows, int cols) {
        return Parity.array(d, seed, -1, 1, false, rows, 2 * cols + 1).slice(1, 1, 2 * cols + 1, 2);
    }

    /** Big GEMVs in both orientations (and a strided x): 1, 2 and 3 threads give the same bits, close to the naive sums. */
    @ParameterizedTest
    @ValueSource(ints = {100, 400, 1001})
    void bigGemvBitsDoNotDependOnTheThreadCount(int m) {
        int k = 784;
        NDArray rowMajor = matrix(DType.FLOAT64, m, m, k, false);
        NDArray colMajor = matrix(DType.FLOAT64, m + 1, k, m, true); // k x m, stored as Xᵀ of an m x k X
        NDArray x = Parity.array(DType.FLOAT64, 3, -1, 1, false, 2 * k).slice(0, 0, 2 * k, 2);
        NDArray g = Parity.array(DType.FLOAT64, 4, -1, 1, false, m);
        double[][] first = null;
        for (String threads : new String[] {"1", "2", "3"}) {
            System.setProperty("theano4j.cpu.threads", threads);
            Species.configure();
            NDArray mv = Parity.runKernel(Parity.node(new Dot(), rowMajor, x), rowMajor, x);
            NDArray tv = Parity.runKernel(Parity.node(new Dot(), colMajor, g), colMajor, g);
            assertClose(naive(rowMajor, x.reshape(k, 1)), mv, 1e-13 * Math.sqrt(k), "X·x threads=" + threads);
            assertClose(naive(colMajor, g.reshape(m, 1)), tv, 1e-13 * Math.sqrt(m), "Xᵀ·g threads=" + threads);
            double[][] bits = {mv.toDoubleArray(), tv.toDoubleArray()};
            if (first == null) {
                first = bits;
            } else {
                assertArrayEquals(first[0], bits[0], "X·x threads=" + threads);
                assertArrayEquals(first[1], bits[1], "Xᵀ·g threads=" + threads);
            }
        }
    }

    /** Small integers: every partial sum is exact, so a chunk summed twice, skipped or misplaced changes the result. */
    @Test
    void depthChunksSumEveryColumnOnce() {
        int m = 37;
        int k = 1000;
        NDArray xt = NDArray.zeros(DType.FLOAT64, m, k);
        NDArray g = NDArray.zeros(DType.FLOAT64, k);
        double[] want = new double[m];
        for (int p = 0; p < k; p++) {
            g.setFlat(p, p % 7 - 3);
            for (int i = 0; i < m; i++) {
                double v = (i * 31 + p * 17) % 11 - 5;
                xt.setFlat(i * k + p, v);
                want[i] += v * (p % 7 - 3);
            }
        }
        NDArray colMajor = NDArray.zeros(DType.FLOAT64, k, m).transpose(1, 0); // m x k, strides (1, m): as Xᵀ
        colMajor.copyFrom(xt);
        assertArrayEquals(want, Parity.runKernel(Parity.node(new Dot(), colMajor, g), colMajor, g).toDoubleArray());
    }

    /** Chunks cover the axis once, tasks take contiguous runs, and the count depends on the length alone. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 16})
    void chunksCoverTheAxisInContiguousRuns(int threads) {
        System.setProperty("theano4j.cpu.threads", Integer.toString(threads));
        Species.configure();
        for (long n : new long[] {1, 7, 8, 95, 96, 400, 784, 1_000_003}) {
            Chunks c = Chunks.of(n);
            assertEquals(Math.max(1, Math.min(Chunks.MAX, n / Chunks.MIN_LENGTH)), c.count(), "count for " + n);
            assertEquals(0, c.start(0));
            assertEquals(n, c.start(c.count()));
            for (int q = 0; q < c.count(); q++) {
                assertEquals(true, c.start(q + 1) - c.start(q) >= Math.min(n, Chunks.MIN_LENGTH), "chunk " + q + " of " + n);
            }
            assertEquals(0, c.taskStart(0));
            assertEquals(n, c.taskEnd(c.tasks() - 1));
            for (int t = 1; t < c.tasks(); t++) {
                assertEquals(c.taskEnd(t - 1), c.taskStart(t));
            }
            assertEquals(true, c.tasks() >= 1 && c.tasks() <= Math.min(threads, c.count()), "tasks for " + n);
        }
    }

    /** How products split over threads: whole panels, the evener side, rows on a tie. */
    @Test
    void splitTakesWholePanelsOnTheEvenerSide() {
        assertEquals(16, GemmOperands.step(30, 8, 2));
        assertEquals(48, GemmOperands.step(60, 24, 2));
        assertEquals(24, GemmOperands.step(24, 24, 2));
        assertEquals(true, GemmOperands.splitRows(512, 8, 512, 24, 2));
        assertEquals(true, GemmOperands.splitRows(300, 8, 130, 24, 2));
        assertEquals(false, GemmOperands.splitRows(40, 8, 300, 24, 2));
        assertEquals(false, GemmOperands.splitRows(8, 8, 1024, 48, 2));
    }

    @ParameterizedTest
    @MethodSource("gemmCases")
    void gemvBothOrientationsAndDot(DType d, boolean transposed, boolean strided) {
        double rel = d == DType.FLOAT64 ? 1e-13 : 1e-6;
        for (int m : SIZES) {
            int k = SIZES[(m * 7) % SIZES.length] + 3;
            NDArray a = matrix(d, m, m, k, transposed);
            NDArray x = strided ? Parity.array(d, k, -1, 1, false, 2 * k).slice(0, 0, 2 * k, 2)
                    : Parity.array(d, k, -1, 1, false, k);
            NDArray xm = x.reshape(k, 1);
            NDArray mv = Parity.runKernel(Parity.node(new Dot(), a, x), a, x);
            assertClose(naive(a, xm), mv, rel * Math.sqrt(k), "mv " + m + "x" + k);
            NDArray y = strided ? Parity.array(d, m, -1, 1, false, 2 * m).slice(0, 0, 2 * m, 2)
                    : Parity.array(d, m, -1, 1, false, m);
            NDArray vm = Parity.runKernel(Parity.node(new Dot(), y, a), y, a);
            assertClose(naive(y.reshape(1, m), a), vm, rel * Math.sqrt(m), "vm " + m + "x" + k);
            NDArray vv = Parity.runKernel(Parity.node(new Dot(), x, x), x, x);
            assertClose(naive(x.reshape(1, k), xm), vv, rel * Math.sqrt(k), "vv " + k);
        }
    }

    @Test
    void emptyDepthGivesZerosAndIntegersUseTheReference() {
        NDArray a = NDArray.zeros(DType.FLOAT64, 3, 0);
        NDArray b = NDArray.zeros(DType.FLOAT64, 0, 4);
        NDArray got = Parity.runKernel(Parity.node(new Dot(), a, b), a, b);
        assertArrayEquals(new double[12], got.toDoubleArray());
        NDArray ia = NDArray.of(new long[][] {{1, 2}, {3, 4}});
        assertNull(new VectorCpuBackend().kernelFor(Parity.node(new Dot(), ia, ia)));
    }
}
