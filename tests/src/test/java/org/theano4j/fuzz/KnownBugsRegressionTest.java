package org.theano4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * One row per known wrong result (the audit's reproducers and those {@link ProgramFuzzTest}
 * found), each checked bit for bit against a value computed here in plain Java, on the default
 * CPU backend (FAST_RUN) and on the reference backend (FAST_COMPILE). The signed-zero rows
 * follow numpy 2.4.6 as measured on this machine (of two equal operands, maximum and minimum
 * return the second: {@code np.maximum(0.0, -0.0)} is {@code -0.0}); pow follows C99 ({@code pow(1, y) = 1}, {@code pow(-1, +-inf) = 1}).
 */
class KnownBugsRegressionTest {
    private static final long TWO_53 = 1L << 53;

    /** A reproducer: a graph over {@code inputs}, the arguments, and numpy's answer. */
    record Case(String name, List<Variable> inputs, Variable output, Object[] args, NDArray expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        aliasing(c);
        integers(c);
        floats(c);
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpy(Case c) {
        assertAll(Stream.of(Theano.options(), Theano.options().device("reference").mode("FAST_COMPILE"))
                .map(o -> () -> check(c, o)));
    }

    private static void check(Case c, FunctionOptions options) {
        Function f = Theano.function(c.inputs(), c.output(), options);
        NDArray got = f.call(c.args());
        assertEquals(c.expected().dtype(), got.dtype(), c.name() + " on " + f.backendName());
        assertNull(Compare.firstMismatch(OTensor.readRaw(c.expected()), OTensor.readRaw(got)), c.name() + " on " + f.backendName());
    }

    // ---- (a) an elementwise step overwrites a buffer that a view of it still reads ----

    private static void aliasing(List<Case> c) {
        long[][] a = smallMatrix(64, 64);
        long[][] b = product(a, a);
        Variable x = T.dmatrix("a");
        Variable bv = T.dot(x, x);
        c.add(new Case("sum(B + B.T, axis=1), B = dot(A, A) 64x64", List.of(x), T.sum(T.add(bv, bv.T()), 1), args(NDArray.of(toDouble(a))),
                NDArray.of(rowSums(b, (i, j) -> b[i][j] + b[j][i]))));
        c.add(new Case("sum(B + B[::-1], axis=1), B = dot(A, A) 64x64", List.of(x), T.sum(T.add(bv, bv.get(Slice.of(null, null, -1))), 1),
                args(NDArray.of(toDouble(a))), NDArray.of(rowSums(b, (i, j) -> b[i][j] + b[63 - i][j]))));
        long[][] s = smallMatrix(33, 33);
        long[][] p = product(s, s);
        Variable y = T.dmatrix("a");
        Variable py = T.dot(y, y);
        c.add(new Case("sum(abs(B) * B[:, ::-1], axis=1), B = dot(A, A) 33x33", List.of(y),
                T.sum(T.mul(T.abs(py), py.get(Slice.all(), Slice.of(null, null, -1))), 1), args(NDArray.of(toDouble(s))),
                NDArray.of(rowSums(p, (i, j) -> Math.abs(p[i][j]) * p[i][32 - j]))));
        Variable z = T.dmatrix("a");
        Variable az = T.abs(z);
        c.add(new Case("mean(abs(A) + abs(A).T), 64x64", List.of(z), T.mean(T.add(az, az.T())), args(NDArray.of(toDouble(a))),
                NDArray.of(Arrays.stream(rowSums(a, (i, j) -> Math.abs(a[i][j]) + Math.abs(a[j][i]))).sum() / (64 * 64))));
    }

    private interface Element {
        long at(int i, int j);
    }

    private static double[] rowSums(long[][] m, Element e) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            long acc = 0;
            for (int j = 0; j < m[i].length; j++) {
                acc += e.at(i, j);
            }
            r[i] = acc;
        }
        return r;
    }

    private static long[][] smallMatrix(int n, int m) {
        long[][] a = new long[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = (i * 7L + j * 3L) % 5 - 2 + (i == j ? 3 : 0);
            }
        }
        return a;
    }

    private static long[][] product(long[][] a, long[][] b) {
        long[][] r = new long[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    r[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return r;
    }

    private static double[][] toDouble(long[][] a) {
        return Arrays.stream(a).map(row -> Arrays.stream(row).asDoubleStream().toArray()).toArray(double[][]::new);
    }

    // ---- (b) integer ops computed through doubles; uint64 read as signed ----

    private static void integers(List<Case> c) {
        long[] big = {TWO_53 + 1, (1L << 60) + 1, Long.MAX_VALUE, -TWO_53 - 1};
        long[] small = {0, 1, 0, 2};
        c.add(binary("int64 above 2^53: x + y", DType.INT64, T::add, longs(big), longs(small), longs(add(big, small))));
        c.add(binary("int64 above 2^53: x * y (wraps)", DType.INT64, T::mul, longs(big), longs(3, 3, 3, 3),
                longs(Arrays.stream(big).map(v -> v * 3).toArray())));
        c.add(binary("int64 above 2^53: maximum(x, y)", DType.INT64, T::maximum, longs(TWO_53 + 1), longs(TWO_53), longs(TWO_53 + 1)));
        c.add(unary("int64 above 2^53: ~x", T::not, longs(TWO_53 + 1, Long.MIN_VALUE + 1), longs(~(TWO_53 + 1), ~(Long.MIN_VALUE + 1))));
        c.add(unary("int64 above 2^53: x.astype(int16)", x -> T.cast(x, DType.INT16), longs(TWO_53 + 7),
                NDArray.of(new short[] {(short) (TWO_53 + 7)})));
        c.add(binary("int32 overflow wraps: MAX * MAX == 1", DType.INT32, T::mul, NDArray.of(new int[] {Integer.MAX_VALUE}),
                NDArray.of(new int[] {Integer.MAX_VALUE}), NDArray.of(new int[] {1})));
        c.add(unary("int32 overflow wraps: x ** 2", x -> T.pow(x, 2), NDArray.of(new int[] {46341, -1471229699}),
                NDArray.of(new int[] {46341 * 46341, -1471229699 * -1471229699})));
        BigInteger p63 = BigInteger.ONE.shiftLeft(63);
        c.add(binary("uint64 above 2^63: x + y", DType.UINT64, T::add, uint64(p63.add(BigInteger.ONE)), uint64(BigInteger.ONE),
                uint64(p63.add(BigInteger.TWO))));
        c.add(binary("uint64 above 2^63: x > y", DType.UINT64, T::gt, uint64(p63.add(BigInteger.ONE)), uint64(BigInteger.ONE),
                NDArray.of(new boolean[] {true})));
        c.add(binary("uint64 above 2^63: maximum(x, y)", DType.UINT64, T::maximum, uint64(p63), uint64(BigInteger.ONE), uint64(p63)));
        c.add(binary("uint64 above 2^63: x // y", DType.UINT64, T::intDiv, uint64(p63.add(BigInteger.ONE)), uint64(BigInteger.valueOf(3)),
                uint64(p63.add(BigInteger.ONE).divide(BigInteger.valueOf(3)))));
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        c.add(unary("uint64 above 2^63: sign(x)", T::sign, uint64(max), uint64(BigInteger.ONE)));
        c.add(unary("uint64 above 2^63: abs(x)", T::abs, uint64(max), uint64(max)));
        c.add(unary("uint64 above 2^63: x.astype(float64)", x -> T.cast(x, DType.FLOAT64), uint64(max), NDArray.of(new double[] {0x1p64})));
    }

    private static long[] add(long[] a, long[] b) {
        long[] r = new long[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    // ---- (d) float edge semantics, and division by a constant ----

    private static void floats(List<Case> c) {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        c.add(binary("pow(1, NaN) = pow(1, inf) = pow(-1, +-inf) = 1", DType.FLOAT64, T::pow, NDArray.of(new double[] {1, 1, -1, -1}),
                NDArray.of(new double[] {nan, inf, inf, -inf}), NDArray.of(new double[] {1, 1, 1, 1})));
        // numpy 2.4.6 (checked here): of two equal operands maximum/minimum return the second, np.maximum(0.0, -0.0) is -0.0
        c.add(binary("maximum of two equal zeros is the second, as numpy's", DType.FLOAT64, T::maximum, NDArray.of(new double[] {-0.0, 0.0}),
                NDArray.of(new double[] {0.0, -0.0}), NDArray.of(new double[] {0.0, -0.0})));
        c.add(binary("minimum of two equal zeros is the second, as numpy's", DType.FLOAT32, T::minimum, NDArray.of(new float[] {-0.0f, 0.0f}),
                NDArray.of(new float[] {0.0f, -0.0f}), NDArray.of(new float[] {0.0f, -0.0f})));
        c.add(unary("x / 94 is correctly rounded (not x * (1/94))", x -> T.div(x, 94), NDArray.of(new double[] {17}),
                NDArray.of(new double[] {17.0 / 94.0})));
    }

    // ---- (c) lengths above 2^31, on stride-0 views so they cost no memory ----

    private static final long LONG_AXIS = (1L << 31) + 5;

    @Test
    void int8SumOverMoreThan2To31Elements() {
        Variable x = T.vector("x", DType.INT8);
        NDArray ones = NDArray.of(new byte[] {1}).broadcastTo(LONG_AXIS);
        assertEquals(LONG_AXIS, Theano.function(List.of(x), T.sum(x)).call(ones).getLong());
    }

    @Test
    void float32SumOverMoreThan2To31Elements() {
        Variable x = T.fvector("x");
        NDArray ones = NDArray.of(new float[] {1}).broadcastTo(LONG_AXIS);
        assertEquals((float) LONG_AXIS, Theano.function(List.of(x), T.sum(x)).call(ones).item(), 0x1p31 * 1e-6);
    }

    @Test
    void float32DotOverMoreThan2To31Elements() {
        Variable x = T.fvector("x");
        NDArray ones = NDArray.of(new float[] {1}).broadcastTo(LONG_AXIS);
        assertEquals((float) LONG_AXIS, Theano.function(List.of(x), T.dot(x, x)).call(ones).item(), 0x1p31 * 1e-6);
    }

    // ---- helpers ----

    private interface Binary {
        Variable apply(Object a, Object b);
    }

    private static Case binary(String name, DType d, Binary op, NDArray a, NDArray b, NDArray expected) {
        Variable x = T.tensor(d, new boolean[a.ndim()], "x");
        Variable y = T.tensor(d, new boolean[b.ndim()], "y");
        return new Case(name, List.of(x, y), op.apply(x, y), args(a, b), expected);
    }

    private static Case unary(String name, java.util.function.Function<Variable, Variable> op, NDArray a, NDArray expected) {
        Variable x = T.tensor(a.dtype(), new boolean[a.ndim()], "x");
        return new Case(name, List.of(x), op.apply(x), args(a), expected);
    }

    private static Object[] args(NDArray... a) {
        return Arrays.copyOf(a, a.length, Object[].class);
    }

    private static NDArray longs(long... v) {
        return NDArray.of(v);
    }

    private static NDArray uint64(BigInteger v) {
        OTensor t = new OTensor(DType.UINT64, new long[] {1});
        t.iv[0] = v;
        return t.toNDArray();
    }
}
