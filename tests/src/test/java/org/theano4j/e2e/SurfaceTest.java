package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.Out;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Issue 11's type table and surface, against {@code surface/theano-1.0.5.txt}
 * (tests/scripts/surface_reference.py, Theano 1.0.5 and numpy): int16 ({@code w*}) constructors and
 * promotion, tensor5/6/7, untyped plurals, {@code flatten(outdim)}, {@code Out(v, borrow)},
 * {@code T.pp} hiding broadcasting's dimshuffles, the run-time broadcasting rule and gradients
 * with respect to integer inputs.
 */
class SurfaceTest {
    private static final Map<String, String> REF = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SurfaceTest.class.getClassLoader().getResourceAsStream("surface/theano-1.0.5.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] kv = line.split("\t", 2);
                REF.put(kv[0], kv[1]);
            }
        }
    }

    private static String ref(String key) {
        String v = REF.get(key);
        assertTrue(v != null, "no reference for " + key);
        return v;
    }

    private static double[] doubles(String key) {
        return Arrays.stream(ref(key).split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static long[] longs(String key) {
        return Arrays.stream(ref(key).split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** Python's {@code (False, True)} as Java's {@code Arrays.toString}: {@code [false, true]}. */
    private static String python(String tuple) {
        return tuple.replace('(', '[').replace(')', ']').replace("False", "false").replace("True", "true");
    }

    @Test
    void ppHidesTheDimshufflesOfBroadcasting() {
        Variable x = T.dmatrix("x");
        Variable v = T.dvector("v");
        assertEquals(ref("pp.add_broadcast"), T.pp(x.add(v)));
        assertEquals(ref("pp.transpose_add"), T.pp(T.dimshuffle(x, 1, 0).add(v)));
        assertEquals(ref("pp.new_axis_only"), T.pp(T.dimshuffle(v, "x", 0)));
        assertEquals(ref("pp.trailing_axis"), T.pp(T.dimshuffle(v, 0, "x")));
        assertEquals(ref("pp.permute"), T.pp(T.dimshuffle(T.dtensor3("t"), 1, 0, 2)));
        assertEquals(ref("pp.exp_times_add"), T.pp(T.exp(x).mul(v).add(x)));
    }

    @Test
    void int16ConstructorsAndPromotion() {
        Variable w = T.wvector("w");
        assertEquals(DType.INT16, w.dtype());
        assertEquals(1, w.ndim());
        assertArrayEquals(new boolean[] {true, false}, T.wrow("r").broadcastable());
        assertArrayEquals(new boolean[] {false, true}, T.wcol().broadcastable());
        Map<String, Supplier<Variable>> others = Map.of("int8", T::bvector, "int16", T::wvector, "int32", T::ivector,
                "int64", T::lvector, "float32", T::fvector, "float64", T::dvector);
        for (Map.Entry<String, Supplier<Variable>> e : others.entrySet()) {
            assertEquals(ref("dtype.int16+" + e.getKey()), w.add(e.getValue().get()).dtype().numpyName(), e.getKey());
        }
        assertEquals(ref("dtype.int16+uint8"), w.add(T.vector("u", DType.UINT8)).dtype().numpyName());
        assertEquals(ref("dtype.int16+bool"), w.add(T.vector("b", DType.BOOL)).dtype().numpyName());
        assertEquals(ref("dtype.int16+1"), w.add(1).dtype().numpyName());
        assertEquals(ref("dtype.int16*1.5"), w.mul(1.5).dtype().numpyName());
        assertEquals(ref("dtype.int16/int16"), w.div(w).dtype().numpyName());
        assertEquals(ref("dtype.exp(int16)"), w.exp().dtype().numpyName());
        assertEquals(ref("theano.int16.sum_dtype"), w.sum().dtype().numpyName());
    }

    @Test
    void int16ArithmeticWrapsAsNumpy() {
        Variable[] ab = T.wvectors("a", "b");
        Function f = Theano.function(List.of(ab[0], ab[1]),
                List.of(ab[0].add(ab[1]), ab[0].mul(ab[1]), ab[0].intDiv(ab[1]), ab[0].mod(ab[1])));
        NDArray a = NDArray.of(new long[] {32767, -32768, 1200, -7}).astype(DType.INT16);
        NDArray b = NDArray.of(new long[] {1, -1, 30, 3}).astype(DType.INT16);
        List<NDArray> r = f.callAll(a, b);
        String[] keys = {"int16.add", "int16.mul", "int16.intdiv", "int16.mod"};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(DType.INT16, r.get(i).dtype(), keys[i]);
            assertArrayEquals(longs(keys[i]), r.get(i).toLongArray(), keys[i]);
        }
    }

    @Test
    void highRankAndUntypedPluralConstructors() {
        List<Supplier<Variable>> fives = List.of(T::dtensor5, T::ftensor5, T::itensor5, T::ltensor5, T::btensor5, T::wtensor5);
        DType[] dtypes = {DType.FLOAT64, DType.FLOAT32, DType.INT32, DType.INT64, DType.INT8, DType.INT16};
        for (int i = 0; i < dtypes.length; i++) {
            assertEquals(dtypes[i], fives.get(i).get().dtype());
            assertEquals(5, fives.get(i).get().ndim());
        }
        assertEquals(6, T.ltensor6("a").ndim());
        assertEquals(7, T.dtensor7().ndim());
        assertEquals(7, T.wtensor7s("a", "b")[1].ndim());
        assertEquals(7, T.tensor7("t").ndim());
        assertEquals(DType.INT32, T.tensor6("t", DType.INT32).dtype());
        Variable[] three = T.scalars(3);
        assertEquals(3, three.length);
        assertNull(three[2].name());
        assertEquals(org.theano4j.Config.floatX(), three[0].dtype());
        Variable[] named = T.matrices("a", "b");
        assertEquals("b", named[1].name());
        assertEquals(2, named[1].ndim());
        assertEquals(4, T.tensor4s(2)[1].ndim());
        assertEquals(3, T.tensor3s("p", "q")[0].ndim());
        assertEquals(0, T.vectors(0).length);
        Variable[] typed = T.dmatrices(3);
        assertEquals(3, typed.length);
        assertEquals(DType.FLOAT64, typed[2].dtype());
        assertEquals(DType.INT16, T.wtensor7s(2)[0].dtype());
        assertEquals(5, T.btensor5s(1)[0].ndim());
        assertThrows(IllegalArgumentException.class, () -> T.lvectors(-2));
        assertThrows(IllegalArgumentException.class, () -> T.vectors(-1));
        // the new types run: a 5-d int16 sum over one axis
        Variable t = T.wtensor5("t");
        NDArray data = NDArray.of(new long[] {1, 2, 3, 4, 5, 6}).astype(DType.INT16).reshape(1, 2, 1, 3, 1);
        NDArray s = Theano.function(List.of(t), t.sum(3)).call(data);
        assertArrayEquals(new long[] {1, 2, 1, 1}, s.shape());
        assertArrayEquals(new long[] {6, 15}, s.toLongArray());
    }

    @Test
    void flattenKeepsLeadingAxes() {
        Variable m = T.dtensor4("m");
        double[] flat = new double[24];
        for (int i = 0; i < 24; i++) {
            flat[i] = i;
        }
        NDArray data = NDArray.of(flat).reshape(2, 3, 2, 2);
        for (int nd = 1; nd <= 4; nd++) {
            Variable y = m.flatten(nd);
            assertEquals(nd, y.ndim());
            NDArray r = Theano.function(List.of(m), y).call(data);
            assertArrayEquals(longs("flatten." + nd + ".shape"), r.shape(), "ndim " + nd);
            assertArrayEquals(doubles("flatten." + nd + ".values"), r.toDoubleArray(), "ndim " + nd);
        }
        // a transposed (non-contiguous) input flattens in C order of the transposed view
        NDArray t = Theano.function(List.of(m), T.transpose(m).flatten(2)).call(data);
        assertArrayEquals(new long[] {2, 12}, t.shape());
        assertEquals(data.getDouble(1, 0, 0, 0), t.getDouble(0, 1));
        assertEquals(python(ref("flatten.bcast")),
                Arrays.toString(T.tensor(DType.FLOAT64, new boolean[] {false, true, true}, "b").flatten(2).broadcastable()));
        assertEquals(python(ref("flatten.bcast3")),
                Arrays.toString(T.tensor(DType.FLOAT64, new boolean[] {true, false, true}, "b").flatten(2).broadcastable()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.flatten(5));
        assertTrue(e.getMessage().contains("outdim 5 out of bound [1, 5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.flatten(0));
        // the gradient flows back to the 4-d shape
        NDArray g = Theano.function(List.of(m), T.grad(T.sum(T.sqr(m.flatten(2))), m)).call(data);
        assertArrayEquals(new long[] {2, 3, 2, 2}, g.shape());
        assertEquals(2 * 17.0, g.getDouble(1, 1, 0, 1));
    }

    @Test
    void borrowedOutputsAreNotCopied() {
        Variable x = T.dvector("x");
        NDArray arg = NDArray.of(new double[] {1, 2, 3});
        Function borrowed = Theano.function(List.of(x), Out.of(x, true));
        Function copied = Theano.function(List.of(x), Out.of(x));
        assertSame(arg, borrowed.call(arg));
        NDArray c = copied.call(arg);
        assertNotSame(arg, c);
        assertArrayEquals(arg.toDoubleArray(), c.toDoubleArray());
        SharedVariable s = Theano.shared(new double[] {4, 5}, "s");
        Function both = Theano.function(List.of(x), new Out[] {Out.of(s, true), Out.of(x.mul(2))});
        List<NDArray> r = both.callAll(arg);
        assertSame(s.getValue(true), r.get(0));
        assertArrayEquals(new double[] {2, 4, 6}, r.get(1).toDoubleArray());
        // a copy of the function keeps its borrow flags
        assertSame(arg, borrowed.copy().call(arg));
        assertEquals("Out(x, borrow=true)", Out.of(x, true).toString());
    }

    @Test
    void unmarkedLengthOneAxisIsAnErrorAtCallTime() {
        Variable[] ab = T.dmatrices("a", "b");
        Function f = Theano.function(List.of(ab[0], ab[1]), ab[0].add(ab[1]));
        NDArray ones13 = NDArray.of(new double[][] {{1, 1, 1}});
        NDArray ones23 = NDArray.of(new double[][] {{1, 1, 1}, {1, 1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.call(ones13, ones23));
        assertTrue(e.getMessage().startsWith("Input dimension mis-match: input 0 of "), e.getMessage());
        assertTrue(e.getMessage().contains("(a) has length 1 on axis 0"), e.getMessage());
        assertTrue(e.getMessage().contains(ref("bcast.error")), e.getMessage());
        // the same in FAST_COMPILE (no fusion) and with the operands swapped
        Function slow = Theano.function(List.of(ab[0], ab[1]), ab[1].mul(ab[0]), Theano.options().mode("FAST_COMPILE"));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> slow.call(ones13, ones23));
        assertTrue(e2.getMessage().contains("input 1 of Elemwise{mul} (a) has length 1 on axis 0"), e2.getMessage());
        // equal shapes and declared broadcastable axes run
        assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, f.call(ones23, ones23).toDoubleArray());
        Variable r = T.drow("r");
        NDArray rb = Theano.function(List.of(r, ab[1]), r.add(ab[1])).call(NDArray.of(new double[][] {{1, 2, 3}}),
                NDArray.of(new double[][] {{0, 1, 2}, {3, 4, 5}}));
        assertArrayEquals(doubles("bcast.row"), rb.toDoubleArray());
        // length 1 against length 1 is fine
        assertEquals(2.0, f.call(NDArray.of(new double[][] {{1}}), NDArray.of(new double[][] {{1}})).item());
    }

    @Test
    void gradientWithRespectToIntegerInputsIsRealValued() {
        Variable ic = T.iscalar("ic");
        Variable fc = T.dscalar("fc");
        Map<String, Variable[]> cases = Map.of(
                "grad.int_times_float", new Variable[] {ic.mul(fc), ic},
                "grad.float_wrt_of_int_times_float", new Variable[] {ic.mul(fc), fc},
                "grad.cast_int", new Variable[] {T.cast(ic, DType.FLOAT64).mul(fc).mul(fc), ic},
                "grad.int_only_path", new Variable[] {T.cast(ic.mul(ic), DType.FLOAT64).mul(fc), ic},
                "grad.exp_int", new Variable[] {T.exp(ic).mul(fc), ic});
        Map<String, double[]> args = Map.of("grad.exp_int", new double[] {1, 2.0});
        for (Map.Entry<String, Variable[]> c : cases.entrySet()) {
            Variable g = T.grad(c.getValue()[0], c.getValue()[1]);
            assertEquals(ref(c.getKey() + ".dtype"), g.dtype().numpyName(), c.getKey());
            double[] a = args.getOrDefault(c.getKey(), new double[] {3, 2.5});
            NDArray got = Theano.function(List.of(ic, fc), g).call((int) a[0], a[1]);
            assertArrayEquals(doubles(c.getKey() + ".value"), got.toDoubleArray(), 1e-15, c.getKey());
        }
        Variable iv = T.ivector("iv");
        Variable fv = T.fvector("fv");
        Variable g = T.grad(T.sum(iv.mul(fv)), iv);
        assertEquals(ref("grad.ivector_times_fvector.dtype"), g.dtype().numpyName());
        NDArray got = Theano.function(List.of(iv, fv), g).call(new int[] {1, 2, 3}, new float[] {0.5f, -1.25f, 4});
        assertArrayEquals(doubles("grad.ivector_times_fvector.value"), got.toDoubleArray());
    }
}
