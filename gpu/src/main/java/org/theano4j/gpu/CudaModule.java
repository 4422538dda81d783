package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.theano4j.bindings.cuda.cuda_h;

/** A module of device code loaded from PTX; its kernels are valid until it is closed. */
public final class CudaModule implements AutoCloseable {

    private final CudaContext context;
    private final MemorySegment module;
    private boolean closed;

    private CudaModule(CudaContext context, MemorySegment module) {
        this.context = context;
        this.module = module;
    }

    /**
     * Loads PTX (the driver JIT-compiles it for the device) into a context, made
     * current in this thread.
     *
     * @param context the context
     * @param ptx PTX text, e.g. from {@link NvrtcProgram#compileToPtx}
     * @return the module
     * @throws CudaException when {@code cuModuleLoadData} fails
     */
    public static CudaModule load(CudaContext context, String ptx) {
        try (Arena arena = Arena.ofConfined()) {
            return load(context, arena.allocateFrom(ptx));
        }
    }

    /**
     * Loads an image: a CUBIN compiled for the device (no JIT), or NUL-terminated PTX.
     *
     * @param context the context, made current in this thread
     * @param image the image's bytes
     * @return the module
     * @throws CudaException when {@code cuModuleLoadData} fails
     */
    public static CudaModule load(CudaContext context, byte[] image) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment copy = arena.allocate(image.length + 1L);
            MemorySegment.copy(image, 0, copy, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, image.length);
            return load(context, copy);
        }
    }

    private static CudaModule load(CudaContext context, MemorySegment image) {
        context.makeCurrent();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(cuda_h.C_POINTER);
            Check.cu("cuModuleLoadData", cuda_h.cuModuleLoadData(out, image));
            return new CudaModule(context, out.get(cuda_h.C_POINTER, 0).reinterpret(0));
        }
    }

    /**
     * Finds a kernel by its (unmangled, {@code extern "C"}) name.
     *
     * @param name the kernel's name
     * @return the kernel
     * @throws CudaException when {@code cuModuleGetFunction} fails (e.g. CUDA_ERROR_NOT_FOUND)
     */
    public CudaKernel kernel(String name) {
        ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(cuda_h.C_POINTER);
            Check.cu("cuModuleGetFunction(" + name + ")",
                    cuda_h.cuModuleGetFunction(out, module, arena.allocateFrom(name)));
            return new CudaKernel(this, name, out.get(cuda_h.C_POINTER, 0).reinterpret(0));
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("CUDA module is closed");
        }
    }

    /** Unloads the module (in its context, made current in this thread); idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            context.makeCurrent();
            Check.cu("cuModuleUnload", cuda_h.cuModuleUnload(module));
        }
    }
}
