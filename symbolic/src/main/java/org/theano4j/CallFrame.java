package org.theano4j;

import java.util.Arrays;
import org.theano4j.compile.Frame;
import org.theano4j.compile.KernelPlan;
import org.theano4j.compile.Workspace;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A {@link Function}'s state for one call, pooled and reused call after call: the plan's frame
 * (arguments in, outputs and updates out), its workspace, which shared containers' locks the
 * call holds, and a 0-d buffer per input for Java scalar arguments.
 */
final class CallFrame {
    final Workspace ws;
    final Frame frame;
    final boolean[] held;
    private final NDArray[] scalarArgs;

    CallFrame(KernelPlan plan, boolean[] borrowOutputs) {
        ws = plan.newWorkspace();
        frame = new Frame(plan);
        System.arraycopy(borrowOutputs, 0, frame.borrowOutputs, 0, borrowOutputs.length);
        held = new boolean[frame.shared.length];
        scalarArgs = new NDArray[frame.args.length];
    }

    /**
     * A 0-d array of {@code dtype} owned by this frame for argument {@code input}: a Java scalar
     * argument is written into it instead of allocating. Safe because a plan never lets an input's
     * buffer escape (outputs that alias inputs are copied),
     * except a borrowed output ({@link Out}), which is documented to alias it.
     */
    NDArray scalarArg(int input, DType dtype) {
        NDArray s = scalarArgs[input];
        if (s == null || s.dtype() != dtype) {
            s = NDArray.empty(dtype);
            scalarArgs[input] = s;
        }
        return s;
    }

    /** Drops the call's values before the frame goes back to the pool. */
    void clear() {
        frame.clear();
    }

    /** Releases the frame's memory now (the function was closed). */
    void close() {
        ws.close();
        for (NDArray s : scalarArgs) {
            if (s != null) {
                s.close();
            }
        }
        Arrays.fill(scalarArgs, null);
    }
}
