package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import org.theano4j.bindings.cuda.cuda_h;

/**
 * Device memory from {@code cuMemAlloc}, freed on close. Copies are synchronous with
 * respect to the host. Host segments may be native or heap ({@code MemorySegment.ofArray});
 * heap ones are staged through native memory.
 */
public final class DeviceBuffer implements AutoCloseable {

    private final CudaContext context;
    private final long address;
    private final long byteSize;
    private boolean closed;

    private DeviceBuffer(CudaContext context, long address, long byteSize) {
        this.context = context;
        this.address = address;
        this.byteSize = byteSize;
    }

    /**
     * Allocates device memory in a context (made current in this thread).
     *
     * @param context the context
     * @param byteSize size in bytes; 0 gives an empty buffer with address 0
     * @return the buffer, uninitialised
     * @throws CudaException when {@code cuMemAlloc_v2} fails (e.g. out of memory)
     */
    public static DeviceBuffer allocate(CudaContext context, long byteSize) {
        if (byteSize < 0) {
            throw new IllegalArgumentException("byteSize must be >= 0, got " + byteSize);
        }
        context.makeCurrent();
        if (byteSize == 0) {
            return new DeviceBuffer(context, 0, 0);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ptr = arena.allocate(cuda_h.C_LONG_LONG);
            Check.cu("cuMemAlloc_v2", cuda_h.cuMemAlloc_v2(ptr, byteSize));
            return new DeviceBuffer(context, ptr.get(cuda_h.C_LONG_LONG, 0), byteSize);
        }
    }

    /** @return the device address (a {@code CUdeviceptr}) */
    public long address() {
        ensureOpen();
        return address;
    }

    /** @return the size in bytes */
    public long byteSize() {
        return byteSize;
    }

    /**
     * Copies all of {@code host} to the start of this buffer.
     *
     * @param host the source; at most {@link #byteSize()} bytes
     */
    public void copyFromHost(MemorySegment host) {
        checkFits(host.byteSize(), "host source");
        if (host.byteSize() == 0) {
            return;
        }
        if (host.isNative()) {
            Check.cu("cuMemcpyHtoD_v2", cuda_h.cuMemcpyHtoD_v2(address, host, host.byteSize()));
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment staged = arena.allocate(host.byteSize(), 16).copyFrom(host);
            Check.cu("cuMemcpyHtoD_v2", cuda_h.cuMemcpyHtoD_v2(address, staged, staged.byteSize()));
        }
    }

    /**
     * Copies the start of this buffer into all of {@code host}.
     *
     * @param host the destination; at most {@link #byteSize()} bytes
     */
    public void copyToHost(MemorySegment host) {
        checkFits(host.byteSize(), "host destination");
        if (host.byteSize() == 0) {
            return;
        }
        if (host.isNative()) {
            Check.cu("cuMemcpyDtoH_v2", cuda_h.cuMemcpyDtoH_v2(host, address, host.byteSize()));
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment staged = arena.allocate(host.byteSize(), 16);
            Check.cu("cuMemcpyDtoH_v2", cuda_h.cuMemcpyDtoH_v2(staged, address, staged.byteSize()));
            host.copyFrom(staged);
        }
    }

    /**
     * Copies all of another device buffer to the start of this one.
     *
     * @param source the source; at most {@link #byteSize()} bytes
     */
    public void copyFrom(DeviceBuffer source) {
        Objects.requireNonNull(source, "source");
        checkFits(source.byteSize(), "device source");
        if (source.byteSize() > 0) {
            Check.cu("cuMemcpyDtoD_v2", cuda_h.cuMemcpyDtoD_v2(address, source.address(), source.byteSize()));
        }
    }

    /** Sets every byte to zero. */
    public void clear() {
        ensureOpen();
        if (byteSize > 0) {
            Check.cu("cuMemsetD8_v2", cuda_h.cuMemsetD8_v2(address, (byte) 0, byteSize));
        }
    }

    private void checkFits(long bytes, String what) {
        ensureOpen();
        if (bytes > byteSize) {
            throw new IllegalArgumentException(
                    what + " has " + bytes + " bytes, more than the device buffer's " + byteSize);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("device buffer is closed");
        }
    }

    /** Frees the memory (in its context, made current in this thread); idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (byteSize > 0) {
                context.makeCurrent();
                Check.cu("cuMemFree_v2", cuda_h.cuMemFree_v2(address));
            }
        }
    }
}
