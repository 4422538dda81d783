package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.FunctionOptions;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The audit's cases, each through {@code Theano.function} three ways (FAST_RUN on vector-cpu, with
 * fusion; the reference backend with FAST_COMPILE; the reference backend with FAST_RUN, whose
 * composites run the reference evaluation) and through the vector-cpu kernel of the graph's one
 * elementwise node directly, at a length that runs the vector loops and at length 1. Expected
 * values come from numpy 2.4.6 (the command is beside each).
 */
class ExactnessRegressionTest {
    private static final long P60 = 1L << 60;
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    /** A case: a graph of some inputs, the inputs' dtype and values (one list per input), and the result. */
    record Case(String name, Function<Variable[], Variable> graph, DType dtype, long[][] in, NDArray want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        // np.array([2**60+1, -(2**60)-3, 2**62+3]) + 3
        c.add(new Case("(2^60+1)+3", v -> v[0].add(3), DType.INT64, new long[][] {{P60 + 1, -P60 - 3, (1L << 62) + 3}},
                longs(DType.INT64, P60 + 4, -P60, (1L << 62) + 6)));
        c.add(new Case("x == x+1 is false", v -> T.eq(v[0], v[0].add(1)), DType.INT64,
                new long[][] {{P60, P60 + 1, Long.MAX_VALUE}}, longs(DType.BOOL, 0, 0, 0)));
        // np.array([2**60+1, -(2**60)-3, 2**62+3]) % np.array([7, 7, -10]) and //
        c.add(new Case("% above 2^53", v -> v[0].mod(v[1]), DType.INT64,
                new long[][] {{P60 + 1, -P60 - 3, (1L << 62) + 3}, {7, 7, -10}}, longs(DType.INT64, 2, 3, -3)));
        c.add(new Case("// above 2^53", v -> v[0].intDiv(v[1]), DType.INT64,
                new long[][] {{P60 + 1, -P60 - 3, (1L << 62) + 3}, {7, 7, -10}},
                longs(DType.INT64, 164703072086692425L, -164703072086692426L, -461168601842738791L)));
        c.add(new Case("maximum above 2^53", v -> T.maximum(v[0], v[0].sub(1)), DType.INT64,
                new long[][] {{P60 + 1, -P60 - 3, (1L << 62) + 3}}, longs(DType.INT64, P60 + 1, -P60 - 3, (1L << 62) + 3)));
        c.add(new Case("> above 2^53", v -> T.gt(v[0], v[0].sub(1)), DType.INT64,
                new long[][] {{P60 + 1, -P60 - 3, (1L << 62) + 3}}, longs(DType.BOOL, 1, 1, 1)));
        // np.array([2**31-1], dtype=np.int32) ** 2 wraps to 1
        c.add(new Case("int32 MAX*MAX == 1", v -> v[0].mul(v[1]), DType.INT32,
                new long[][] {{Integer.MAX_VALUE, Integer.MIN_VALUE, 46341}, {Integer.MAX_VALUE, -1, 46341}},
                longs(DType.INT32, 1, Integer.MIN_VALUE, -2147479015)));
        // u = np.array([2**64-1, 2**63+1, 2**63], np.uint64); v = np.array([2**63, 1, 2**63+1], np.uint64)
        long[][] uv = {{-1L, Long.MIN_VALUE + 1, Long.MIN_VALUE}, {Long.MIN_VALUE, 1, Long.MIN_VALUE + 1}};
        c.add(new Case("uint64 //", v -> v[0].intDiv(v[1]), DType.UINT64, uv, longs(DType.UINT64, 1, Long.MIN_VALUE + 1, 0)));
        c.add(new Case("uint64 %", v -> v[0].mod(v[1]), DType.UINT64, uv, longs(DType.UINT64, Long.MAX_VALUE, 0, Long.MIN_VALUE)));
        c.add(new Case("uint64 >", v -> T.gt(v[0], v[1]), DType.UINT64, uv, longs(DType.BOOL, 1, 1, 0)));
        c.add(new Case("uint64 <=", v -> T.le(v[0], v[1]), DType.UINT64, uv, longs(DType.BOOL, 0, 0, 1)));
        c.add(new Case("uint64 maximum", v -> T.maximum(v[0], v[1]), DType.UINT64, uv,
                longs(DType.UINT64, -1L, Long.MIN_VALUE + 1, Long.MIN_VALUE + 1)));
        c.add(new Case("uint64 minimum", v -> T.minimum(v[0], v[1]), DType.UINT64, uv,
                longs(DType.UINT64, Long.MIN_VALUE, 1, Long.MIN_VALUE)));
        // np.array([2**60+2**36+1]).astype(np.float32): one rounding, not through float64
        c.add(new Case("int64 -> float32 rounds once", v -> T.cast(v[0], DType.FLOAT32), DType.INT64,
                new long[][] {{P60 + (1L << 36) + 1, -P60 - (1L << 36) - 1, 3}},
                NDArray.of(new float[] {Float.intBitsToFloat(1568669697), -Float.intBitsToFloat(1568669697), 3})));
        // np.array([2**63+2**39+1, 2**64-1, 5], np.uint64).astype(np.float32).view(np.uint32), and float64
        long[][] big = {{Long.MIN_VALUE + (1L << 39) + 1, -1L, 5}};
        c.add(new Case("uint64 -> float32 rounds once", v -> T.cast(v[0], DType.FLOAT32), DType.UINT64, big,
                NDArray.of(new float[] {Float.intBitsToFloat(1593835521), Float.intBitsToFloat(1602224128), 5})));
        c.add(new Case("uint64 -> float64", v -> T.cast(v[0], DType.FLOAT64), DType.UINT64, big,
                NDArray.of(new double[] {Double.longBitsToDouble(4890909195592794112L),
                    Double.longBitsToDouble(4895412794951729152L), 5})));
        for (DType f : List.of(DType.FLOAT64, DType.FLOAT32)) {
            // np.power([1., 1., -1., -1.], [nan, inf, inf, -inf]) == [1, 1, 1, 1]
            c.add(new Case("pow(1,NaN), pow(-1,inf) " + f, v -> T.pow(v[0], v[1]), f,
                    floatBits(f, new double[] {1, 1, -1, -1, 1}, new double[] {NAN, INF, INF, -INF, -INF}),
                    NDArray.of(new double[] {1, 1, 1, 1, 1}).astype(f)));
            // np.maximum([0., -0.], [-0., 0.]) == [-0., 0.]: of equal operands the second
            c.add(new Case("maximum(0.0,-0.0) sign " + f, v -> T.maximum(v[0], v[1]), f,
                    floatBits(f, new double[] {0.0, -0.0, NAN, 1}, new double[] {-0.0, 0.0, 1, NAN}),
                    NDArray.of(new double[] {-0.0, 0.0, NAN, NAN}).astype(f)));
            c.add(new Case("minimum(-0.0,0.0) sign " + f, v -> T.minimum(v[0], v[1]), f,
                    floatBits(f, new double[] {-0.0, 0.0, NAN, 1}, new double[] {0.0, -0.0, 1, NAN}),
                    NDArray.of(new double[] {0.0, -0.0, NAN, NAN}).astype(f)));
            // np.clip(np.array([-0., 0., nan, 5.]), 0.0, 1.0) == [-0., 0., nan, 1.]
            c.add(new Case("clip(-0.0, 0, 1) sign " + f, v -> T.clip(v[0], 0.0, 1.0), f,
                    floatBits(f, new double[] {-0.0, 0.0, NAN, 5}), NDArray.of(new double[] {-0.0, 0.0, NAN, 1}).astype(f)));
        }
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theanoFunctionIsExactEveryWay(Case c) {
        for (int length : new int[] {1, 3 * 37}) {
            Variable[] v = new Variable[c.in().length];
            NDArray[] args = new NDArray[v.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = T.tensor(c.dtype(), new boolean[] {false}, "x" + k);
                args[k] = tile(array(c.dtype(), c.in()[k]), length);
            }
            NDArray want = tile(c.want(), length);
            Variable out = c.graph().apply(v);
            for (FunctionOptions o : List.of(Theano.options(), Theano.options().device("reference").mode("FAST_COMPILE"),
                    Theano.options().device("reference"))) {
                org.theano4j.Function f = Theano.function(List.of(v), out, o);
                Object[] call = java.util.Arrays.copyOf(args, args.length, Object[].class);
                assertSame(c + " " + f.backendName() + " n=" + length, want, f.call(call));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kernelIsExact(Case c) {
        Variable[] v = new Variable[c.in().length];
        NDArray[] args = new NDArray[v.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = T.tensor(c.dtype(), new boolean[] {false}, "x" + k);
            args[k] = tile(array(c.dtype(), c.in()[k]), 3 * 37);
        }
        org.theano4j.Function f = Theano.function(List.of(v), c.graph().apply(v));
        Apply node = f.planNodes().stream().filter(n -> n.op() instanceof Composite || n.op() instanceof Elemwise)
                .findFirst().orElseThrow();
        NDArray[] ins = node.inputs().stream().map(in -> in instanceof org.theano4j.graph.Constant k ? k.value()
                : args[List.of(v).indexOf(in)]).toArray(NDArray[]::new);
        assertSame(c + " kernel of " + node.op().displayName(), tile(c.want(), 3 * 37), Parity.runKernel(node, ins));
    }

    /** A reader of a wrapped sum and its value on the wrapped sum (plain Java on the clean value). */
    record Reader(String name, Function<Variable, Variable> graph, java.util.function.LongUnaryOperator want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> readers() {
        List<Reader> r = List.of(
                new Reader("switch", s -> T.switchOp(s, T.cast(T.constant(1L), s.dtype()), T.cast(T.constant(2L), s.dtype())),
                        v -> v != 0 ? 1 : 2),
                new Reader("== 0", s -> T.eq(s, 0), v -> v == 0 ? 1 : 0),
                new Reader("> 5", s -> T.gt(s, 5), v -> v > 5 ? 1 : 0),
                new Reader("sign", T::sign, Long::signum),
                new Reader("maximum 5", s -> T.maximum(s, 5), v -> Math.max(v, 5)),
                new Reader("// 3", s -> T.intDiv(s, 3), v -> Math.floorDiv(v, 3)),
                new Reader("% 7", s -> T.mod(s, 7), v -> Math.floorMod(v, 7)),
                new Reader("abs", T::abs, Math::abs),
                new Reader("clip 1 10", s -> T.clip(s, 1, 10), v -> Math.min(Math.max(v, 1), 10)),
                new Reader("cast int64", s -> T.cast(s, DType.INT64), v -> v),
                new Reader("cast float64", s -> T.cast(s, DType.FLOAT64), v -> Double.doubleToRawLongBits(v)),
                new Reader("cast bool", s -> T.cast(s, DType.BOOL), v -> v != 0 ? 1 : 0));
        return r.stream().map(Arguments::of);
    }

    /**
     * The int64 lanes keep a narrow sum unwrapped while only modular operations read it; every
     * other reader must see the wrapped value: int8 -128 + -128 is 0, 100 + 100 is -56; uint8
     * 128 + 128 is 0, 200 + 100 is 44.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void wrappedSumsFeedEveryReaderWrapped(Reader reader) {
        for (DType d : List.of(DType.INT8, DType.UINT8)) {
            long[] a = d == DType.INT8 ? new long[] {-128, 100, 3, 1} : new long[] {128, 200, 3, 1};
            long[] b = d == DType.INT8 ? new long[] {-128, 100, 4, 0} : new long[] {128, 100, 4, 0};
            Variable x = T.tensor(d, new boolean[] {false}, "x");
            Variable y = T.tensor(d, new boolean[] {false}, "y");
            Variable out = reader.graph().apply(x.add(y));
            NDArray want = NDArray.zeros(out.dtype(), a.length * 37L);
            for (int i = 0; i < want.size(); i++) {
                long sum = d == DType.INT8 ? (byte) (a[i % 4] + b[i % 4]) : (a[i % 4] + b[i % 4]) & 0xff;
                long w = reader.want().applyAsLong(sum);
                if (out.dtype().isFloat()) {
                    want.setFlat(i, Double.longBitsToDouble(w));
                } else {
                    want.setFlatLong(i, w);
                }
            }
            NDArray xa = tile(array(d, a), (int) want.size());
            NDArray ya = tile(array(d, b), (int) want.size());
            for (FunctionOptions o : List.of(Theano.options(), Theano.options().device("reference"))) {
                assertSame(reader + " " + d, want, Theano.function(List.of(x, y), out, o).call(xa, ya));
            }
        }
    }

    @Test
    void integerProgramsRunInLongLanes() {
        Variable x = T.lvector("x");
        Variable y = T.ivector("y");
        org.theano4j.Function f = Theano.function(List.of(x, y), T.maximum(x.mul(3), T.cast(y.add(1), DType.INT64)));
        Apply node = f.planNodes().stream().filter(n -> n.op() instanceof Composite).findFirst().orElseThrow();
        ElemProgram p = ElemProgram.compile(((Composite) node.op()).expr());
        assertNotNull(p, node.op().displayName());
        assertEquals(DType.INT64, p.lanes());
    }

    @Test
    void negativeIntegerPowerIsAnErrorAsInNumpy() {
        Variable x = T.lvector("x");
        Variable e = T.lvector("e");
        NDArray base = NDArray.of(new long[] {2, 3});
        NDArray exp = NDArray.of(new long[] {1, -1});
        for (FunctionOptions o : List.of(Theano.options(), Theano.options().device("reference"))) {
            org.theano4j.Function f = Theano.function(List.of(x, e), T.pow(x, e), o);
            IllegalArgumentException err = assertThrows(IllegalArgumentException.class, () -> f.call(base, exp));
            assertTrue(String.valueOf(err.getMessage()).contains("negative integer powers")
                    || String.valueOf(err.getCause()).contains("negative integer powers"), String.valueOf(err));
        }
    }

    @Test
    void zeroSignOfMaxReductionFollowsTheReference() {
        // np.max(np.array([0., -0.])) is -0.0 and np.max(np.array([-0., 0.])) is 0.0: the later zero
        for (DType f : List.of(DType.FLOAT64, DType.FLOAT32)) {
            for (int n : new int[] {2, 9, 64, 301}) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i % 3 == 0 ? -1 : (i * 7919) % 5 < 2 ? -0.0 : 0.0;
                }
                NDArray x = NDArray.of(v).astype(f);
                for (Reduce.Kind k : List.of(Reduce.Kind.MAX, Reduce.Kind.MIN)) {
                    Apply node = Parity.node(new Reduce(k, List.of(0)), x);
                    Parity.check(k + " zeros n=" + n, node, 0, x);
                    if (k == Reduce.Kind.MAX) {
                        double lastZero = v[n - 1] == 0 ? v[n - 1] : v[n - 2] == 0 ? v[n - 2] : v[n - 3];
                        assertEquals(Double.doubleToRawLongBits(lastZero), Double.doubleToRawLongBits(
                                Parity.runKernel(node, x).getFlat(0)), "max n=" + n);
                    }
                }
            }
        }
    }

    private static NDArray longs(DType dtype, long... v) {
        return array(dtype, v);
    }

    private static NDArray array(DType dtype, long[] v) {
        NDArray a = NDArray.zeros(dtype, v.length);
        for (int i = 0; i < v.length; i++) {
            if (dtype.isFloat()) {
                a.setFlat(i, Double.longBitsToDouble(v[i]));
            } else {
                a.setFlatLong(i, v[i]);
            }
        }
        return a;
    }

    /** Float inputs carried as the bits of doubles (the array store rounds them to the dtype). */
    private static long[][] floatBits(DType f, double[]... in) {
        long[][] bits = new long[in.length][];
        for (int k = 0; k < in.length; k++) {
            bits[k] = java.util.Arrays.stream(in[k]).mapToLong(Double::doubleToRawLongBits).toArray();
        }
        return bits;
    }

    /** {@code a} repeated to {@code length} elements. */
    private static NDArray tile(NDArray a, int length) {
        NDArray out = NDArray.zeros(a.dtype(), length);
        for (int i = 0; i < length; i++) {
            if (a.dtype().isFloat()) {
                out.setFlat(i, a.getFlat(i % a.size()));
            } else {
                out.setFlatLong(i, a.getFlatLong(i % a.size()));
            }
        }
        return out;
    }

    /** Exactly equal: integers as longs, floats bit for bit (NaNs equal). */
    private static void assertSame(String what, NDArray want, NDArray got) {
        assertEquals(want.dtype(), got.dtype(), what + ": dtype");
        assertEquals(want.size(), got.size(), what + ": size");
        for (long i = 0; i < want.size(); i++) {
            if (want.dtype().isFloat()) {
                double w = want.getFlat(i);
                double g = got.getFlat(i);
                assertTrue(Double.compare(w, g) == 0, what + " at " + i + ": want " + w + " got " + g);
            } else {
                assertEquals(want.getFlatLong(i), got.getFlatLong(i), what + " at " + i);
            }
        }
    }
}
