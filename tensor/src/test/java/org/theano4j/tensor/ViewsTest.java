package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Strided views read back like numpy (expected values from numpy on np.arange(24).reshape(2, 3, 4)). */
class ViewsTest {
    /** A view built from arange(24).reshape(2, 3, 4), with numpy's shape and C-order values. */
    record ViewCase(String numpy, UnaryOperator<NDArray> view, long[] shape, long[] values) {
        @Override
        public String toString() {
            return numpy;
        }
    }

    static NDArray base() {
        return ReprTest.range(24, DType.INT64).reshape(2, 3, 4);
    }

    static Stream<ViewCase> cases() {
        return Stream.of(
                new ViewCase("a.T", a -> a.transpose(), new long[] {4, 3, 2},
                        new long[] {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23}),
                new ViewCase("a.transpose(1, 0, 2)[:, 1]", a -> a.transpose(1, 0, 2).index(1, 1), new long[] {3, 4},
                        new long[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}),
                new ViewCase("a[:, ::-1, 1]", a -> a.slice(1, 2, -1, -1).index(2, 1), new long[] {2, 3},
                        new long[] {9, 5, 1, 21, 17, 13}),
                new ViewCase("a[1, :, 3:0:-2]", a -> a.index(0, 1).slice(1, 3, 0, -2), new long[] {3, 2},
                        new long[] {15, 13, 19, 17, 23, 21}),
                new ViewCase("a[:, 0:3:2, ::3]", a -> a.slice(1, 0, 3, 2).slice(2, 0, 4, 3), new long[] {2, 2, 2},
                        new long[] {0, 3, 8, 11, 12, 15, 20, 23}),
                new ViewCase("a[0, 0:0]", a -> a.index(0, 0).slice(0, 0, 0, 1), new long[] {0, 4}, new long[] {}),
                new ViewCase("broadcast_to(a[0, :, :1], (2, 3, 2))", a -> a.index(0, 0).slice(1, 0, 1, 1)
                        .broadcastTo(2, 3, 2), new long[] {2, 3, 2},
                        new long[] {0, 0, 4, 4, 8, 8, 0, 0, 4, 4, 8, 8}),
                new ViewCase("a[..., 2][:, None]", a -> a.index(-1, 2).expandDims(1), new long[] {2, 1, 3},
                        new long[] {2, 6, 10, 14, 18, 22}),
                new ViewCase("a.T.reshape(4, 6)", a -> a.transpose().reshape(4, -1), new long[] {4, 6},
                        new long[] {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23}),
                new ViewCase("a[1].reshape(-1)", a -> a.index(0, 1).reshape(-1), new long[] {12},
                        new long[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void viewsReadBackLikeNumpy(ViewCase c) {
        NDArray v = c.view().apply(base());
        assertArrayEquals(c.shape(), v.shape());
        assertArrayEquals(c.values(), v.toLongArray());
        assertArrayEquals(c.values(), v.copy().toLongArray());
        assertArrayEquals(c.values(), v.astype(DType.FLOAT32).toLongArray());
        assertArrayEquals(c.values(), v.contiguous().toLongArray());
        assertTrue(v.copy().isCContiguous());
        for (int i = 0; i < c.values().length; i++) {
            assertEquals(c.values()[i], v.getFlatLong(i));
        }
        assertEquals(v, v.copy());
    }

    @Test
    void viewsShareMemory() {
        NDArray a = base();
        NDArray row = a.index(0, 1).slice(1, 3, -1, -1);
        row.setFlatLong(0, 100);
        assertEquals(100, a.getLong(1, 0, 3));
        assertSame(a.segment(), a.transpose().segment());
        assertFalse(a.transpose().isCContiguous());
        assertTrue(a.index(2, 0).index(1, 0).isCContiguous() == false);
        assertTrue(a.slice(0, 1, 2, 1).isCContiguous());
    }

    @Test
    void copyFromBroadcastsAndConverts() {
        NDArray dst = NDArray.zeros(DType.INT32, 2, 3);
        dst.copyFrom(NDArray.of(new double[] {1.9, -2.5, 3}));
        assertArrayEquals(new int[] {1, -2, 3, 1, -2, 3}, dst.toIntArray());
        dst.transpose().copyFrom(NDArray.of(new long[][] {{7}, {8}, {9}}));
        assertArrayEquals(new int[] {7, 8, 9, 7, 8, 9}, dst.toIntArray());
        assertThrows(IllegalArgumentException.class, () -> dst.copyFrom(NDArray.of(new double[] {1, 2})));
        dst.slice(1, 0, 3, 2).fill(0);
        assertArrayEquals(new int[] {0, 8, 0, 0, 8, 0}, dst.toIntArray());
    }

    @Test
    void invalidViewsAreRejected() {
        NDArray a = base();
        assertThrows(IllegalArgumentException.class, () -> a.broadcastTo(3, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> a.broadcastTo(3, 4));
        assertThrows(IllegalArgumentException.class, () -> a.transpose(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> a.index(1, 3));
        assertThrows(IllegalArgumentException.class, () -> a.slice(2, 0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> a.reshape(5, -1));
        assertThrows(IllegalArgumentException.class, () -> a.expandDims(5));
    }

    @Test
    void emptyViewsPastTheEndCopyAndPrint() {
        NDArray a = NDArray.zeros(DType.FLOAT64, 5, 0);
        NDArray row = a.index(0, 4);
        row.copyFrom(NDArray.zeros(DType.FLOAT64, 0));
        assertEquals("array([], shape=(2, 0), dtype=float64)", a.slice(0, 2, 4, 1).copy().toString());
        assertEquals(0, row.size());
    }
}
