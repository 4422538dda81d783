package org.theano4j.rng;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import org.theano4j.backend.Confinement;
import org.theano4j.tensor.Flags;

/**
 * A small fork/join split for the bulk samplers: runs {@code parts} tasks, all but one on the
 * common pool and the last on the calling thread, never more tasks than cores. The rng module
 * does not depend on vector-cpu's pool, so it keeps this local helper.
 */
final class Split {
    /** Work below this many elements runs on the calling thread alone. */
    static final long MIN_PARALLEL = Flags.getLong("rng.minParallel");

    private Split() {
    }

    /**
     * How many parts to cut {@code work} elements into when at most {@code maxParts} are possible:
     * 1 below {@link #MIN_PARALLEL} or over thread-confined memory ({@link Confinement}), else up
     * to the number of cores.
     */
    static int parts(long work, int maxParts) {
        if (work < MIN_PARALLEL || maxParts <= 1 || Confinement.callerThreadOnly()) {
            return 1;
        }
        int cores = Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
        return (int) Math.max(1, Math.min(Math.min(cores, maxParts), work / (MIN_PARALLEL / 2)));
    }

    /** Runs {@code task.accept(p)} for p in [0, parts) and waits for all of them. */
    static void run(int parts, IntConsumer task) {
        if (parts <= 1) {
            task.accept(0);
            return;
        }
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[parts - 1];
        for (int p = 0; p < parts - 1; p++) {
            int part = p;
            forked[p] = ForkJoinPool.commonPool().submit(() -> task.accept(part));
        }
        RuntimeException failure = null;
        try {
            task.accept(parts - 1);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> t : forked) {
            try {
                t.join();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The start of part {@code p} of {@code n} items cut into {@code parts} near-equal ranges. */
    static int start(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }
}
