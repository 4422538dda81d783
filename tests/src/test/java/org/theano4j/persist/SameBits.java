package org.theano4j.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import org.theano4j.tensor.NDArray;

/** Bit-for-bit comparison of arrays: same dtype, same shape, same bytes (NaN payloads and zero signs included). */
final class SameBits {
    private SameBits() {
    }

    static void assertSame(String label, NDArray expected, NDArray actual) {
        assertEquals(expected.dtype(), actual.dtype(), label + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), label + ": shape");
        long bytes = expected.size() * expected.dtype().byteSize();
        MemorySegment a = expected.copy().segment().asSlice(0, bytes);
        MemorySegment b = actual.copy().segment().asSlice(0, bytes);
        assertEquals(-1, a.mismatch(b), () -> label + ": values differ: expected " + expected + " but got " + actual);
    }

    static void assertSame(String label, List<NDArray> expected, List<NDArray> actual) {
        assertEquals(expected.size(), actual.size(), label + ": number of outputs");
        for (int i = 0; i < expected.size(); i++) {
            assertSame(label + " output " + i, expected.get(i), actual.get(i));
        }
    }

    static void assertSame(String label, Map<String, NDArray> expected, Map<String, NDArray> actual) {
        assertEquals(expected.keySet(), actual.keySet(), label + ": entries");
        expected.forEach((k, v) -> assertSame(label + " " + k, v, actual.get(k)));
    }
}
