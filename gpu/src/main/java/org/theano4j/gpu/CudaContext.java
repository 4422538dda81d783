package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.theano4j.bindings.cuda.cuda_h;

/**
 * The primary context of one CUDA device, retained on open and released on close.
 * A CUDA context is current per thread: {@link #open(int)} makes it current in the
 * opening thread; any other thread that uses this context's buffers, modules or
 * handles calls {@link #makeCurrent()} first.
 */
public final class CudaContext implements AutoCloseable {

    private final int device;
    private final MemorySegment context;
    private boolean closed;

    private CudaContext(int device, MemorySegment context) {
        this.device = device;
        this.context = context;
    }

    /**
     * Initialises CUDA and retains the primary context of device 0.
     *
     * @return the context, current in this thread
     * @throws CudaException when a CUDA call fails
     */
    public static CudaContext open() {
        return open(0);
    }

    /**
     * Initialises CUDA and retains the primary context of a device.
     *
     * @param ordinal the device's index, from 0
     * @return the context, current in this thread
     * @throws CudaException when a CUDA call fails
     */
    public static CudaContext open(int ordinal) {
        Check.cu("cuInit", cuda_h.cuInit(0));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dev = arena.allocate(cuda_h.C_INT);
            Check.cu("cuDeviceGet", cuda_h.cuDeviceGet(dev, ordinal));
            int device = dev.get(cuda_h.C_INT, 0);
            MemorySegment ctx = arena.allocate(cuda_h.C_POINTER);
            Check.cu("cuDevicePrimaryCtxRetain", cuda_h.cuDevicePrimaryCtxRetain(ctx, device));
            CudaContext context = new CudaContext(device, ctx.get(cuda_h.C_POINTER, 0).reinterpret(0));
            context.makeCurrent();
            return context;
        }
    }

    /** Makes this context current in the calling thread. */
    public void makeCurrent() {
        ensureOpen();
        Check.cu("cuCtxSetCurrent", cuda_h.cuCtxSetCurrent(context));
    }

    /** @return the device's name, e.g. {@code NVIDIA H200} */
    public String deviceName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(256);
            Check.cu("cuDeviceGetName", cuda_h.cuDeviceGetName(name, 256, device));
            return name.getString(0);
        }
    }

    /** @return the device handle (a {@code CUdevice}) */
    public int device() {
        return device;
    }

    /** Waits until all work queued in this context has finished. */
    public void synchronize() {
        ensureOpen();
        Check.cu("cuCtxSynchronize", cuda_h.cuCtxSynchronize());
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("CUDA context is closed");
        }
    }

    /** Releases the primary context; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Check.cu("cuDevicePrimaryCtxRelease_v2", cuda_h.cuDevicePrimaryCtxRelease_v2(device));
        }
    }
}
