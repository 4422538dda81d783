package org.theano4j.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The memory behind an array and every view of it: the segment, how its memory is released
 * early ({@link NDArray#close()}, a {@link MemoryScope}) when this library owns it, and whether
 * it was closed. Memory that is not released early is released when no segment of it is
 * reachable any more. Wrapped user memory, mapped files and small arrays carved from a shared
 * slab have no early release: closing them only makes them unusable.
 */
final class Buffer {
    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(Buffer.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final MemorySegment segment;
    private final Runnable release;
    private volatile boolean closed;

    /** A buffer over {@code segment}; {@code release} frees it early (null when it cannot be). */
    Buffer(MemorySegment segment, Runnable release) {
        this.segment = segment;
        this.release = release;
    }

    /** Memory this library does not own (a caller's segment): closing only marks it unusable. */
    static Buffer foreign(MemorySegment segment) {
        return new Buffer(segment, null);
    }

    boolean isClosed() {
        return closed;
    }

    /** Throws when closed: a closed array's memory may already belong to something else. */
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this array was closed (NDArray.close() or its MemoryScope) and its memory"
                    + " released; it and its views cannot be used any more");
        }
    }

    /** Marks the buffer closed and releases its memory now where that is possible; idempotent. */
    void close() {
        if (CLOSED.compareAndSet(this, false, true) && release != null) {
            release.run();
        }
    }
}
