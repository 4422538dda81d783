package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Construction, element access, conversions, equality and closeness. */
class NDArrayTest {
    /** One Java-array round trip: the array built, its expected dtype and shape, and its values read back. */
    record RoundTrip(String name, NDArray array, DType dtype, long[] shape, double[] values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<RoundTrip> roundTrips() {
        double[] v123 = {1, 2, 3};
        double[] m = {1, 2, 3, 4, 5, 6};
        long[] s23 = {2, 3};
        return Stream.of(
                new RoundTrip("double[]", NDArray.of(new double[] {1, 2, 3}), DType.FLOAT64, new long[] {3}, v123),
                new RoundTrip("float[]", NDArray.of(new float[] {1, 2, 3}), DType.FLOAT32, new long[] {3}, v123),
                new RoundTrip("int[]", NDArray.of(new int[] {1, 2, 3}), DType.INT32, new long[] {3}, v123),
                new RoundTrip("long[]", NDArray.of(new long[] {1, 2, 3}), DType.INT64, new long[] {3}, v123),
                new RoundTrip("short[]", NDArray.of(new short[] {1, 2, 3}), DType.INT16, new long[] {3}, v123),
                new RoundTrip("byte[]", NDArray.of(new byte[] {1, 2, 3}), DType.INT8, new long[] {3}, v123),
                new RoundTrip("boolean[]", NDArray.of(new boolean[] {true, false}), DType.BOOL, new long[] {2},
                        new double[] {1, 0}),
                new RoundTrip("double[][]", NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), DType.FLOAT64, s23, m),
                new RoundTrip("float[][]", NDArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}}), DType.FLOAT32, s23, m),
                new RoundTrip("int[][]", NDArray.of(new int[][] {{1, 2, 3}, {4, 5, 6}}), DType.INT32, s23, m),
                new RoundTrip("long[][]", NDArray.of(new long[][] {{1, 2, 3}, {4, 5, 6}}), DType.INT64, s23, m),
                new RoundTrip("boolean[][]", NDArray.of(new boolean[][] {{true}, {false}}), DType.BOOL,
                        new long[] {2, 1}, new double[] {1, 0}),
                new RoundTrip("double[][][]", NDArray.of(new double[][][] {{{1, 2}}, {{3, 4}}}), DType.FLOAT64,
                        new long[] {2, 1, 2}, new double[] {1, 2, 3, 4}),
                new RoundTrip("of(double)", NDArray.of(2.5), DType.FLOAT64, new long[] {}, new double[] {2.5}),
                new RoundTrip("of(float)", NDArray.of(2.5f), DType.FLOAT32, new long[] {}, new double[] {2.5}),
                new RoundTrip("of(long)", NDArray.of(7L), DType.INT64, new long[] {}, new double[] {7}),
                new RoundTrip("of(int)", NDArray.of(7), DType.INT32, new long[] {}, new double[] {7}),
                new RoundTrip("of(boolean)", NDArray.of(true), DType.BOOL, new long[] {}, new double[] {1}),
                new RoundTrip("fromObject(Integer)", NDArray.fromObject(5), DType.INT64, new long[] {},
                        new double[] {5}),
                new RoundTrip("fromObject(Short)", NDArray.fromObject((short) 5), DType.INT16, new long[] {},
                        new double[] {5}),
                new RoundTrip("fromObject(Float)", NDArray.fromObject(0.5f), DType.FLOAT32, new long[] {},
                        new double[] {0.5}),
                new RoundTrip("fromObject(Boolean)", NDArray.fromObject(false), DType.BOOL, new long[] {},
                        new double[] {0}),
                new RoundTrip("fromObject(int[][][])", NDArray.fromObject(new int[][][] {{{1}, {2}}}), DType.INT32,
                        new long[] {1, 2, 1}, new double[] {1, 2}),
                new RoundTrip("fromObject(Object[] mixed)", NDArray.fromObject(new Object[] {1, 2.5, true}),
                        DType.FLOAT64, new long[] {3}, new double[] {1, 2.5, 1}),
                new RoundTrip("fromObject(Object[] ints)", NDArray.fromObject(new Object[] {new int[] {1}, new Object[] {2}}),
                        DType.INT64, new long[] {2, 1}, new double[] {1, 2}),
                new RoundTrip("fromObject(double[0])", NDArray.fromObject(new double[0]), DType.FLOAT64,
                        new long[] {0}, new double[0]),
                new RoundTrip("fromObject(long[][] empty rows)", NDArray.fromObject(new long[2][0]), DType.INT64,
                        new long[] {2, 0}, new double[0]));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void javaArraysRoundTrip(RoundTrip t) {
        assertEquals(t.dtype(), t.array().dtype());
        assertArrayEquals(t.shape(), t.array().shape());
        assertArrayEquals(t.values(), t.array().toDoubleArray());
        assertArrayEquals(t.values(), t.array().copy().toDoubleArray());
        long[] longs = new long[t.values().length];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = (long) t.values()[i];
        }
        assertArrayEquals(longs, t.array().toLongArray());
    }

    @Test
    void conversionsOut() {
        NDArray a = NDArray.of(new double[][] {{1.5, -2}, {0, 4}});
        assertArrayEquals(new double[][] {{1.5, -2}, {0, 4}}, a.toDoubleMatrix());
        assertArrayEquals(new int[] {1, -2, 0, 4}, a.toIntArray());
        assertArrayEquals(new float[] {1.5f, -2, 0, 4}, a.toFloatArray());
        assertArrayEquals(new boolean[] {true, true, false, true}, a.toBooleanArray());
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(new double[] {1}).toDoubleMatrix());
    }

    @Test
    void raggedArraysAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NDArray.of(new double[][] {{1, 2, 3}, {4, 5}}));
        assertTrue(e.getMessage().contains("row [1] has length 2") && e.getMessage().contains("length 3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(new double[][][] {{{1}}, {{1, 2}}}));
        assertThrows(IllegalArgumentException.class, () -> NDArray.fromObject(new Object[] {1, new int[] {2}}));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> NDArray.fromObject("text"));
        assertTrue(c.getMessage().contains("java.lang.String"), c.getMessage());
    }

    @Test
    void elementAccess() {
        NDArray a = NDArray.of(new long[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(6, a.getLong(1, 2));
        assertEquals(6, a.getLong(-1, -1));
        assertEquals(4.0, a.getDouble(1, 0));
        assertThrows(IllegalArgumentException.class, () -> a.getLong(2, 0));
        assertThrows(IllegalArgumentException.class, () -> a.getLong(0));
        assertEquals(3, a.getFlatLong(2));
        a.setFlat(2, 9.9);
        assertEquals(9, a.getLong(0, 2));
        assertEquals(9.0, NDArray.of(new double[] {9}).item());
        assertThrows(IllegalArgumentException.class, a::item);
        assertSame(a, NDArray.fromObject(a));
    }

    @Test
    void factories() {
        assertArrayEquals(new double[] {0, 0}, NDArray.zeros(DType.FLOAT32, 2).toDoubleArray());
        assertArrayEquals(new long[] {1, 1, 1}, NDArray.ones(DType.UINT8, 3).toLongArray());
        assertArrayEquals(new long[] {-1, -1}, NDArray.full(DType.INT16, -1.5, 2).toLongArray());
        assertEquals(0, NDArray.empty(DType.INT64, 0, 5).size());
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(DType.INT64, -1));
    }

    @Test
    void wrapIsZeroCopy() {
        MemorySegment seg = Arena.ofAuto().allocate(6 * 8L, 8);
        NDArray a = NDArray.wrap(seg, DType.FLOAT64, 2, 3);
        seg.setAtIndex(ValueLayout.JAVA_DOUBLE, 4, 7.0);
        assertEquals(7.0, a.getDouble(1, 1));
        assertSame(seg, a.segment());
        assertThrows(IllegalArgumentException.class, () -> NDArray.wrap(seg, DType.FLOAT64, 7));
        assertThrows(IllegalArgumentException.class,
                () -> NDArray.view(seg, DType.FLOAT64, new long[] {2}, new long[] {3}, 3));
        NDArray v = NDArray.view(seg, DType.FLOAT64, new long[] {2}, new long[] {3}, 1);
        assertArrayEquals(new double[] {0, 7}, v.toDoubleArray());
        assertEquals(8, v.byteOffset());
    }

    /** numpy: astype rows, source values then expected results (np.array(src).astype(dtype).tolist()). */
    static Stream<Object[]> astypeRows() {
        long[] ints = {300, -1, 65541, (1L << 40) + 7, 0};
        return Stream.of(
                new Object[] {NDArray.of(new double[] {-1.7, 2.9, 1.5, -0.5, 0.0}), DType.INT32, "-1 2 1 0 0"},
                new Object[] {NDArray.of(new double[] {-1.7, 2.9, 0.0, Double.NaN}), DType.BOOL, "1 1 0 1"},
                new Object[] {NDArray.of(ints), DType.UINT8, "44 255 5 7 0"},
                new Object[] {NDArray.of(ints), DType.INT8, "44 -1 5 7 0"},
                new Object[] {NDArray.of(ints), DType.INT16, "300 -1 5 7 0"},
                new Object[] {NDArray.of(ints), DType.UINT16, "300 65535 5 7 0"},
                new Object[] {NDArray.of(ints), DType.INT32, "300 -1 65541 7 0"},
                new Object[] {NDArray.of(ints), DType.UINT32, "300 4294967295 65541 7 0"},
                new Object[] {NDArray.of(ints), DType.UINT64, "300 18446744073709551615 65541 1099511627783 0"},
                new Object[] {NDArray.of(ints), DType.FLOAT32, "300 -1 65541 1099511627776 0"},
                new Object[] {NDArray.of(ints), DType.BOOL, "1 1 1 1 0"},
                new Object[] {NDArray.of(new long[] {255, 0}).astype(DType.UINT8), DType.INT8, "-1 0"});
    }

    @ParameterizedTest
    @MethodSource("astypeRows")
    void astypeFollowsNumpy(NDArray src, DType target, String expected) {
        NDArray out = src.astype(target);
        assertEquals(target, out.dtype());
        StringBuilder sb = new StringBuilder();
        for (long v : out.toLongArray()) {
            sb.append(sb.isEmpty() ? "" : " ").append(target == DType.UINT64 ? Long.toUnsignedString(v) : v);
        }
        assertEquals(expected, sb.toString());
    }

    @Test
    void floatCastsRoundAndUnsignedReadsConvert() {
        NDArray f = NDArray.of(new double[] {0.1, 1.0 / 3, 1e40}).astype(DType.FLOAT32);
        assertArrayEquals(new double[] {0.10000000149011612, 0.3333333432674408, Double.POSITIVE_INFINITY},
                f.toDoubleArray());
        NDArray u = NDArray.of(new long[] {-1, Long.MIN_VALUE}).astype(DType.UINT64);
        assertArrayEquals(new double[] {1.8446744073709552e19, 9.223372036854776e18}, u.toDoubleArray());
        assertArrayEquals(new double[] {1.8446744073709552e19, 9.223372036854776e18},
                u.astype(DType.FLOAT64).toDoubleArray());
    }

    @Test
    void equalsAndHashCode() {
        List<NDArray> same = List.of(NDArray.of(new double[] {1, Double.NaN, 0.0}),
                NDArray.of(new double[] {1, Double.NaN, -0.0}),
                NDArray.of(new double[] {0.0, Double.NaN, 1, 5}).slice(0, 2, -1, -1).slice(0, 0, 3, 1));
        for (NDArray a : same) {
            assertEquals(same.get(0), a);
            assertEquals(same.get(0).hashCode(), a.hashCode());
        }
        NDArray a = NDArray.of(new long[] {1, 2});
        assertNotEquals(a, a.astype(DType.INT32));
        assertNotEquals(a, a.reshape(2, 1));
        assertNotEquals(a, NDArray.of(new long[] {1, 3}));
        assertNotEquals(NDArray.of(new long[] {Long.MAX_VALUE}), NDArray.of(new long[] {Long.MAX_VALUE - 1}));
        assertFalse(a.equals("array([1, 2])"));
    }

    @Test
    void allCloseFollowsNumpy() {
        NDArray a = NDArray.of(new double[] {1, 2, Double.POSITIVE_INFINITY});
        assertTrue(a.allClose(NDArray.of(new double[] {1 + 1e-9, 2, Double.POSITIVE_INFINITY}), 1e-5, 1e-8));
        assertFalse(a.allClose(NDArray.of(new double[] {1.001, 2, Double.POSITIVE_INFINITY}), 1e-5, 1e-8));
        assertFalse(a.allClose(NDArray.of(new double[] {1, 2, Double.NEGATIVE_INFINITY}), 1e-5, 1e-8));
        NDArray nan = NDArray.of(new double[] {Double.NaN});
        assertFalse(nan.allClose(nan, 1, 1));
        assertTrue(NDArray.of(new int[] {1, 2}).allClose(NDArray.of(new double[] {1, 2.0000001}), 1e-5, 0));
        assertThrows(IllegalArgumentException.class, () -> a.allClose(NDArray.of(new double[] {1}), 1, 1));
    }

    /** Values whose int64 -> float64 -> float32 path rounds twice; numpy 2.4.6's astype(float32) results. */
    @org.junit.jupiter.api.Test
    void wideIntegersConvertToFloat32RoundedOnce() {
        long[] in = {1152921573326323713L, -4611686293305294849L, 16777217L};
        float[] want = {0x1.000002p60f, -0x1.000002p62f, 0x1p24f};
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, NDArray.of(in).astype(DType.FLOAT32).toFloatArray());
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, NDArray.of(in).toFloatArray());
        NDArray u = NDArray.zeros(DType.UINT64, 2);
        u.setFlatLong(0, -1L);
        u.setFlatLong(1, Long.parseUnsignedLong("9223372586610589697"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0x1p64f, 0x1.000002p63f}, u.astype(DType.FLOAT32).toFloatArray());
    }
}
