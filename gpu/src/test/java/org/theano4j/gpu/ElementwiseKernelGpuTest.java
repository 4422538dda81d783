package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.gpu.ElementwiseKernelSource.CType;

@Tag("gpu")
class ElementwiseKernelGpuTest {

    private static CudaContext context;

    @BeforeAll
    static void open() {
        if (GpuAvailability.isAvailable()) {
            context = CudaContext.open();
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
    @ValueSource(ints = {0, 1, 7, 33, 1025, 1 << 20})
    void fusedDoubleKernelMatchesJava(int n) {
        var source = new ElementwiseKernelSource("fused", List.of(CType.DOUBLE, CType.DOUBLE), CType.DOUBLE,
                "x0 * exp(-x1) + 1.0");
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * 0.5;
            b[i] = (i % 17) * 0.25;
        }
        String ptx = NvrtcProgram.compileToPtx(source.render(), "fused.cu");
        try (var module = CudaModule.load(context, ptx);
                var da = DeviceBuffer.allocate(context, 8L * n);
                var db = DeviceBuffer.allocate(context, 8L * n);
                var dout = DeviceBuffer.allocate(context, 8L * n)) {
            da.copyFromHost(MemorySegment.ofArray(a));
            db.copyFromHost(MemorySegment.ofArray(b));
            module.kernel("fused").launch(LaunchConfig.linear(n, 256), (long) n, da, db, dout);
            context.synchronize();
            double[] out = new double[n];
            dout.copyToHost(MemorySegment.ofArray(out));
            for (int i = 0; i < n; i++) {
                assertEquals(a[i] * Math.exp(-b[i]) + 1.0, out[i], 1e-12 * Math.max(1, Math.abs(out[i])), "at " + i);
            }
        }
    }

    @Test
    void floatKernelOnAStream() {
        int n = 4099;
        var source = new ElementwiseKernelSource("sq", List.of(CType.FLOAT), CType.FLOAT, "x0 * x0");
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * 0.01f;
        }
        try (var module = CudaModule.load(context, NvrtcProgram.compileToPtx(source.render(), "sq.cu"));
                var stream = CudaStream.create();
                var da = DeviceBuffer.allocate(context, 4L * n);
                var dout = DeviceBuffer.allocate(context, 4L * n)) {
            da.copyFromHost(MemorySegment.ofArray(a));
            module.kernel("sq").launch(LaunchConfig.linear(n, 128), stream, (long) n, da, dout);
            stream.synchronize();
            float[] out = new float[n];
            dout.copyToHost(MemorySegment.ofArray(out));
            for (int i = 0; i < n; i++) {
                assertEquals(a[i] * a[i], out[i], 0f);
            }
        }
    }

    @Test
    void compileErrorsCarryTheLog() {
        var e = assertThrows(CudaException.class,
                () -> NvrtcProgram.compileToPtx("extern \"C\" __global__ void k() { undeclared_thing(); }", "bad.cu"));
        assertEquals("nvrtcCompileProgram", e.call());
        assertTrue(e.getMessage().contains("undeclared_thing"), e.getMessage());
        assertTrue(NvrtcProgram.version().matches("\\d+\\.\\d+"));
    }

    @Test
    void unknownKernelNamesTheCall() {
        var source = new ElementwiseKernelSource("k", List.of(CType.FLOAT), CType.FLOAT, "x0");
        try (var module = CudaModule.load(context, NvrtcProgram.compileToPtx(source.render(), "k.cu"))) {
            var e = assertThrows(CudaException.class, () -> module.kernel("nope"));
            assertTrue(e.getMessage().startsWith("cuModuleGetFunction(nope) failed: CUDA_ERROR_NOT_FOUND"),
                    e.getMessage());
        }
    }
}
