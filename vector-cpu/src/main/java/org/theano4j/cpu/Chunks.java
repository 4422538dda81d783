package org.theano4j.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A long axis cut into a fixed number of chunks for a parallel product: the count and the
 * boundaries depend on the axis length alone (never on the thread count), and the tasks take
 * contiguous runs of whole chunks. Two products that cut the same axis (X's rows in {@code X·w}
 * and in {@code Xᵀ·g}) therefore give each task the same rows in both.
 *
 * @param n the axis length
 * @param count the number of chunks (at most {@link #MAX})
 * @param tasks the number of tasks, at most {@code count}
 */
record Chunks(long n, int count, int tasks) {
    /** The most chunks: divisible by 1, 2, 3, 4 and 6 tasks. */
    static final int MAX = 12;
    /** The fewest elements of a chunk. */
    static final long MIN_LENGTH = 8;

    private static final ThreadLocal<MemorySegment[]> PARTIALS = ThreadLocal.withInitial(() -> new MemorySegment[1]);

    /** The chunks of an axis of length {@code n}, shared by the team's threads. */
    static Chunks of(long n) {
        int count = (int) Math.max(1, Math.min(MAX, n / MIN_LENGTH));
        return new Chunks(n, count, Parallel.tasksFor(count, 1));
    }

    /** The first element of chunk {@code q} ({@code q == count}: the axis length). */
    long start(int q) {
        return n / count * q + n % count * q / count;
    }

    /** The first chunk of task {@code t} ({@code t == tasks}: the chunk count). */
    int firstChunk(int t) {
        return count * t / tasks;
    }

    /** The first element of task {@code t}. */
    long taskStart(int t) {
        return start(firstChunk(t));
    }

    /** The end (exclusive) of task {@code t}'s elements. */
    long taskEnd(int t) {
        return start(firstChunk(t + 1));
    }

    /**
     * This thread's scratch memory of at least {@code bytes} for partial results, readable and
     * writable by the team's threads while this thread's product runs.
     */
    static MemorySegment partials(long bytes) {
        MemorySegment[] held = PARTIALS.get();
        if (held[0] == null || held[0].byteSize() < bytes) {
            held[0] = Arena.ofAuto().allocate(Math.max(bytes, 4096), 64);
        }
        return held[0];
    }
}
