package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code Dot} of float32 or float64 vectors and matrices on the device (row-major, see
 * {@link CublasHandle}): matrix·matrix and vector·vector with GEMM (a vector·vector product is a
 * 1x1 GEMM), matrix·vector and vector·matrix with GEMV. Inputs are read from their resident device
 * values or uploaded (non-contiguous ones, e.g. transposed views, copied to C order on the host
 * first); the product stays on the device ({@link DeviceValues}). Calls are serialised because they
 * share the scratch memory.
 */
final class DotKernel implements Kernel {

    private final DeviceValues values;
    private final Scratch scratch;

    /** @param values the device's resident values */
    DotKernel(DeviceValues values) {
        this.values = values;
        this.scratch = new Scratch(values.device(), 2);
    }

    /**
     * @param dtype the inputs' dtype
     * @param aNdim axes of the first input
     * @param bNdim axes of the second input
     * @return whether this kernel computes that case
     */
    static boolean supports(DType dtype, int aNdim, int bNdim) {
        return (dtype == DType.FLOAT32 || dtype == DType.FLOAT64)
                && aNdim >= 1 && aNdim <= 2 && bNdim >= 1 && bNdim <= 2;
    }

    @Override
    public synchronized void run(NDArray[] inputs, NDArray[] outputs) {
        NDArray a = inputs[0];
        NDArray b = inputs[1];
        NDArray out = outputs[0];
        if (out.size() == 0) {
            return;
        }
        int k = cublasInt("inner dimension", a.shape(-1));
        if (k == 0) {
            values.release(out);
            out.fill(0);
            return;
        }
        Device device = values.device();
        device.enter();
        Device.Memory da = values.input(a, a.shape(), scratch, 0);
        Device.Memory db = values.input(b, b.shape(), scratch, 1);
        Device.Memory dc = values.output(out, inputs);
        DType t = a.dtype();
        if (a.ndim() == 2 && b.ndim() == 1) {
            device.gemv(t, false, cublasInt("row count", a.shape(0)), k, da, db, dc);
        } else if (a.ndim() == 1 && b.ndim() == 2) {
            // a·B = Bᵀ·a: GEMV on the stored k x n matrix B, transposed.
            device.gemv(t, true, k, cublasInt("column count", b.shape(1)), db, da, dc);
        } else {
            // matrix·matrix, or vector·vector as (1 x k)·(k x 1)
            int m = a.ndim() == 2 ? cublasInt("row count", a.shape(0)) : 1;
            int n = b.ndim() == 2 ? cublasInt("column count", b.shape(1)) : 1;
            device.gemm(t, false, false, m, n, k, da, db, dc);
        }
    }

    /** A length as cuBLAS's 32-bit int; IllegalArgumentException naming it when it does not fit. */
    private static int cublasInt(String what, long n) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Dot on cuda: the " + what + " " + n + " exceeds cuBLAS's 32-bit limit "
                    + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** Reads and writes device memory ({@link DeviceValues}), not the host's. */
    @Override
    public boolean onHost() {
        return false;
    }
}
