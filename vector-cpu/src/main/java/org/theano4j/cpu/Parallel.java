package org.theano4j.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The backend's one shared thread pool (daemon threads, sized from {@link Species#threads()}).
 * A call splits into at most as many tasks as threads; the calling thread runs the first one.
 */
public final class Parallel {
    private static volatile ForkJoinPool pool = newPool(Species.threads());

    private Parallel() {
    }

    /** Work over task indices {@code 0 .. tasks-1}. */
    @FunctionalInterface
    public interface Body {
        /** Runs task {@code task}. */
        void run(int task);
    }

    private static ForkJoinPool newPool(int threads) {
        return threads <= 1 ? null : new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setDaemon(true);
            t.setName("theano4j-cpu-" + t.getPoolIndex());
            return t;
        }, null, false);
    }

    static synchronized void resize(int threads) {
        ForkJoinPool old = pool;
        int current = old == null ? 1 : old.getParallelism();
        if (current != threads) {
            pool = newPool(threads);
            if (old != null) {
                old.shutdown();
            }
        }
    }

    /** How many tasks to cut {@code work} units into when each task should get at least {@code grain}. */
    public static int tasksFor(long work, long grain) {
        long t = Math.min(Species.threads(), work / Math.max(1, grain));
        return (int) Math.max(1, t);
    }

    /** Runs {@code body} for every task index, in parallel when {@code tasks > 1}; returns when all are done. */
    public static void run(int tasks, Body body) {
        ForkJoinPool p = pool;
        if (tasks <= 1 || p == null) {
            for (int i = 0; i < tasks; i++) {
                body.run(i);
            }
            return;
        }
        if (ForkJoinTask.inForkJoinPool()) {
            // already on a worker (nested call): stay sequential, never more tasks than cores
            for (int i = 0; i < tasks; i++) {
                body.run(i);
            }
            return;
        }
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks - 1];
        for (int i = 1; i < tasks; i++) {
            int task = i;
            forked[i - 1] = p.submit(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(task);
                }
            });
        }
        RuntimeException failure = null;
        try {
            body.run(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> f : forked) {
            try {
                f.join();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
