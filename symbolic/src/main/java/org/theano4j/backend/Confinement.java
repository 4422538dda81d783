package org.theano4j.backend;

import org.theano4j.tensor.NDArray;

/**
 * Memory that only the calling thread may touch: arrays over a confined {@code Arena} fail with
 * "outside owning thread" when a backend's worker thread reads them. A call whose arguments or
 * shared values are confined runs with {@link #runOnCallerThread}, and backends that split work
 * over threads ask {@link #callerThreadOnly()} before they do.
 */
public final class Confinement {
    /** A thread that owns no memory: a segment it cannot access is confined to some other thread. */
    private static final Thread STRANGER = Thread.ofPlatform().unstarted(() -> { });
    private static final ThreadLocal<Boolean> CALLER_ONLY = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Confinement() {
    }

    /** Whether any array among {@code values} (non-arrays are skipped) lives in thread-confined memory. */
    public static boolean anyConfined(Object[] values) {
        for (Object v : values) {
            if (v instanceof NDArray a && !a.segment().isAccessibleBy(STRANGER)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code body} with every backend kernel it starts kept on the current thread. */
    public static void runOnCallerThread(Runnable body) {
        if (CALLER_ONLY.get()) {
            body.run();
            return;
        }
        CALLER_ONLY.set(Boolean.TRUE);
        try {
            body.run();
        } finally {
            CALLER_ONLY.set(Boolean.FALSE);
        }
    }

    /** Whether work started on this thread must stay on it (see {@link #runOnCallerThread}). */
    public static boolean callerThreadOnly() {
        return CALLER_ONLY.get();
    }
}
