package org.theano4j.gpu;

import org.junit.jupiter.api.Tag;

/**
 * {@link StridedElementwiseTest}'s cases on the GPU: the NVRTC-compiled strided kernel variants
 * reading transposed, stepped, reversed and broadcast views at their offsets and strides from their
 * bases' device memory, float64, float32, int32 and bool, against the exact oracle.
 */
@Tag("gpu")
class StridedElementwiseGpuTest extends StridedElementwiseTest {

    /** @return the GPU; skips (or with {@code gpu.require} fails) the test without one */
    @Override
    Device newDevice() {
        GpuTests.assumeGpu();
        CudaDevice gpu = new CudaDevice(GpuDevice.get());
        gpu.enter();
        return gpu;
    }
}
