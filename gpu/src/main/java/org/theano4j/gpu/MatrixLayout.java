package org.theano4j.gpu;

import org.theano4j.tensor.NDArray;

/**
 * How a 1-D or 2-D array's elements lie in its memory when BLAS can read them where they are: as a
 * row-major stored matrix of {@code rows x cols}, consecutive rows {@code ld} elements apart
 * ({@code ld >= cols}), that is the array itself ({@code trans} false: C order, or a slice of a wider
 * matrix) or its transpose ({@code trans} true: a transposed view of such a matrix). A vector is one
 * stored row. Any other layout (negative, zero or general strides, overlapping rows) has none.
 *
 * @param trans whether the array is the stored matrix transposed
 * @param ld elements between the starts of consecutive stored rows
 * @param rows stored rows
 * @param cols stored columns
 */
record MatrixLayout(boolean trans, int ld, long rows, long cols) {

    /**
     * @param a a 1-D or 2-D array
     * @return its layout, or null when BLAS cannot read it in place (or its leading dimension
     *         exceeds cuBLAS's 32-bit int)
     */
    static MatrixLayout of(NDArray a) {
        if (a.ndim() == 1) {
            long k = a.shape(0);
            return k <= 1 || a.stride(0) == 1 ? of(false, Math.max(1, k), 1, k) : null;
        }
        if (a.ndim() != 2) {
            return null;
        }
        long r = a.shape(0);
        long c = a.shape(1);
        long s0 = a.stride(0);
        long s1 = a.stride(1);
        if ((c <= 1 || s1 == 1) && (r <= 1 || s0 >= Math.max(1, c))) {
            return of(false, r <= 1 ? Math.max(1, c) : s0, r, c);
        }
        if ((r <= 1 || s0 == 1) && (c <= 1 || s1 >= Math.max(1, r))) {
            return of(true, c <= 1 ? Math.max(1, r) : s1, c, r);
        }
        return null;
    }

    private static MatrixLayout of(boolean trans, long ld, long rows, long cols) {
        return ld > Integer.MAX_VALUE ? null : new MatrixLayout(trans, (int) ld, rows, cols);
    }

    /** @return the elements from the first to the last one the matrix reads (gaps between rows included) */
    long footprint() {
        return rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;
    }

    /** @return whether the footprint holds no other elements: C order, or the transpose of a C-order matrix */
    boolean dense() {
        return footprint() == rows * cols;
    }
}
