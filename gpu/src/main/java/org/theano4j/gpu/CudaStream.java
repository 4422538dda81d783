package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.theano4j.bindings.cuda.cuda_h;

/** A CUDA stream: work queued on it runs in order. The default stream is {@link #DEFAULT}. */
public final class CudaStream implements AutoCloseable {

    /** The legacy default stream (the {@code NULL} stream); closing it does nothing. */
    public static final CudaStream DEFAULT = new CudaStream(MemorySegment.NULL);

    private final MemorySegment stream;
    private boolean closed;

    private CudaStream(MemorySegment stream) {
        this.stream = stream;
    }

    /**
     * Creates a stream in the current context.
     *
     * @return the stream
     * @throws CudaException when {@code cuStreamCreate} fails
     */
    public static CudaStream create() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(cuda_h.C_POINTER);
            Check.cu("cuStreamCreate", cuda_h.cuStreamCreate(out, 0));
            return new CudaStream(out.get(cuda_h.C_POINTER, 0).reinterpret(0));
        }
    }

    /** @return the {@code CUstream} handle */
    public MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException("CUDA stream is closed");
        }
        return stream;
    }

    /** Waits until all work queued on this stream has finished. */
    public void synchronize() {
        Check.cu("cuStreamSynchronize", cuda_h.cuStreamSynchronize(handle()));
    }

    /** Destroys the stream (not the default one); idempotent. */
    @Override
    public void close() {
        if (!closed && this != DEFAULT) {
            closed = true;
            Check.cu("cuStreamDestroy_v2", cuda_h.cuStreamDestroy_v2(stream));
        }
    }
}
