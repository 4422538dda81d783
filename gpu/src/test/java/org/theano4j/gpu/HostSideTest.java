package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The parts of the CUDA wrappers that run on the host only. */
class HostSideTest {

    @Test
    void kernelArgumentsArePointersToTheirValues() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment packed = KernelArgs.pack(arena, 7L, 3, 2.5, 1.25f);
            assertEquals(7L, deref(packed, 0, 8).get(ValueLayout.JAVA_LONG, 0));
            assertEquals(3, deref(packed, 1, 4).get(ValueLayout.JAVA_INT, 0));
            assertEquals(2.5, deref(packed, 2, 8).get(ValueLayout.JAVA_DOUBLE, 0));
            assertEquals(1.25f, deref(packed, 3, 4).get(ValueLayout.JAVA_FLOAT, 0));
            var e = assertThrows(IllegalArgumentException.class, () -> KernelArgs.pack(arena, 1L, "x"));
            assertTrue(e.getMessage().contains("argument 1"), e.getMessage());
        }
    }

    private static MemorySegment deref(MemorySegment pointers, int i, long size) {
        return pointers.getAtIndex(ValueLayout.ADDRESS, i).reinterpret(size);
    }

    @Test
    void linearLaunchCoversNAndIsCapped() {
        assertEquals(new LaunchConfig(1, 1, 1, 256, 1, 1, 0), LaunchConfig.linear(0, 256));
        assertEquals(1, LaunchConfig.linear(256, 256).gridX());
        assertEquals(2, LaunchConfig.linear(257, 256).gridX());
        assertEquals(LaunchConfig.MAX_LINEAR_BLOCKS, LaunchConfig.linear(1L << 40, 256).gridX());
        assertThrows(IllegalArgumentException.class, () -> LaunchConfig.linear(-1, 256));
        assertThrows(IllegalArgumentException.class, () -> new LaunchConfig(0, 1, 1, 1, 1, 1, 0));
    }

    @Test
    void errorsNameTheCallAndTheError() {
        var e = assertThrows(CudaException.class, () -> Check.cublas("cublasDgemm_v2", 7));
        assertEquals("cublasDgemm_v2 failed: CUBLAS_STATUS_INVALID_VALUE (7)", e.getMessage());
        assertEquals("cublasDgemm_v2", e.call());
        assertEquals(7, e.code());
        assertEquals("cublasStatus_t 99", Check.cublasStatusName(99));
        Check.cublas("cublasDgemm_v2", 0);
    }

    @Test
    void driverErrorsHaveANameEvenWithoutTheDriver() {
        var e = assertThrows(CudaException.class, () -> Check.cu("cuMemAlloc_v2", 2));
        assertTrue(e.getMessage().startsWith("cuMemAlloc_v2 failed: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(2)"), e.getMessage());
    }
}
