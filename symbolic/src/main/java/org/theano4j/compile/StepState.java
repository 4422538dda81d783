package org.theano4j.compile;

import java.util.Arrays;
import org.theano4j.graph.Op;
import org.theano4j.tensor.NDArray;

/**
 * What one step keeps in one workspace between calls: its argument arrays, and its output
 * shapes memoized against the shapes of its inputs, so that a call with unchanged shapes
 * neither asks the op again nor allocates.
 */
final class StepState {
    final Object[] args;
    final NDArray[] ins;
    final NDArray[] outs;
    /** Per output, the view of its buffer group's memory used last time (reused while it still fits). */
    final NDArray[] views;
    private long[][] inShapes;
    private long[][] outShapes;

    StepState(int nIn, int nOut) {
        args = new Object[nIn];
        ins = new NDArray[nIn];
        outs = new NDArray[nOut];
        views = new NDArray[nOut];
    }

    /**
     * The op's output shapes for {@code args}; with {@code memo} (shapes that depend on input
     * shapes only) the previous answer when no input shape changed.
     */
    long[][] outputShapes(Op op, Object[] args, boolean memo) {
        if (memo && outShapes != null && sameShapes(args)) {
            return outShapes;
        }
        long[][] shapes = op.outputShapes(args);
        outShapes = memo && shapes != null && remember(args) ? shapes : null;
        return shapes;
    }

    private boolean sameShapes(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof NDArray a) || !a.hasShape(inShapes[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean remember(Object[] args) {
        long[][] shapes = new long[args.length][];
        for (int i = 0; i < args.length; i++) {
            if (!(args[i] instanceof NDArray a)) {
                return false;
            }
            shapes[i] = a.shape();
        }
        inShapes = shapes;
        return true;
    }

    /** Drops the call's values (the memoized shapes stay). */
    void clearArgs() {
        Arrays.fill(args, null);
        Arrays.fill(ins, null);
    }
}
