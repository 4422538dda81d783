package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.NDArray;

/**
 * A fused elementwise node on the device: reads each input from its resident device value, or
 * uploads it (broadcast ones materialised on the host first), launches the program over the
 * {@code n} output elements and leaves the result on the device, registered for the output array
 * ({@link DeviceValues}); it is copied back only when the host reads it. Calls are serialised
 * because they share the kernel's scratch memory.
 */
final class ElementwiseKernel implements Kernel {

    private final DeviceValues values;
    private final Device.Program program;
    private final int arity;
    private final Scratch scratch;

    /**
     * @param values the device's resident values
     * @param program the compiled expression
     * @param arity its number of inputs
     */
    ElementwiseKernel(DeviceValues values, Device.Program program, int arity) {
        this.values = values;
        this.program = program;
        this.arity = arity;
        this.scratch = new Scratch(values.device(), arity);
    }

    @Override
    public synchronized void run(NDArray[] inputs, NDArray[] outputs) {
        NDArray out = outputs[0];
        long n = out.size();
        if (n == 0) {
            return;
        }
        values.device().enter();
        long[] shape = out.shape();
        Device.Memory[] in = new Device.Memory[arity];
        for (int k = 0; k < arity; k++) {
            in[k] = values.input(inputs[k], shape, scratch, k);
        }
        program.launch(n, in, values.output(out, inputs));
    }

    /** Reads and writes device memory ({@link DeviceValues}), not the host's. */
    @Override
    public boolean onHost() {
        return false;
    }
}
