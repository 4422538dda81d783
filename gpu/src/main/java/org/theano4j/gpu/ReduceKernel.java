package org.theano4j.gpu;

import java.util.List;
import org.theano4j.backend.Kernel;
import org.theano4j.op.Reduce;
import org.theano4j.tensor.NDArray;

/**
 * A {@link Reduce} node (sum, product, maximum, minimum, mean over any set of axes) on the device:
 * reads the input from its resident device value, or uploads it as a C-contiguous copy, launches
 * the {@link Device.ReduceProgram} over the input's {@link ReduceGeometry} and leaves the result on
 * the device, registered for the output array ({@link DeviceValues}). An empty input gives the
 * reduction's value of an empty set on the host (0, 1, NaN for a mean) and, for max/min, the
 * reference's error. Calls are serialised because they share the scratch memory.
 */
final class ReduceKernel implements Kernel {

    private final DeviceValues values;
    private final Reduce op;
    private final Device.ReduceProgram program;
    private final Scratch scratch;

    /**
     * @param values the device's resident values
     * @param op the reduction
     * @param program its program for the node's {@link ReduceGeometry.Pattern}
     */
    ReduceKernel(DeviceValues values, Reduce op, Device.ReduceProgram program) {
        this.values = values;
        this.op = op;
        this.program = program;
        this.scratch = new Scratch(values.device(), 1);
    }

    @Override
    public synchronized void run(NDArray[] inputs, NDArray[] outputs) {
        NDArray x = inputs[0];
        NDArray out = outputs[0];
        if (out.size() == 0) {
            return;
        }
        if (x.size() == 0) {
            emptySet(out);
            return;
        }
        values.device().enter();
        ReduceGeometry g = ReduceGeometry.of(x.shape(), op.axes());
        Device.Memory in = values.input(x, x.shape(), scratch, 0);
        program.launch(g, in, values.output(out, inputs));
    }

    /** Fills the output with the reduction of no elements (each output reduces none when the input is empty). */
    private void emptySet(NDArray out) {
        if (op.kind() == Reduce.Kind.MAX || op.kind() == Reduce.Kind.MIN) {
            throw new IllegalArgumentException("zero-size array to reduction operation "
                    + (op.kind() == Reduce.Kind.MAX ? "maximum" : "minimum") + " which has no identity");
        }
        values.release(out);
        out.fill(switch (op.kind()) {
            case PROD -> 1;
            case MEAN -> Double.NaN;
            default -> 0;
        });
    }

    /**
     * @param op a reduction
     * @param ndim its input's rank
     * @return the pattern of its geometry on every input shape
     */
    static ReduceGeometry.Pattern pattern(Reduce op, int ndim) {
        return ReduceGeometry.Pattern.of(ndim, List.copyOf(op.axes()));
    }

    /** Reads and writes device memory ({@link DeviceValues}), not the host's. */
    @Override
    public boolean onHost() {
        return false;
    }
}
