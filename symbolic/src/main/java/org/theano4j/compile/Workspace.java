package org.theano4j.compile;

import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Per-call scratch state of a plan: the slot values, which of them were freshly allocated in
 * this call, reusable intermediate buffers (kept across calls, reallocated only when a shape
 * changes) and argument arrays. A workspace serves one call at a time; a function keeps a pool.
 */
final class Workspace {
    final Object[] slots;
    final boolean[] fresh;
    private final NDArray[] buffers;
    private final Object[][] args;
    private final NDArray[][] inputs;
    private final NDArray[][] outputs;

    Workspace(int nSlots, int nSteps) {
        slots = new Object[nSlots];
        fresh = new boolean[nSlots];
        buffers = new NDArray[nSlots];
        args = new Object[nSteps][];
        inputs = new NDArray[nSteps][];
        outputs = new NDArray[nSteps][];
    }

    /** A buffer for slot {@code slot} of the given dtype and shape, reused across calls when it matches. */
    NDArray buffer(int slot, DType dtype, long[] shape) {
        NDArray b = buffers[slot];
        if (b == null || b.dtype() != dtype || !Arrays.equals(b.shape(), shape)) {
            b = NDArray.empty(dtype, shape);
            buffers[slot] = b;
        }
        return b;
    }

    Object[] args(int step, int n) {
        Object[] a = args[step];
        if (a == null) {
            a = args[step] = new Object[n];
        }
        return a;
    }

    NDArray[] inputArrays(int step, int n) {
        NDArray[] a = inputs[step];
        if (a == null) {
            a = inputs[step] = new NDArray[n];
        }
        return a;
    }

    NDArray[] outputArrays(int step, int n) {
        NDArray[] a = outputs[step];
        if (a == null) {
            a = outputs[step] = new NDArray[n];
        }
        return a;
    }

    /** Drops references to call values so that arguments and results can be collected. */
    void clear(int firstTransientSlot) {
        Arrays.fill(slots, firstTransientSlot, slots.length, null);
    }
}
