package org.theano4j.compile;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * The working state of one run of a plan, reused run after run: the slot values, which of them
 * were freshly allocated in this run, reusable intermediate buffers (kept across runs,
 * reallocated only when a shape changes), each step's argument arrays and memoized output
 * shapes, and the update targets the running call offered. A workspace serves one run at a
 * time; callers keep them in a {@link Pool}.
 */
public final class Workspace {
    final Object[] slots;
    final boolean[] fresh;
    private final NDArray[] buffers;
    private final StepState[] states;
    private final NDArray[] groups;
    private NDArray[] updateTargets;

    Workspace(int nSlots, int nSteps, int nGroups) {
        groups = new NDArray[nGroups];
        slots = new Object[nSlots];
        fresh = new boolean[nSlots];
        buffers = new NDArray[nSlots];
        states = new StepState[nSteps];
    }

    /** Starts a run that may write its updates into {@code targets} (see {@link Frame#updateTargets}). */
    void begin(NDArray[] targets) {
        updateTargets = targets;
    }

    /** The update targets of the running call (an entry is nulled once its update takes it). */
    NDArray[] updateTargets() {
        return updateTargets;
    }

    /** A buffer for slot {@code slot} of the given dtype and shape, reused across calls when it matches. */
    NDArray buffer(int slot, DType dtype, long[] shape) {
        NDArray b = buffers[slot];
        if (b == null || b.dtype() != dtype || !b.hasShape(shape)) {
            b = NDArray.empty(dtype, shape);
            buffers[slot] = b;
        }
        return b;
    }

    /**
     * A C-contiguous array of {@code dtype} and {@code shape} in the memory of buffer group
     * {@code g} (grown when too small); the step's previous view is reused while it still matches.
     */
    NDArray groupBuffer(int g, DType dtype, long[] shape, StepState state, int output) {
        long bytes = Shapes.checkByteSize(shape, dtype);
        NDArray group = groups[g];
        if (group == null || group.size() < bytes) {
            group = NDArray.empty(DType.INT8, Math.max(bytes, 1));
            groups[g] = group;
        }
        MemorySegment mem = group.segment();
        NDArray v = state.views[output];
        if (v == null || v.segment() != mem || v.dtype() != dtype || !v.hasShape(shape)) {
            v = NDArray.wrap(mem, dtype, shape);
            state.views[output] = v;
        }
        return v;
    }

    /** The reusable state of step {@code index}, created on first use. */
    StepState state(int index, Step step) {
        StepState s = states[index];
        if (s == null) {
            s = states[index] = new StepState(step.in.length, step.out.length);
        }
        return s;
    }

    /** Releases the buffers this workspace owns now (the function was closed); it must not be used again. */
    public void close() {
        for (NDArray[] owned : new NDArray[][] {buffers, groups}) {
            for (int i = 0; i < owned.length; i++) {
                if (owned[i] != null) {
                    owned[i].close();
                    owned[i] = null;
                }
            }
        }
    }

    /** Ends a run: drops its references to the call's values so that arguments and results can be collected. */
    void end(int firstTransientSlot) {
        Arrays.fill(slots, firstTransientSlot, slots.length, null);
        updateTargets = null;
        for (StepState s : states) {
            if (s != null) {
                s.clearArgs();
            }
        }
    }
}
