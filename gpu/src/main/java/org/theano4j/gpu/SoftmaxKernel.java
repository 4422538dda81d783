package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.NDArray;

/**
 * {@code Softmax}, {@code LogSoftmax} or {@code SoftmaxGrad} over the last axis on the device: the
 * inputs (C-contiguous, of the output's shape; a broadcast {@code dy} is materialised) are read from
 * their resident device values or uploaded, the {@link Device.RowProgram} runs one block per row, and
 * the result stays on the device, registered for the output array ({@link DeviceValues}). Calls are
 * serialised because they share the scratch memory.
 */
final class SoftmaxKernel implements Kernel {

    private final DeviceValues values;
    private final Device.RowProgram program;
    private final int arity;
    private final Scratch scratch;

    /**
     * @param values the device's resident values
     * @param program the compiled row-wise op
     * @param arity its number of inputs
     */
    SoftmaxKernel(DeviceValues values, Device.RowProgram program, int arity) {
        this.values = values;
        this.program = program;
        this.arity = arity;
        this.scratch = new Scratch(values.device(), arity);
    }

    @Override
    public synchronized void run(NDArray[] inputs, NDArray[] outputs) {
        NDArray out = outputs[0];
        if (out.size() == 0) {
            return;
        }
        values.device().enter();
        long[] shape = out.shape();
        long cols = shape[shape.length - 1];
        Device.Memory[] in = new Device.Memory[arity];
        for (int k = 0; k < arity; k++) {
            in[k] = values.input(inputs[k], shape, scratch, k);
        }
        program.launch(out.size() / cols, cols, in, values.output(out, inputs));
    }

    /** Reads and writes device memory ({@link DeviceValues}), not the host's. */
    @Override
    public boolean onHost() {
        return false;
    }
}
