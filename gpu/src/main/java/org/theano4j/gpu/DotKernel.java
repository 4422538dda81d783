package org.theano4j.gpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code Dot} of float32 or float64 vectors and matrices on the device (row-major, see
 * {@link CublasHandle}): matrix·matrix and vector·vector with GEMM (a vector·vector product is a
 * 1x1 GEMM), matrix·vector and vector·matrix with GEMV. An operand is read where it lies
 * ({@link DeviceValues#operand}): its resident device value; a transposed view or a row/column slice
 * of a resident array (a shared weight's {@code W.T}, a previous kernel's output) from that array's
 * device memory, through cuBLAS's op flags, an element offset and the leading dimension, nothing
 * uploaded; a transposed view of a host matrix uploaded as stored. Other layouts (negative, zero or
 * general strides) are copied to C order on the host and uploaded. The product stays on the device.
 * Calls are serialised because they share the scratch memory.
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
        int k = cublasInt("Dot", "inner dimension", a.shape(-1));
        if (k == 0) {
            values.release(out);
            out.fill(0);
            return;
        }
        Device device = values.device();
        device.enter();
        DeviceValues.Operand da = values.operand(a, scratch, 0);
        DeviceValues.Operand db = values.operand(b, scratch, 1);
        Device.Memory dc = values.output(out, inputs);
        DType t = a.dtype();
        if (a.ndim() == 2 && b.ndim() == 1) {
            // A·x with A = op(S), S the stored matrix
            int m = cublasInt("Dot", "row count", a.shape(0));
            device.gemv(t, da.trans(), da.trans() ? k : m, da.trans() ? m : k, 1, da.memory(), da.offset(), da.ld(),
                    db.memory(), db.offset(), 0, dc);
        } else if (a.ndim() == 1 && b.ndim() == 2) {
            // a·B = Bᵀ·a: GEMV on B's stored matrix S (B = op(S)) with the transpose flag flipped.
            int n = cublasInt("Dot", "column count", b.shape(1));
            device.gemv(t, !db.trans(), db.trans() ? n : k, db.trans() ? k : n, 1, db.memory(), db.offset(), db.ld(),
                    da.memory(), da.offset(), 0, dc);
        } else {
            // matrix·matrix, or vector·vector as (1 x k)·(k x 1)
            int m = a.ndim() == 2 ? cublasInt("Dot", "row count", a.shape(0)) : 1;
            int n = b.ndim() == 2 ? cublasInt("Dot", "column count", b.shape(1)) : 1;
            int ldb = b.ndim() == 2 ? db.ld() : 1;
            device.gemm(t, da.trans(), db.trans(), m, n, k, 1, da.memory(), da.offset(), da.ld(), db.memory(),
                    db.offset(), ldb, 0, dc, Math.max(1, n));
        }
    }

    /**
     * @param op the op, for the message
     * @param what the length, for the message
     * @param n a length
     * @return it as cuBLAS's 32-bit int
     * @throws IllegalArgumentException naming it when it does not fit
     */
    static int cublasInt(String op, String what, long n) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + " on cuda: the " + what + " " + n + " exceeds cuBLAS's 32-bit limit "
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
