package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code Dot} of float32 or float64 vectors and matrices with cuBLAS (row-major, see
 * {@link CublasHandle}): matrix·matrix and vector·vector with GEMM (a vector·vector product
 * is a 1x1 GEMM), matrix·vector and vector·matrix with GEMV. Non-contiguous inputs (e.g.
 * transposed views) are copied to C order on the host first. Calls are serialised because
 * they share the device buffers.
 */
final class DotKernel implements Kernel {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private final GpuDevice device;
    private final DeviceSlots slots;

    /** @param device the shared device state */
    DotKernel(GpuDevice device) {
        this.device = device;
        this.slots = new DeviceSlots(device.context(), 3);
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
        NDArray a = inputs[0].contiguous();
        NDArray b = inputs[1].contiguous();
        NDArray out = outputs[0];
        if (out.size() == 0) {
            return;
        }
        int k = cublasInt("inner dimension", a.shape(-1));
        if (k == 0) {
            out.fill(0);
            return;
        }
        device.context().makeCurrent();
        DeviceBuffer da = HostArrays.upload(slots, A, a);
        DeviceBuffer db = HostArrays.upload(slots, B, b);
        DeviceBuffer dc = slots.get(C, out.size() * out.dtype().byteSize());
        multiply(a, b, k, da, db, dc);
        HostArrays.download(dc, out);
    }

    private void multiply(NDArray a, NDArray b, int k, DeviceBuffer da, DeviceBuffer db, DeviceBuffer dc) {
        boolean single = a.dtype() == DType.FLOAT32;
        CublasHandle blas = device.cublas();
        if (a.ndim() == 2 && b.ndim() == 1) {
            int m = cublasInt("row count", a.shape(0));
            if (single) {
                blas.sgemv(false, m, k, 1f, da, db, 0f, dc);
            } else {
                blas.dgemv(false, m, k, 1.0, da, db, 0.0, dc);
            }
        } else if (a.ndim() == 1 && b.ndim() == 2) {
            int n = cublasInt("column count", b.shape(1));
            // a·B = Bᵀ·a: GEMV on the stored k x n matrix B, transposed.
            if (single) {
                blas.sgemv(true, k, n, 1f, db, da, 0f, dc);
            } else {
                blas.dgemv(true, k, n, 1.0, db, da, 0.0, dc);
            }
        } else {
            // matrix·matrix, or vector·vector as (1 x k)·(k x 1)
            int m = a.ndim() == 2 ? cublasInt("row count", a.shape(0)) : 1;
            int n = b.ndim() == 2 ? cublasInt("column count", b.shape(1)) : 1;
            if (single) {
                blas.sgemm(false, false, m, n, k, 1f, da, db, 0f, dc);
            } else {
                blas.dgemm(false, false, m, n, k, 1.0, da, db, 0.0, dc);
            }
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
}
