package org.theano4j.compile;

import java.util.Arrays;
import org.theano4j.tensor.NDArray;

/**
 * What one run of a plan takes and gives: the converted arguments and the shared state read
 * (filled by the caller), the outputs owned by the caller and the new values of the updated
 * containers (filled by the run), and the buffers the caller offers as update targets (a
 * recycled former value per update, or null). Sized for one plan; reused call after call.
 */
public final class Frame {
    /** The arguments, one per explicit input. */
    public final NDArray[] args;
    /** The values of the plan's shared containers, in {@link KernelPlan#shared()} order. */
    public final Object[] shared;
    /** The outputs of the last run, owned by the caller. */
    public final NDArray[] outputs;
    /** The new values of the updated containers after the last run, in update order. */
    public final Object[] updates;
    /**
     * Buffers offered as the new values of the updated containers (null: none), in update order;
     * a run writes an update into its target when the target's dtype and shape fit.
     */
    public final NDArray[] updateTargets;
    /**
     * Per output, whether the run may hand out internal memory without a copy (Theano's
     * {@code Out(v, borrow=True)}); all false unless the owner of the frame sets them.
     */
    public final boolean[] borrowOutputs;

    /** A frame for runs of {@code plan}. */
    public Frame(KernelPlan plan) {
        SlotLayout l = plan.layout();
        args = new NDArray[l.inputs().length];
        shared = new Object[l.shared().length];
        outputs = new NDArray[l.outputs().length];
        updates = new Object[l.updates().length];
        updateTargets = new NDArray[l.updates().length];
        borrowOutputs = new boolean[outputs.length];
    }

    /** Drops every reference to the last call's values. */
    public void clear() {
        Arrays.fill(args, null);
        Arrays.fill(shared, null);
        Arrays.fill(outputs, null);
        Arrays.fill(updates, null);
        Arrays.fill(updateTargets, null);
    }
}
