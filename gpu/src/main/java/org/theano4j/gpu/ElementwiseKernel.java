package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.NDArray;

/**
 * A fused elementwise node on the device: reads each input in place where it can
 * ({@link DeviceValues#strided}: its resident value, or a transposed, sliced, reversed or
 * broadcast view of a resident or shared base, at the view's offset and strides), else uploads it
 * at its own shape (broadcast axes read with stride 0, not materialised), launches the program over
 * the {@code n} output elements ({@link ElementwiseLayout}: the axes merged where every input is
 * contiguous) and leaves the result on the device, registered for the output array; it is copied
 * back only when the host reads it. Beyond {@link ElementwiseLayout#MAX_RANK} merged axes the
 * strided inputs are copied to C order on the host instead. Calls are serialised because they share
 * the kernel's scratch memory.
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
        long[] offsets = new long[arity];
        long[][] strides = new long[arity][];
        for (int k = 0; k < arity; k++) {
            DeviceValues.Strided s = values.strided(inputs[k], shape, scratch, k);
            in[k] = s.memory();
            offsets[k] = s.offset();
            strides[k] = s.strides();
        }
        ElementwiseLayout layout = ElementwiseLayout.of(shape, offsets, strides);
        if (layout.rank() > ElementwiseLayout.MAX_RANK) {
            for (int k = 0; k < arity; k++) {
                if (layout.strided(k)) {
                    in[k] = values.input(inputs[k], shape, scratch, k); // C order of the output's shape, copied
                }
            }
            layout = ElementwiseLayout.contiguous(n, arity);
        }
        program.launch(layout, in, values.output(out, inputs, in));
    }

    /** Reads and writes device memory ({@link DeviceValues}), not the host's. */
    @Override
    public boolean onHost() {
        return false;
    }
}
