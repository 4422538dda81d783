package org.theano4j.op.nnet;

/**
 * The pooling windows along one axis: for output position {@code j}, the input elements
 * {@code [lo[j], hi[j])} (padding excluded) and the count that an average divides by (the window
 * clipped to the padded input when padding counts, else {@code hi - lo}), as Theano's C code has them.
 *
 * @param in input extent
 * @param lo first input element of each window
 * @param hi one past the last input element of each window
 * @param count the divisor of each window's average
 */
public record PoolAxis(int in, int[] lo, int[] hi, int[] count) {

    /** The windows for {@code n} elements; Theano's {@code out_shape} gives their number. */
    public static PoolAxis of(long n, int ws, int stride, int pad, boolean ignoreBorder, boolean incPad) {
        long padded = n + 2L * pad;
        int out = Math.toIntExact(outSize(padded, ws, stride, ignoreBorder));
        int[] lo = new int[out];
        int[] hi = new int[out];
        int[] count = new int[out];
        for (int j = 0; j < out; j++) {
            long start = (long) j * stride;
            long end = Math.min(start + ws, padded);
            lo[j] = (int) (Math.max(start, pad) - pad);
            hi[j] = (int) (Math.min(end, padded - pad) - pad);
            count[j] = (int) (incPad ? end - start : hi[j] - lo[j]);
        }
        return new PoolAxis(Math.toIntExact(n), lo, hi, count);
    }

    /** Theano's {@code Pool.out_shape} for one axis of padded extent {@code v}. */
    public static long outSize(long v, int ws, int stride, boolean ignoreBorder) {
        if (ignoreBorder) {
            return ws == stride ? v / stride : Math.max(0, Math.floorDiv(v - ws, stride) + 1);
        }
        if (stride >= ws) {
            return Math.floorDiv(v - 1, stride) + 1;
        }
        return Math.max(0, Math.floorDiv(v - 1 - ws + stride, stride)) + 1;
    }

    /** The number of windows. */
    public int out() {
        return lo.length;
    }
}
