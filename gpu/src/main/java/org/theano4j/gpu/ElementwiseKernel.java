package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.NDArray;

/**
 * A fused elementwise node on the GPU: uploads its inputs (broadcast ones materialised on the
 * host first), launches the NVRTC-compiled kernel over the {@code n} output elements and copies
 * the result into the preallocated output. Its device buffers are reused between calls of the
 * same size; calls are serialised because they share those buffers.
 */
final class ElementwiseKernel implements Kernel {

    private static final int BLOCK = 256;

    private final GpuDevice device;
    private final CudaKernel kernel;
    private final int arity;
    private final DeviceSlots slots;

    /**
     * @param device the shared device state
     * @param kernel the compiled kernel of {@link CudaExpressionRenderer#kernelSource}
     * @param arity its number of inputs
     */
    ElementwiseKernel(GpuDevice device, CudaKernel kernel, int arity) {
        this.device = device;
        this.kernel = kernel;
        this.arity = arity;
        this.slots = new DeviceSlots(device.context(), arity + 1);
    }

    @Override
    public synchronized void run(NDArray[] inputs, NDArray[] outputs) {
        NDArray out = outputs[0];
        long n = out.size();
        if (n == 0) {
            return;
        }
        device.context().makeCurrent();
        long[] shape = out.shape();
        Object[] args = new Object[arity + 2];
        args[0] = n;
        for (int k = 0; k < arity; k++) {
            args[k + 1] = HostArrays.upload(slots, k, HostArrays.contiguous(inputs[k], shape));
        }
        DeviceBuffer result = slots.get(arity, n * out.dtype().byteSize());
        args[arity + 1] = result;
        kernel.launch(LaunchConfig.linear(n, BLOCK), args);
        HostArrays.download(result, out);
    }
}
