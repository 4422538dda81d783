package org.theano4j.compile;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Per-call state of a plan, reused call after call: the slot values, which of them were freshly
 * allocated in this call, reusable intermediate buffers (kept across calls, reallocated only
 * when a shape changes), each step's argument arrays and memoized output shapes, and the
 * frame a {@link org.theano4j.Function} fills and reads (arguments, shared values, outputs,
 * updates, held locks). A workspace serves one call at a time; a plan keeps a pool of them.
 */
public final class Workspace {
    final Object[] slots;
    final boolean[] fresh;
    private final NDArray[] buffers;
    private final StepState[] states;
    private final NDArray[] args;
    private final Object[] shared;
    private final NDArray[] outputs;
    private final Object[] updates;
    private final NDArray[] updateTargets;
    private final boolean[] held;
    private final NDArray[] scalarArgs;
    private final MemorySegment[] groups;

    Workspace(int nSlots, int nSteps, int nArgs, int nShared, int nOutputs, int nUpdates, int nGroups) {
        groups = new MemorySegment[nGroups];
        slots = new Object[nSlots];
        fresh = new boolean[nSlots];
        buffers = new NDArray[nSlots];
        states = new StepState[nSteps];
        args = new NDArray[nArgs];
        shared = new Object[nShared];
        outputs = new NDArray[nOutputs];
        updates = new Object[nUpdates];
        updateTargets = new NDArray[nUpdates];
        held = new boolean[nShared];
        scalarArgs = new NDArray[nArgs];
    }

    /** The converted arguments of this call, one per explicit input (filled by the caller). */
    public NDArray[] args() {
        return args;
    }

    /** The values of the plan's shared containers, in {@link KernelPlan#shared()} order (filled by the caller). */
    public Object[] sharedValues() {
        return shared;
    }

    /** The outputs of the last run, owned by the caller (read them before releasing the workspace). */
    public NDArray[] outputs() {
        return outputs;
    }

    /** The new values of the updated containers after the last run, in update order. */
    public Object[] updates() {
        return updates;
    }

    /**
     * Buffers the caller offers as the new values of the updated containers (null: none), in
     * update order; a run writes an update into its target when the target's dtype and shape
     * fit, and {@link #updates()} then holds the target itself.
     */
    public NDArray[] updateTargets() {
        return updateTargets;
    }

    /** Scratch flags for the caller: which shared containers' locks it holds. */
    public boolean[] held() {
        return held;
    }

    /**
     * A 0-d array of {@code dtype} owned by this workspace for argument {@code input}: a Java
     * scalar argument is written into it instead of allocating. Safe because a plan never lets
     * an input's buffer escape (outputs that alias inputs are copied).
     */
    public NDArray scalarArg(int input, DType dtype) {
        NDArray s = scalarArgs[input];
        if (s == null || s.dtype() != dtype) {
            s = NDArray.empty(dtype);
            scalarArgs[input] = s;
        }
        return s;
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
        MemorySegment mem = groups[g];
        if (mem == null || mem.byteSize() < bytes) {
            mem = NDArray.empty(DType.INT8, Math.max(bytes, 1)).segment();
            groups[g] = mem;
        }
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

    /** Drops references to call values so that arguments and results can be collected. */
    void clear(int firstTransientSlot) {
        Arrays.fill(slots, firstTransientSlot, slots.length, null);
        Arrays.fill(args, null);
        Arrays.fill(shared, null);
        Arrays.fill(outputs, null);
        Arrays.fill(updates, null);
        Arrays.fill(updateTargets, null);
        for (StepState s : states) {
            if (s != null) {
                s.clearArgs();
            }
        }
    }
}
