package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("gpu")
class CublasGpuTest {

    private static CudaContext context;
    private static CublasHandle blas;

    @BeforeAll
    static void open() {
        if (GpuAvailability.isAvailable()) {
            context = CudaContext.open();
            blas = CublasHandle.create(context);
            assertTrue(blas.version() > 0);
        }
    }

    @BeforeEach
    void needsGpu() {
        GpuTests.assumeGpu();
    }

    @AfterAll
    static void close() {
        if (blas != null) {
            blas.close();
            context.close();
        }
    }

    /** Row-major (rows x cols) element (i, j) of a possibly transposed stored array. */
    private static double at(double[] stored, boolean trans, int rows, int cols, int i, int j) {
        return trans ? stored[j * rows + i] : stored[i * cols + j];
    }

    private static double[] naiveGemm(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += at(a, ta, m, k, i, p) * at(b, tb, k, n, p, j);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static double[] random(int size, long seed) {
        return new Random(seed).doubles(size, -1, 1).toArray();
    }

    private static DeviceBuffer upload(double[] host) {
        DeviceBuffer d = DeviceBuffer.allocate(context, (long) host.length * Double.BYTES);
        d.copyFromHost(MemorySegment.ofArray(host));
        return d;
    }

    private static double[] download(DeviceBuffer d, int size) {
        double[] out = new double[size];
        d.copyToHost(MemorySegment.ofArray(out));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false,false,1,1,1", "false,false,7,5,3", "true,false,8,15,17", "false,true,33,16,7",
        "true,true,17,33,15", "false,false,64,0,5", "false,false,3,4,0"})
    void dgemmMatchesTheNaiveProduct(boolean ta, boolean tb, int m, int n, int k) {
        double[] a = random(m * k, 1);
        double[] b = random(k * n, 2);
        try (var da = upload(a); var db = upload(b); var dc = upload(random(m * n, 3))) {
            blas.dgemm(ta, tb, m, n, k, 1.0, da, db, 0.0, dc);
            assertArrayEquals(naiveGemm(ta, tb, m, n, k, a, b), download(dc, m * n), 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"false,7,5", "true,7,5", "false,1,33", "true,33,1"})
    void dgemvMatchesTheNaiveProduct(boolean ta, int m, int n) {
        double[] a = random(m * n, 4);
        double[] x = random(ta ? m : n, 5);
        double[] y0 = random(ta ? n : m, 6);
        try (var da = upload(a); var dx = upload(x); var dy = upload(y0)) {
            blas.dgemv(ta, m, n, 2.0, da, dx, 0.5, dy);
            double[] expected = naiveGemm(ta, false, ta ? n : m, 1, ta ? m : n, a, x);
            for (int i = 0; i < expected.length; i++) {
                expected[i] = 2.0 * expected[i] + 0.5 * y0[i];
            }
            assertArrayEquals(expected, download(dy, expected.length), 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"false,false,15,17,16", "true,true,8,7,33"})
    void sgemmMatchesTheNaiveProduct(boolean ta, boolean tb, int m, int n, int k) {
        double[] a = random(m * k, 7);
        double[] b = random(k * n, 8);
        double[] expected = naiveGemm(ta, tb, m, n, k, a, b);
        try (var da = DeviceBuffer.allocate(context, 4L * a.length); var db = DeviceBuffer.allocate(context, 4L * b.length);
                var dc = DeviceBuffer.allocate(context, 4L * m * n)) {
            da.copyFromHost(MemorySegment.ofArray(toFloat(a)));
            db.copyFromHost(MemorySegment.ofArray(toFloat(b)));
            blas.sgemm(ta, tb, m, n, k, 1f, da, db, 0f, dc);
            float[] c = new float[m * n];
            dc.copyToHost(MemorySegment.ofArray(c));
            for (int i = 0; i < c.length; i++) {
                assertEquals(expected[i], c[i], 1e-4);
            }
        }
    }

    /**
     * Copies a packed row-major {@code rows x cols} matrix into a larger buffer: from element
     * {@code offset}, rows {@code ld} elements apart, every other element a distinct marker that a
     * mis-indexed read would pick up.
     */
    private static double[] strided(double[] packed, int rows, int cols, int offset, int ld) {
        double[] out = new double[offset + Math.max(0, rows - 1) * ld + cols + 3];
        java.util.Arrays.fill(out, 1e6);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(packed, i * cols, out, offset + i * ld, cols);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false,false,7,5,3", "true,false,8,15,17", "false,true,33,16,7", "true,true,17,33,15", "false,false,1,9,4",
        "true,true,9,1,4"})
    void dgemmReadsOffsetsAndLeadingDimensions(boolean ta, boolean tb, int m, int n, int k) {
        double[] a = random(m * k, 11);
        double[] b = random(k * n, 12);
        int aCols = ta ? m : k;
        int bCols = tb ? k : n;
        int lda = aCols + 3;
        int ldb = bCols + 5;
        int ldc = n + 2;
        double[] sa = strided(a, ta ? k : m, aCols, 2, lda);
        double[] sb = strided(b, tb ? n : k, bCols, 7, ldb);
        double[] expected = naiveGemm(ta, tb, m, n, k, a, b);
        try (var da = upload(sa); var db = upload(sb); var dc = upload(new double[m * ldc])) {
            blas.dgemm(ta, tb, m, n, k, 1.0, da, 2, lda, db, 7, ldb, 0.0, dc, ldc);
            double[] c = download(dc, m * ldc);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(expected[i * n + j], c[i * ldc + j], 1e-12, "(" + i + ", " + j + ")");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"false,false,15,17,16", "true,false,8,7,33", "false,true,8,7,33", "true,true,8,7,33"})
    void sgemmReadsOffsetsAndLeadingDimensions(boolean ta, boolean tb, int m, int n, int k) {
        double[] a = random(m * k, 13);
        double[] b = random(k * n, 14);
        int aCols = ta ? m : k;
        int bCols = tb ? k : n;
        double[] expected = naiveGemm(ta, tb, m, n, k, a, b);
        float[] sa = toFloat(strided(a, ta ? k : m, aCols, 1, aCols + 4));
        float[] sb = toFloat(strided(b, tb ? n : k, bCols, 3, bCols + 1));
        try (var da = DeviceBuffer.allocate(context, 4L * sa.length); var db = DeviceBuffer.allocate(context, 4L * sb.length);
                var dc = DeviceBuffer.allocate(context, 4L * m * n)) {
            da.copyFromHost(MemorySegment.ofArray(sa));
            db.copyFromHost(MemorySegment.ofArray(sb));
            blas.sgemm(ta, tb, m, n, k, 1f, da, 1, aCols + 4, db, 3, bCols + 1, 0f, dc, n);
            float[] c = new float[m * n];
            dc.copyToHost(MemorySegment.ofArray(c));
            for (int i = 0; i < c.length; i++) {
                assertEquals(expected[i], c[i], 1e-4);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"false,7,5", "true,7,5", "false,1,33", "true,33,1"})
    void gemvReadsOffsetsAndLeadingDimensions(boolean ta, int m, int n) {
        double[] a = random(m * n, 15);
        double[] x = random(ta ? m : n, 16);
        double[] sx = new double[x.length + 4];
        System.arraycopy(x, 0, sx, 4, x.length);
        double[] expected = naiveGemm(ta, false, ta ? n : m, 1, ta ? m : n, a, x);
        try (var da = upload(strided(a, m, n, 5, n + 6)); var dx = upload(sx); var dy = upload(new double[expected.length])) {
            blas.dgemv(ta, m, n, 1.0, da, 5, n + 6, dx, 4, 0.0, dy);
            assertArrayEquals(expected, download(dy, expected.length), 1e-12);
        }
        try (var da = DeviceBuffer.allocate(context, 4L * (5 + (m - 1) * (n + 6) + n + 3));
                var dx = DeviceBuffer.allocate(context, 4L * sx.length);
                var dy = DeviceBuffer.allocate(context, 4L * expected.length)) {
            da.copyFromHost(MemorySegment.ofArray(toFloat(strided(a, m, n, 5, n + 6))));
            dx.copyFromHost(MemorySegment.ofArray(toFloat(sx)));
            blas.sgemv(ta, m, n, 1f, da, 5, n + 6, dx, 4, 0f, dy);
            float[] y = new float[expected.length];
            dy.copyToHost(MemorySegment.ofArray(y));
            for (int i = 0; i < y.length; i++) {
                assertEquals(expected[i], y[i], 1e-4);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "1025"})
    void ddotMatchesTheNaiveSum(int n) {
        double[] x = random(n, 9);
        double[] y = random(n, 10);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += x[i] * y[i];
        }
        try (var dx = upload(x); var dy = upload(y)) {
            assertEquals(expected, blas.ddot(n, dx, dy), 1e-12);
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
