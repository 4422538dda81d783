package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Regressions: lengths, strides and offsets are exact longs. Each case once wrapped around
 * silently (a one-byte array for 2^61 doubles, an accepted stride of 2^62 + 1, an empty slice
 * for a step of {@code Long.MAX_VALUE}, a reshape into a wrapped size).
 */
class LengthsTest {
    private static final String TOO_BIG = Shapes.TOO_BIG;
    /** A segment over the whole address space: views of any extent fit it (nothing here reads it). */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static void assertTooBig(Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(TOO_BIG), e.getMessage());
    }

    @Test
    void allocationsBeyondNumpysSizeRuleAreRefused() {
        assertTooBig(() -> NDArray.zeros(DType.FLOAT64, 1L << 61)); // 2^64 bytes wrapped to 0
        assertTooBig(() -> NDArray.zeros(DType.FLOAT64, 1L << 60)); // 2^63 bytes
        assertTooBig(() -> NDArray.zeros(DType.FLOAT64, 1L << 59, 8)); // the count fits, the bytes do not
        assertTooBig(() -> NDArray.zeros(DType.INT8, 1L << 32, 1L << 32)); // the count does not fit
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NDArray.zeros(DType.FLOAT32, 3, 1L << 62));
        assertEquals(TOO_BIG + " (shape (3, 4611686018427387904), dtype float32)", e.getMessage());
    }

    @Test
    void emptyArraysMayHaveHugeAxesWithinNumpysRule() {
        NDArray a = NDArray.zeros(DType.INT8, 0, Long.MAX_VALUE);
        assertEquals(0, a.size());
        assertArrayEquals(new long[] {0, Long.MAX_VALUE}, a.shape());
        assertEquals(0, a.toDoubleArray().length);
        assertEquals(0, NDArray.zeros(DType.FLOAT64, 1L << 59, 0).copy().size());
        assertEquals("array([], shape=(0, 576460752303423488), dtype=float64)",
                NDArray.zeros(DType.FLOAT64, 0, 1L << 59).toString());
        assertTooBig(() -> NDArray.zeros(DType.FLOAT64, 0, 1L << 60)); // numpy counts the 0 as 1
        assertEquals(0, Shapes.size(new long[] {1L << 40, 1L << 40, 0})); // no overflow before the zero
    }

    @Test
    void viewsWhoseReachWrapsAreRefused() {
        MemorySegment sixteen = NDArray.zeros(DType.INT8, 16).segment();
        long huge = (1L << 62) + 1;
        assertThrows(IllegalArgumentException.class,
                () -> NDArray.view(sixteen, DType.INT8, new long[] {3}, new long[] {huge}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> NDArray.view(EVERYTHING, DType.INT8, new long[] {3}, new long[] {huge}, 0));
        // a negative stride of -2^62 over 4 elements reaches -3 * 2^62, which wrapped to +2^62
        assertThrows(IllegalArgumentException.class,
                () -> NDArray.view(EVERYTHING, DType.INT8, new long[] {4}, new long[] {-(1L << 62)}, Long.MAX_VALUE - 1));
        assertThrows(IllegalArgumentException.class,
                () -> NDArray.view(EVERYTHING, DType.INT8, new long[] {2, 2}, new long[] {Long.MAX_VALUE, 1}, 0));
    }

    @Test
    void negativeStridesWithHugeLengthsWalkExactly() {
        long n = 1L << 62;
        NDArray reversed = NDArray.view(EVERYTHING, DType.INT8, new long[] {n}, new long[] {-1}, n - 1);
        assertEquals(0, reversed.flatPosition(n - 1));
        NDArray odd = reversed.slice(0, n - 2, -1, -2); // elements n-2, n-4, ..., 0 of reversed
        assertEquals(n / 2, odd.shape(0));
        assertEquals(1, odd.offset());
        assertEquals(2, odd.stride(0));
        assertEquals(n - 1, odd.flatPosition(n / 2 - 1));
        NDArray grid = NDArray.view(EVERYTHING, DType.INT8, new long[] {1L << 31, 1L << 31}, new long[] {-(1L << 31), -1},
                n - 1);
        assertEquals(0, grid.flatPosition(n - 1));
        assertEquals(n - 1 - (1L << 31) - 5, grid.flatPosition((1L << 31) + 5));
    }

    @Test
    void slicesWithExtremeStepsTakeNumpysElements() {
        NDArray a = NDArray.of(new long[] {0, 1, 2, 3, 4});
        assertArrayEquals(new long[] {0}, a.slice(0, 0, 5, Long.MAX_VALUE).toLongArray()); // a[0::sys.maxsize]
        assertArrayEquals(new long[] {4}, a.slice(0, 4, -1, Long.MIN_VALUE).toLongArray());
        assertArrayEquals(new long[] {4}, a.slice(0, 4, -1, -Long.MAX_VALUE).toLongArray());
        assertArrayEquals(new long[] {1, 4}, a.slice(0, 1, 5, 3).toLongArray());
        assertThrows(IllegalArgumentException.class, () -> a.slice(0, 1, Long.MAX_VALUE, 3)); // bounds not resolved
        assertEquals(0, a.slice(0, 2, Long.MIN_VALUE, 1).size());
        assertThrows(IllegalArgumentException.class, () -> a.slice(0, 0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> a.slice(0, Long.MIN_VALUE, Long.MAX_VALUE, 1));
        assertThrows(IllegalArgumentException.class, () -> a.slice(0, 0, 3, Long.MAX_VALUE - 1).slice(0, 0, 2, 1));
    }

    @Test
    void shapeArithmeticIsExact() {
        // 3 * 6148914691236517206 = 2^64 + 2 wrapped to 2, the size of the source
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.reshapeTarget(new long[] {2}, new long[] {3, 6148914691236517206L}));
        assertEquals("cannot reshape array of shape (2,) (size 2) into shape (3, 6148914691236517206)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Shapes.reshapeTarget(new long[] {0}, new long[] {-1, 1L << 62, 1L << 62}));
        assertArrayEquals(new long[] {0, 1L << 62, 1L << 62}, Shapes.reshapeTarget(new long[] {0}, new long[] {0, 1L << 62, 1L << 62}));
        assertTooBig(() -> NDArray.zeros(DType.INT8, 0).reshape(0, 1L << 62, 1L << 62)); // numpy: too big
        assertTooBig(() -> Shapes.cStrides(new long[] {1L << 32, 1L << 32}));
        assertTooBig(() -> Shapes.size(new long[] {1L << 32, 1L << 32}));
        assertTooBig(() -> NDArray.of(1.0).broadcastTo(1L << 62, 4));
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(1.0).broadcastTo(-1));
        assertThrows(IllegalArgumentException.class, () -> Shapes.size(new long[] {2, -3}));
    }

    @Test
    void hugeBroadcastViewsReadAndPrintWithoutMemory() {
        long n = (1L << 32) + 3;
        NDArray b = NDArray.of(2.5).broadcastTo(n);
        assertEquals(n, b.size());
        assertEquals(2.5, b.getFlat(n - 1));
        assertEquals("array([2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5], shape=(4294967299,))", b.toString());
        NDArray m = NDArray.zeros(DType.INT8).broadcastTo(1L << 40, 1L << 20);
        assertEquals(0, m.getLong((1L << 40) - 1, (1L << 20) - 1));
    }

    @Test
    void javaArraysThatCannotHoldTheResultAreRefused() {
        NDArray b = NDArray.of(1.0).broadcastTo((1L << 32) + 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::toDoubleArray);
        assertEquals("toDoubleArray: an array of shape (4294967299,) needs 4294967299 Java array elements, more than the "
                + ArrayExport.MAX_LENGTH + " a Java array holds", e.getMessage());
        assertThrows(IllegalArgumentException.class, b::toLongArray);
        assertThrows(IllegalArgumentException.class, b::toFloatArray);
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(DType.FLOAT64, 1L << 40, 0).toDoubleMatrix());
        assertEquals(0, NDArray.zeros(DType.FLOAT64, 0, 1L << 40).toDoubleMatrix().length);
    }
}
