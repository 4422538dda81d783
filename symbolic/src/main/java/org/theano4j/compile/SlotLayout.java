package org.theano4j.compile;

import org.theano4j.tensor.NDArray;

/**
 * Where a plan's values live: the number of slots, the slots of constants (with their values,
 * put into every new workspace), shared state, explicit inputs, outputs and update values, the
 * first slot a call fills, and the number of buffer groups the steps share.
 *
 * @param slots the number of slots
 * @param constants the slots of constants
 * @param constantValues their values
 * @param shared the slots of shared state, in {@link KernelPlan#shared()} order
 * @param inputs the slots of the explicit inputs
 * @param outputs the slots of the outputs
 * @param updates the slots of the update values
 * @param firstTransient the first slot that holds a call's values (constants come before it)
 * @param groups the number of buffer groups ({@link BufferPlan})
 */
record SlotLayout(int slots, int[] constants, NDArray[] constantValues, int[] shared, int[] inputs, int[] outputs,
        int[] updates, int firstTransient, int groups) {
}
