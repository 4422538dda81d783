package org.theano4j.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import org.theano4j.backend.Confinement;
import org.theano4j.tensor.Flags;

/**
 * The backend's one team of worker threads (daemon threads, {@link Species#threads()} - 1 of
 * them; the calling thread is the other member). A call hands its tasks to the team; every
 * member, the caller included, claims tasks until none is left, so a slow-to-wake worker never
 * delays more than the task it claimed. Workers spin for a short while after a job
 * (flag {@code cpu.spinMicros}, see {@link Flags}) before they park:
 * a loop of calls (a training step's two GEMVs) then never pays the wake-up of a parked thread,
 * which costs tens of microseconds on a virtual machine. One job runs at a time: a call made
 * while the team is busy (another thread's, or a nested one) runs its tasks itself, and so does a
 * call over thread-confined memory ({@link Confinement}).
 */
public final class Parallel {
    private static volatile Team team = Team.start(Species.threads());

    private Parallel() {
    }

    /** Work over task indices {@code 0 .. tasks-1}. */
    @FunctionalInterface
    public interface Body {
        /** Runs task {@code task}. */
        void run(int task);
    }

    static synchronized void resize(int threads) {
        Team old = team;
        if (old.size() != threads) {
            team = Team.start(threads);
            old.stop();
        }
    }

    /** How many tasks to cut {@code work} units into when each task should get at least {@code grain}. */
    public static int tasksFor(long work, long grain) {
        long t = Math.min(Species.threads(), work / Math.max(1, grain));
        return (int) Math.max(1, t);
    }

    /** Runs {@code body} for every task index, in parallel when {@code tasks > 1}; returns when all are done. */
    public static void run(int tasks, Body body) {
        Team t = team;
        if (tasks <= 1 || t.workers.length == 0 || Confinement.callerThreadOnly() || !t.busy.compareAndSet(false, true)) {
            for (int i = 0; i < tasks; i++) {
                body.run(i);
            }
            return;
        }
        try {
            t.runJob(tasks, body);
        } finally {
            t.busy.set(false);
        }
    }

    /** One call's tasks: members claim indices until none is left; the caller waits for all to finish. */
    private static final class Job {
        private static final AtomicIntegerFieldUpdater<Job> NEXT = AtomicIntegerFieldUpdater.newUpdater(Job.class, "next");
        private static final AtomicIntegerFieldUpdater<Job> DONE = AtomicIntegerFieldUpdater.newUpdater(Job.class, "done");
        final Body body;
        final int tasks;
        volatile int next;
        volatile int done;
        volatile Throwable failure;
        /** The caller, once it parks to wait for the last task. */
        volatile Thread waiter;

        Job(Body body, int tasks) {
            this.body = body;
            this.tasks = tasks;
        }

        /** Claims and runs tasks until none is left. */
        void work() {
            for (int i = NEXT.getAndIncrement(this); i < tasks; i = NEXT.getAndIncrement(this)) {
                try {
                    body.run(i);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    if (DONE.incrementAndGet(this) == tasks) {
                        Thread w = waiter;
                        if (w != null) {
                            LockSupport.unpark(w);
                        }
                    }
                }
            }
        }
    }

    /** The workers and the job they share. */
    private static final class Team {
        final Worker[] workers;
        final AtomicBoolean busy = new AtomicBoolean();
        final long spinNanos = Flags.getLong("cpu.spinMicros") * 1000;
        volatile Job job;
        volatile boolean stopped;

        private Team(int threads) {
            workers = new Worker[Math.max(0, threads - 1)];
        }

        static Team start(int threads) {
            Team t = new Team(threads);
            for (int i = 0; i < t.workers.length; i++) {
                t.workers[i] = new Worker(t, i);
                t.workers[i].start();
            }
            return t;
        }

        int size() {
            return workers.length + 1;
        }

        void runJob(int n, Body b) {
            Job j = new Job(b, n);
            job = j;
            for (Worker w : workers) {
                if (w.sleeping) {
                    LockSupport.unpark(w);
                }
            }
            j.work();
            awaitDone(j);
            Throwable f = j.failure;
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
        }

        /**
         * Waits for the tasks other members claimed: spins for {@code spinNanos}, then parks until
         * the last one finishes. A member descheduled by a competing process (a service's other
         * threads, another JVM) then costs the caller no core while it waits.
         */
        private void awaitDone(Job j) {
            long deadline = System.nanoTime() + spinNanos;
            while (j.done < j.tasks && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (j.done < j.tasks) {
                j.waiter = Thread.currentThread();
                while (j.done < j.tasks) {
                    LockSupport.park(j);
                }
            }
        }

        void stop() {
            stopped = true;
            for (Worker w : workers) {
                LockSupport.unpark(w);
            }
        }
    }

    /** A team member: waits for a new job (spinning, then parked), works on it, waits again. */
    private static final class Worker extends Thread {
        private final Team team;
        volatile boolean sleeping;

        Worker(Team team, int index) {
            super("theano4j-cpu-" + index);
            this.team = team;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = team.job;
            while (!team.stopped) {
                Job j = awaitJob(seen);
                if (j != seen) {
                    seen = j;
                    j.work();
                }
            }
        }

        /** The team's job once it differs from {@code seen} (or the team stops): spins, then parks. */
        private Job awaitJob(Job seen) {
            long deadline = System.nanoTime() + team.spinNanos;
            Job j;
            while ((j = team.job) == seen && System.nanoTime() < deadline && !team.stopped) {
                Thread.onSpinWait();
            }
            while ((j = team.job) == seen && !team.stopped) {
                sleeping = true;
                if (team.job == seen && !team.stopped) {
                    LockSupport.park(this);
                }
                sleeping = false;
            }
            return j;
        }
    }
}
