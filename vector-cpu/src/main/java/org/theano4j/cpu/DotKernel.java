package org.theano4j.cpu;

import org.theano4j.backend.Kernel;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Summation;

/**
 * {@code Dot} of vectors and matrices: GEMM for matrix products, GEMV for matrix-vector and
 * vector-matrix (the latter as the transposed matrix times the vector) and for float64 matrix
 * products with one row or one column (a batch of one, where packing the other operand for GEMM
 * would cost as much as the product), a multi-accumulator dot
 * for two vectors. float32 matrix-vector products run through {@link Sgemm} with the vector
 * viewed as a one-column matrix. When both contracted axes have stride 0 (broadcast operands of
 * any length) each output is one product repeated, summed in one step like the reference. Other
 * ranks and integer dtypes return no kernel.
 */
final class DotKernel implements Kernel {
    private DotKernel() {
    }

    /** The kernel for inputs of these ranks and dtype, or null. */
    static Kernel of(int aNdim, int bNdim, DType dtype) {
        boolean supported = aNdim >= 1 && aNdim <= 2 && bNdim >= 1 && bNdim <= 2;
        return supported && dtype.isFloat() ? new DotKernel() : null;
    }

    @Override
    public void run(NDArray[] in, NDArray[] out) {
        compute(in[0], in[1], out[0]);
    }

    /** {@code c = dot(a, b)} for supported ranks and float dtypes (see {@link #of}). */
    static void compute(NDArray a, NDArray b, NDArray c) {
        if (!c.isCContiguous()) {
            NDArray tmp = NDArray.empty(c.dtype(), c.shape());
            compute(a, b, tmp);
            c.copyFrom(tmp);
            return;
        }
        if (repeatedProducts(a, b, c)) {
            return;
        }
        if (a.ndim() == 2 && b.ndim() == 2 && c.dtype() == DType.FLOAT64 && a.shape(0) == 1) {
            gemv(b, true, a.index(0, 0), c.index(0, 0));
        } else if (a.ndim() == 2 && b.ndim() == 2 && c.dtype() == DType.FLOAT64 && b.shape(1) == 1) {
            gemv(a, false, b.index(1, 0), c.index(1, 0));
        } else if (a.ndim() == 2 && b.ndim() == 2) {
            gemm(a, b, c);
        } else if (c.dtype() == DType.FLOAT32) {
            gemm(asMatrix(a, false), asMatrix(b, true), c.reshape(a.ndim() == 2 ? a.shape(0) : 1, b.ndim() == 2 ? b.shape(1) : 1));
        } else if (a.ndim() == 2) {
            gemv(a, false, b, c);
        } else if (b.ndim() == 2) {
            gemv(b, true, a, c);
        } else {
            long sa = a.stride(0);
            long sb = b.stride(0);
            double s = sa == 1 && sb == 1 && Species.vector()
                    ? Dgemv.dot(a.segment(), a.offset(), b.segment(), b.offset(), a.size())
                    : strided(a, sa, b, sb);
            c.writeDouble(c.offset(), s);
        }
    }

    /**
     * When both contracted axes have stride 0 (broadcast operands), every output is one product
     * repeated: {@code c[i, j] = a[i, 0] b[0, j]} summed k times left to right in float64, as
     * the reference sums, in one step when exact ({@link Summation#sequential}). Returns false,
     * doing nothing, otherwise.
     */
    private static boolean repeatedProducts(NDArray a, NDArray b, NDArray c) {
        int ka = a.ndim() - 1;
        int kb = b.ndim() == 1 ? 0 : b.ndim() - 2;
        long k = a.shape(ka);
        if (k < 2 || a.stride(ka) != 0 || b.stride(kb) != 0) {
            return false;
        }
        NDArray rows = a.index(ka, 0);
        NDArray cols = b.index(kb, 0);
        long n = cols.size();
        for (long i = 0; i < rows.size(); i++) {
            for (long j = 0; j < n; j++) {
                c.writeDouble(c.offset() + i * n + j, Summation.sequential(rows.getFlat(i) * cols.getFlat(j), k));
            }
        }
        return true;
    }

    private static double strided(NDArray a, long sa, NDArray b, long sb) {
        double s = 0;
        for (long i = 0; i < a.size(); i++) {
            s += a.readDouble(a.offset() + i * sa) * b.readDouble(b.offset() + i * sb);
        }
        return s;
    }

    private static void gemm(NDArray a, NDArray b, NDArray c) {
        if (c.dtype() == DType.FLOAT64) {
            Dgemm.multiply(a, b, c);
        } else {
            Sgemm.multiply(a, b, c);
        }
    }

    /** A vector as a 1 x k row ({@code column=false}) or k x 1 column; matrices unchanged. */
    private static NDArray asMatrix(NDArray v, boolean column) {
        if (v.ndim() == 2) {
            return v;
        }
        long s = v.stride(0);
        long[] shape = column ? new long[] {v.shape(0), 1} : new long[] {1, v.shape(0)};
        long[] strides = column ? new long[] {s, 1} : new long[] {1, s};
        return NDArray.view(v.segment(), v.dtype(), shape, strides, v.offset());
    }

    /** {@code c = m x} or, when {@code transposed}, {@code c = x m}. */
    private static void gemv(NDArray m, boolean transposed, NDArray x, NDArray c) {
        long rows = m.shape(transposed ? 1 : 0);
        long depth = m.shape(transposed ? 0 : 1);
        long s0 = m.stride(transposed ? 1 : 0);
        long s1 = m.stride(transposed ? 0 : 1);
        Dgemv.multiply(m.segment(), m.offset(), s0, s1, x.segment(), x.offset(), x.stride(0), c.segment(), c.offset(),
                rows, depth);
    }
}
