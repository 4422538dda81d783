package org.theano4j.gpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CUDA state the backend's kernels share: the primary context of device 0, one cuBLAS
 * handle, and the compiled elementwise kernels, cached by their source so each distinct
 * expression is compiled by NVRTC once per JVM. Opened on first use and kept for the JVM's life.
 */
final class GpuDevice {

    private final CudaContext context;
    private final CublasHandle cublas;
    private final Map<String, CudaKernel> elementwise = new ConcurrentHashMap<>();

    private GpuDevice(CudaContext context, CublasHandle cublas) {
        this.context = context;
        this.cublas = cublas;
    }

    /** Opened on first use (only call when {@link GpuAvailability#isAvailable()}). */
    private static final class Holder {
        static final GpuDevice INSTANCE = open();

        private static GpuDevice open() {
            CudaContext context = CudaContext.open();
            return new GpuDevice(context, CublasHandle.create(context));
        }
    }

    /** @return the shared device state, opening it on first use */
    static GpuDevice get() {
        return Holder.INSTANCE;
    }

    /** @return the context (make it current in each thread that uses it) */
    CudaContext context() {
        return context;
    }

    /** @return the cuBLAS handle */
    CublasHandle cublas() {
        return cublas;
    }

    /**
     * @param source a kernel source from {@link CudaExpressionRenderer#kernelSource}
     * @return its kernel, compiled and loaded the first time this source is seen
     */
    CudaKernel elementwiseKernel(String source) {
        return elementwise.computeIfAbsent(source, s -> {
            context.makeCurrent();
            String ptx = NvrtcProgram.compileToPtx(s, CudaExpressionRenderer.KERNEL_NAME + ".cu");
            return CudaModule.load(context, ptx).kernel(CudaExpressionRenderer.KERNEL_NAME);
        });
    }
}
