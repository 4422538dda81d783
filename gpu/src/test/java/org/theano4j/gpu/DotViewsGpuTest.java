package org.theano4j.gpu;

import org.junit.jupiter.api.Tag;

/**
 * {@link DotViewsTest}'s cases on the GPU: cuBLAS GEMM and GEMV reading transposed views, slices
 * with a leading dimension larger than the row and transposed slices from an element offset of
 * their base's device memory, float32 and float64. The integer-valued operands make cuBLAS's float32
 * sums exact too, so the results must equal the exact oracle.
 */
@Tag("gpu")
class DotViewsGpuTest extends DotViewsTest {

    /** @return the GPU; skips (or with {@code gpu.require} fails) the test without one */
    @Override
    Device newDevice() {
        GpuTests.assumeGpu();
        CudaDevice gpu = new CudaDevice(GpuDevice.get());
        gpu.enter();
        return gpu;
    }
}
