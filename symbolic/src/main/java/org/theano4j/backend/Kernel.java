package org.theano4j.backend;

import org.theano4j.tensor.NDArray;

/**
 * An executable kernel for one node of a plan: reads its inputs and writes its preallocated
 * outputs (shapes from the op's {@code outputShapes}). Kernels must be safe to run from several
 * threads at once on different arrays.
 */
@FunctionalInterface
public interface Kernel {
    /** Computes {@code outputs} from {@code inputs}. */
    void run(NDArray[] inputs, NDArray[] outputs);

    /**
     * Whether this kernel reads and writes host memory (the default). Before such a kernel runs,
     * the runtime makes its inputs' host memory current and drops any device copy of its outputs
     * ({@link HostSync}); a device kernel that keeps its values on the device answers false.
     *
     * @return true for a host kernel
     */
    default boolean onHost() {
        return true;
    }
}
