package org.theano4j.op;

import org.theano4j.tensor.NDArray;

/**
 * An integer index array (read in flat C order) checked against an axis of length {@code size}:
 * negative entries count from the end, an out-of-range one is numpy's error naming the axis. The
 * entries stay in the array (any count, no Java array); all are checked before any is used (each
 * distinct element of a broadcast index array once).
 */
public final class Indices {
    private final NDArray values;
    private final long size;

    private Indices(NDArray values, long size) {
        this.values = values;
        this.size = size;
    }

    /** The indices of {@code values} into an axis {@code axis} of length {@code size}; IllegalArgumentException if one is out of range. */
    public static Indices check(NDArray values, long size, int axis) {
        // each distinct element once: a broadcast index array repeats its elements along stride-0 axes
        ReduceGroups all = new ReduceGroups(values, Axes.resolve("indices", null, values.ndim()));
        ReduceGroups distinct = all.firstPeriod().heads();
        ReduceGroups.Cursor c = distinct.cursor(all.start(0));
        for (long j = 0; j < distinct.length(); j++) {
            long i = values.readLong(c.next());
            if (i < -size || i >= size) {
                throw new IllegalArgumentException("index " + i + " is out of bounds for axis " + axis + " with size " + size);
            }
        }
        return new Indices(values, size);
    }

    /** How many indices there are. */
    public long count() {
        return values.size();
    }

    /** Index {@code j}, wrapped into {@code [0, size)}. */
    public long get(long j) {
        long i = values.getFlatLong(j);
        return i < 0 ? i + size : i;
    }
}
