package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("gpu")
class DeviceBufferGpuTest {

    private static CudaContext context;

    @BeforeAll
    static void open() {
        if (GpuAvailability.isAvailable()) {
            context = CudaContext.open();
            assertFalse(context.deviceName().isBlank());
        }
    }

    @BeforeEach
    void needsGpu() {
        GpuTests.assumeGpu();
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 1023, 1025, 1 << 20})
    void roundTripsThroughHostHeapNativeAndDevice(int n) {
        double[] src = new double[n];
        for (int i = 0; i < n; i++) {
            src[i] = i * 1.5 - 3;
        }
        try (Arena arena = Arena.ofConfined();
                var a = DeviceBuffer.allocate(context, 8L * n);
                var b = DeviceBuffer.allocate(context, 8L * n)) {
            a.copyFromHost(MemorySegment.ofArray(src));
            b.copyFrom(a);
            MemorySegment nativeOut = arena.allocate(8L * n, 8);
            b.copyToHost(nativeOut);
            assertArrayEquals(src, nativeOut.toArray(ValueLayout.JAVA_DOUBLE));

            b.copyFromHost(nativeOut);
            b.clear();
            double[] zeros = new double[n];
            b.copyToHost(MemorySegment.ofArray(zeros));
            assertArrayEquals(new double[n], zeros);
        }
    }

    @Test
    void oversizedCopiesAndUseAfterCloseAreRejected() {
        var buffer = DeviceBuffer.allocate(context, 16);
        assertThrows(IllegalArgumentException.class, () -> buffer.copyFromHost(MemorySegment.ofArray(new double[3])));
        buffer.close();
        buffer.close();
        assertThrows(IllegalStateException.class, buffer::address);
    }

    @Test
    void outOfMemoryNamesTheCall() {
        var e = assertThrows(CudaException.class, () -> DeviceBuffer.allocate(context, 1L << 50));
        assertFalse(e.getMessage().isBlank());
        org.junit.jupiter.api.Assertions.assertEquals("cuMemAlloc_v2", e.call());
    }
}
