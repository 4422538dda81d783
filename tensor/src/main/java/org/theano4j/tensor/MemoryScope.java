package org.theano4j.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch whose arrays are released together when it closes: what a service opens around a
 * request or a batch of calls to bound native memory without waiting for the garbage collector.
 *
 * <pre>{@code
 * try (MemoryScope batch = MemoryScope.open()) {
 *     for (NDArray x : inputs) {
 *         NDArray y = predict.call(x);        // outputs of calls on this thread belong to the scope
 *         NDArray z = batch.track(y.astype(DType.FLOAT32));   // and any array it is given
 *         ...
 *     }
 * }                                            // all of them released here
 * }</pre>
 *
 * <p>A scope belongs to the thread that opened it; scopes nest (the innermost one takes the
 * outputs). Only arrays handed to the caller join a scope automatically (the outputs of
 * compiled functions); shared-variable values, constants and a function's own buffers never
 * do. An array used after its scope closed is an {@link IllegalStateException}.
 */
public final class MemoryScope implements AutoCloseable {
    private static final ThreadLocal<MemoryScope> CURRENT = new ThreadLocal<>();
    private final List<NDArray> owned = new ArrayList<>();
    private final MemoryScope outer;
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private MemoryScope(MemoryScope outer) {
        this.outer = outer;
    }

    /** Opens a scope on this thread (inside the current one, if any). */
    public static MemoryScope open() {
        MemoryScope s = new MemoryScope(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    /** Makes {@code a} part of this scope: it is closed with it. Returns {@code a}. */
    public <A extends NDArray> A track(A a) {
        checkUsable();
        owned.add(a);
        return a;
    }

    /**
     * Hands {@code a}, an array just given to the caller, to the innermost scope open on this
     * thread (nothing happens when none is). Returns {@code a}.
     */
    public static NDArray adopt(NDArray a) {
        MemoryScope s = CURRENT.get();
        if (s != null) {
            s.owned.add(a);
        }
        return a;
    }

    /** Number of arrays this scope will release. */
    public int size() {
        return owned.size();
    }

    /** Closes every array of the scope and makes the enclosing scope current again. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkUsable();
        if (CURRENT.get() != this) {
            throw new IllegalStateException("close the scopes opened inside this one first");
        }
        closed = true;
        for (NDArray a : owned) {
            a.close();
        }
        owned.clear();
        CURRENT.set(outer);
    }

    private void checkUsable() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a MemoryScope belongs to the thread that opened it (" + owner.getName() + ")");
        }
        if (closed) {
            throw new IllegalStateException("this MemoryScope is closed");
        }
    }
}
