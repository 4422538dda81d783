package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.graph.Op;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link Gemm} and {@link Gemv} of float32 or float64 on the device: inputs {@code (z, x, y)}, output
 * {@code alpha·dot(x, y) + beta·z} as one cuBLAS GEMM or GEMV with the op's alpha and beta. z is
 * copied on the device into the output's memory first (unless that memory is z's already, or
 * {@code beta == 0}: then z is not read, as in BLAS), so the output may be z's own buffer. x and y
 * are read where they lie, as {@link DotKernel} reads its operands ({@link DeviceValues#operand}: a
 * shared weight's transpose or slice in place); z is read as {@link DeviceValues#input} gives it. The
 * result stays on the device. With an empty inner dimension (no product) the op's reference
 * evaluation runs on the host. Calls are serialised because they share the scratch memory.
 */
final class GemmKernel implements Kernel {

    private final DeviceValues values;
    private final Op op;
    private final double alpha;
    private final double beta;
    private final Scratch scratch;

    /**
     * @param values the device's resident values
     * @param op a {@link Gemm} or {@link Gemv}
     */
    GemmKernel(DeviceValues values, Op op) {
        this.values = values;
        this.op = op;
        this.alpha = op instanceof Gemm g ? g.alpha() : ((Gemv) op).alpha();
        this.beta = op instanceof Gemm g ? g.beta() : ((Gemv) op).beta();
        this.scratch = new Scratch(values.device(), 3);
    }

    /**
     * @param z z's dtype
     * @param x x's dtype
     * @param y y's dtype
     * @param out the output's dtype
     * @return whether this kernel computes the case: all four FLOAT32, or all FLOAT64
     */
    static boolean supports(DType z, DType x, DType y, DType out) {
        return (out == DType.FLOAT32 || out == DType.FLOAT64) && z == out && x == out && y == out;
    }

    @Override
    public synchronized void run(NDArray[] inputs, NDArray[] outputs) {
        NDArray out = outputs[0];
        if (out.size() == 0) {
            return;
        }
        if (inputs[1].shape(1) == 0) {
            evaluateOnHost(inputs, out);
            return;
        }
        Device device = values.device();
        device.enter();
        DeviceValues.Operand dx = values.operand(inputs[1], scratch, 0);
        DeviceValues.Operand dy = values.operand(inputs[2], scratch, 1);
        Device.Memory dz = beta == 0 ? null : values.input(inputs[0], inputs[0].shape(), scratch, 2);
        Device.Memory dc = values.output(out, inputs);
        if (dz != null && dz != dc) {
            device.copy(dz, dc);
        }
        if (inputs[2].ndim() == 1) {
            gemv(device, inputs[1], dx, dy, dc);
        } else {
            gemm(device, inputs[1], inputs[2], dx, dy, dc);
        }
    }

    /** {@code out = alpha·x·y + beta·out} with GEMV on x's stored matrix S (x = op(S)). */
    private void gemv(Device device, NDArray x, DeviceValues.Operand dx, DeviceValues.Operand dy, Device.Memory dc) {
        int m = DotKernel.cublasInt(name(), "row count", x.shape(0));
        int k = DotKernel.cublasInt(name(), "inner dimension", x.shape(1));
        device.gemv(x.dtype(), dx.trans(), dx.trans() ? k : m, dx.trans() ? m : k, alpha, dx.memory(), dx.offset(),
                dx.ld(), dy.memory(), dy.offset(), beta, dc);
    }

    /** {@code out = alpha·x·y + beta·out} with GEMM, out m x n in C order. */
    private void gemm(Device device, NDArray x, NDArray y, DeviceValues.Operand dx, DeviceValues.Operand dy,
            Device.Memory dc) {
        int m = DotKernel.cublasInt(name(), "row count", x.shape(0));
        int k = DotKernel.cublasInt(name(), "inner dimension", x.shape(1));
        int n = DotKernel.cublasInt(name(), "column count", y.shape(1));
        device.gemm(x.dtype(), dx.trans(), dy.trans(), m, n, k, alpha, dx.memory(), dx.offset(), dx.ld(), dy.memory(),
                dy.offset(), dy.ld(), beta, dc, Math.max(1, n));
    }

    /** No product ({@code k == 0}): the reference evaluation, z copied back first where only the device holds it. */
    private void evaluateOnHost(NDArray[] inputs, NDArray out) {
        for (NDArray in : inputs) {
            values.toHost(in);
        }
        NDArray r = (NDArray) op.evaluate(inputs)[0];
        values.release(out);
        out.copyFrom(r);
    }

    private String name() {
        return op instanceof Gemm ? "Gemm" : "Gemv";
    }

    /** Reads and writes device memory ({@link DeviceValues}), not the host's. */
    @Override
    public boolean onHost() {
        return false;
    }
}
