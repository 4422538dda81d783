package org.theano4j.gpu;

import org.junit.jupiter.api.Tag;

/**
 * {@link GemmKernelTest}'s cases on the GPU: cuBLAS GEMM and GEMV with the ops' alpha and beta,
 * contiguous and transposed operands, in place and not, float32 and float64. The integer-valued
 * operands and power-of-two or small integer factors make cuBLAS's float32 results exact too, so
 * they must equal the exact oracle.
 */
@Tag("gpu")
class GemmKernelGpuTest extends GemmKernelTest {

    /** @return the GPU; skips (or with {@code gpu.require} fails) the test without one */
    @Override
    Device newDevice() {
        GpuTests.assumeGpu();
        CudaDevice gpu = new CudaDevice(GpuDevice.get());
        gpu.enter();
        return gpu;
    }
}
