package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker team: every task runs exactly once, failures reach the caller, nested and concurrent calls work. */
class ParallelTest {
    @BeforeEach
    void twoThreads() {
        System.setProperty("theano4j.cpu.threads", "2");
        Species.configure();
    }

    @AfterEach
    void defaults() {
        System.clearProperty("theano4j.cpu.threads");
        Species.configure();
    }

    @Test
    void everyTaskRunsExactlyOnceOverManyJobs() {
        for (int job = 0; job < 2000; job++) {
            int tasks = 1 + job % 5;
            AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
            Parallel.run(tasks, runs::incrementAndGet);
            for (int t = 0; t < tasks; t++) {
                assertEquals(1, runs.get(t), "job " + job + " task " + t);
            }
        }
    }

    @Test
    void aFailingTaskFailsTheCallAndTheTeamKeepsWorking() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.run(2, t -> {
            if (t == 1) {
                throw new IllegalStateException("task 1");
            }
        }));
        assertEquals("task 1", e.getMessage());
        AtomicIntegerArray runs = new AtomicIntegerArray(2);
        Parallel.run(2, runs::incrementAndGet);
        assertEquals(1, runs.get(0));
        assertEquals(1, runs.get(1));
    }

    @Test
    void nestedAndConcurrentCallsRunEveryTask() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            fs.add(pool.submit(() -> {
                int total = 0;
                for (int i = 0; i < 300; i++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(4);
                    Parallel.run(2, outer -> Parallel.run(2, inner -> runs.incrementAndGet(outer * 2 + inner)));
                    for (int k = 0; k < 4; k++) {
                        total += runs.get(k);
                    }
                }
                return total;
            }));
        }
        for (Future<Integer> f : fs) {
            assertEquals(1200, f.get());
        }
        pool.shutdown();
    }

    @Test
    @Timeout(30)
    void aCallerWaitingLongerThanTheSpinWindowParksAndWakesWhenTheLastTaskEnds() {
        for (int job = 0; job < 50; job++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            Thread caller = Thread.currentThread();
            Parallel.run(2, t -> {
                if (Thread.currentThread() != caller) {
                    LockSupport.parkNanos(2_000_000); // a worker descheduled for 2 ms, ten spin windows
                }
                runs.incrementAndGet(t);
            });
            assertEquals(1, runs.get(0), "job " + job);
            assertEquals(1, runs.get(1), "job " + job);
        }
    }
}
