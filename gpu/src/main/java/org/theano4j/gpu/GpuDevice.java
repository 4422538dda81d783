package org.theano4j.gpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CUDA state the backend's kernels share, opened by the {@link GpuAvailability} probe: the
 * primary context of device 0, the architecture kernels are compiled for, the NVRTC compiler
 * (images cached per source and architecture), one cuBLAS handle, and the loaded elementwise
 * kernels, one module per distinct source. Kept for the JVM's life.
 */
final class GpuDevice {

    private final CudaContext context;
    private final GpuArch arch;
    private final NvrtcCompiler compiler;
    private final CublasHandle cublas;
    private final Map<String, CudaKernel> elementwise = new ConcurrentHashMap<>();
    private final Map<String, CudaModule> modules = new ConcurrentHashMap<>();
    private final Map<java.util.List<String>, CudaKernel> kernels = new ConcurrentHashMap<>();

    GpuDevice(CudaContext context, GpuArch arch, NvrtcCompiler compiler, CublasHandle cublas) {
        this.context = context;
        this.arch = arch;
        this.compiler = compiler;
        this.cublas = cublas;
    }

    /**
     * @return the shared device state
     * @throws IllegalStateException with the probe's reason when the GPU is unusable
     */
    static GpuDevice get() {
        return GpuAvailability.device();
    }

    /** @return the context (make it current in each thread that uses it) */
    CudaContext context() {
        return context;
    }

    /** @return what kernels are compiled for */
    GpuArch arch() {
        return arch;
    }

    /** @return the cuBLAS handle */
    CublasHandle cublas() {
        return cublas;
    }

    /**
     * @param source a kernel source from {@link CudaExpressionRenderer#kernelSource}
     * @return its kernel, compiled (or found in the compiler's caches) and loaded the first time this source is seen
     */
    CudaKernel elementwiseKernel(String source) {
        return elementwise.computeIfAbsent(source, s -> {
            NvrtcCompiler.Image image = compiler.compile(s, CudaExpressionRenderer.KERNEL_NAME + ".cu", arch);
            return CudaModule.load(context, image.bytes()).kernel(CudaExpressionRenderer.KERNEL_NAME);
        });
    }

    /**
     * @param source a CUDA C source with one or more {@code extern "C"} kernels (a reduction's, the softmax kernels)
     * @param name one of its kernels
     * @return that kernel; the source is compiled (or found in the compiler's caches) and loaded once
     */
    CudaKernel kernel(String source, String name) {
        return kernels.computeIfAbsent(java.util.List.of(source, name), k -> modules.computeIfAbsent(source,
                s -> CudaModule.load(context, compiler.compile(s, name + ".cu", arch).bytes())).kernel(name));
    }
}
