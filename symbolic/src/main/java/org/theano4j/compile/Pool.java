package org.theano4j.compile;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Idle per-call state (workspaces with their buffers, call frames) kept for the next call: one
 * spare that a single-threaded loop takes and returns without allocating, and as many more as
 * can run at once besides it, so that a burst of concurrent calls leaves no more than that
 * behind. After {@link #close()} the idle ones are released and so is each one given back.
 *
 * @param <T> what is pooled
 */
public final class Pool<T> {
    private static final int MAX_POOLED = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private final Supplier<T> factory;
    private final Consumer<T> closer;
    private final AtomicReference<T> spare = new AtomicReference<>();
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger pooled = new AtomicInteger();
    private volatile boolean closed;

    /** A pool making new items with {@code factory} and releasing dropped or closed ones with {@code closer}. */
    public Pool(Supplier<T> factory, Consumer<T> closer) {
        this.factory = factory;
        this.closer = closer;
    }

    /** An idle item, or a new one; {@link IllegalStateException} after {@link #close()}. */
    public T acquire() {
        if (closed) {
            throw new IllegalStateException("this function was closed (Function.close()); compile it again to call it");
        }
        T t = spare.getAndSet(null);
        if (t == null) {
            t = idle.poll();
            if (t != null) {
                pooled.decrementAndGet();
            }
        }
        return t != null ? t : factory.get();
    }

    /** Gives {@code t} back (already cleared by the caller); past the cap it is left to the collector. */
    public void release(T t) {
        if (closed) {
            closer.accept(t);
            return;
        }
        if (spare.compareAndSet(null, t)) {
            return;
        }
        if (pooled.incrementAndGet() <= MAX_POOLED) {
            idle.push(t);
        } else {
            pooled.decrementAndGet();
        }
    }

    /** Releases every idle item now; later acquires fail, later releases release. Idempotent. */
    public void close() {
        closed = true;
        for (T t = spare.getAndSet(null); t != null; t = idle.poll()) {
            closer.accept(t);
        }
    }

    /** Idle items kept (for tests). */
    int idleCount() {
        return (spare.get() != null ? 1 : 0) + pooled.get();
    }
}
