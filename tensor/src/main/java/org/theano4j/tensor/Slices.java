package org.theano4j.tensor;

/**
 * numpy's slice rules for one axis, which are CPython's: {@code PySlice_Unpack} (defaults, and a
 * step clamped to {@code -Long.MAX_VALUE}) and then {@code PySlice_AdjustIndices} (bounds counted
 * from the end and clamped, and the number of elements). Exact for any long bounds: nothing wraps,
 * so {@code a[0::Long.MAX_VALUE]} takes one element as in numpy.
 */
public final class Slices {
    private Slices() {
    }

    /**
     * A slice resolved against an axis.
     *
     * @param start the first index taken (when {@code length > 0})
     * @param stop the adjusted stop ({@code -1} for "before index 0" with a negative step)
     * @param step the step, never 0
     * @param length how many elements the slice takes
     */
    public record Range(long start, long stop, long step, long length) {
    }

    /**
     * Resolves {@code start:stop:step} against an axis of length {@code n}; a null part takes its
     * default. IllegalArgumentException for a zero step or a negative {@code n}.
     */
    public static Range resolve(Long start, Long stop, Long step, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot slice an axis of negative length " + n);
        }
        long st = step == null ? 1 : step;
        if (st == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        st = Math.max(st, -Long.MAX_VALUE);
        long s = adjust(start == null ? (st < 0 ? Long.MAX_VALUE : 0) : start, n, st);
        long e = adjust(stop == null ? (st < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : stop, n, st);
        return new Range(s, e, st, length(s, e, st));
    }

    /** A bound counted from the end when negative, then clamped to {@code [0, n]} ({@code [-1, n-1]} stepping down). */
    private static long adjust(long i, long n, long step) {
        if (i < 0) {
            long j = i + n; // i < 0 <= n: no overflow
            return j < 0 ? (step < 0 ? -1 : 0) : j;
        }
        return i >= n ? (step < 0 ? n - 1 : n) : i;
    }

    /**
     * The number of elements of {@code start:stop:step} once the bounds are adjusted:
     * {@code (stop - start - 1) / step + 1} when the slice is not empty (mirrored for a negative
     * step), computed without overflow for any longs and saturating at {@link Long#MAX_VALUE}.
     */
    public static long length(long start, long stop, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        if (step > 0 ? start >= stop : start <= stop) {
            return 0;
        }
        // the span is below 2^64 and the magnitude of the step at most 2^63: both fit as unsigned
        long span = step > 0 ? stop - start - 1 : start - stop - 1;
        long n = Long.divideUnsigned(span, step > 0 ? step : -step) + 1;
        return n < 0 ? Long.MAX_VALUE : n;
    }
}
