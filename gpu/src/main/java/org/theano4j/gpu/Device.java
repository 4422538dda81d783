package org.theano4j.gpu;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.theano4j.op.Reduce;
import org.theano4j.op.ScalarExpr;
import org.theano4j.tensor.DType;

/**
 * What the backend's kernels and its {@link DeviceValues} need from a device: memory, copies and
 * the few programs they launch. {@link CudaDevice} is the GPU; tests use a host-memory fake, so
 * residency (what is uploaded, downloaded, kept) is tested without a GPU.
 */
interface Device {

    /** A block of device memory. */
    interface Memory {
        /** @return its size in bytes */
        long byteSize();
    }

    /** A compiled fused elementwise kernel, one compiled variant per {@link ElementwiseLayout#indexing()}. */
    interface Program {
        /**
         * Computes {@code out[i] = expr(x0, x1, ...)} for {@code i < layout.n()}, where {@code xK} is
         * {@code inK[i]} for a dense input and {@code inK[offset + sum_j c_j * strides[j]]} for a
         * strided one, {@code c} being {@code i} unravelled over {@code layout.dims()} in C order.
         *
         * @param layout where each input's elements are, rank at most {@link ElementwiseLayout#MAX_RANK}
         * @param inputs one block per input: {@code n} elements of its dtype when dense, else holding
         *        every position the layout reads
         * @param out {@code n} elements of the output's dtype
         */
        void launch(ElementwiseLayout layout, Memory[] inputs, Memory out);
    }

    /** A compiled reduction ({@link ReduceKernelSource}). */
    interface ReduceProgram {
        /**
         * Computes each output element {@code o < geometry.outputCount()} from the input elements
         * {@code keptOffset(o) + reducedOffset(r)}, {@code r < geometry.reducedLength()} (at least 1).
         *
         * @param geometry the reduction's geometry, of the pattern the program was made for
         * @param in the C-contiguous input, of the input's dtype
         * @param out {@code outputCount()} elements of the output's dtype
         */
        void launch(ReduceGeometry geometry, Memory in, Memory out);
    }

    /** A compiled row-wise op over the last axis ({@link SoftmaxKernelSource}). */
    interface RowProgram {
        /**
         * Computes {@code rows x cols} C-contiguous output elements, row by row.
         *
         * @param rows rows, at least 1
         * @param cols elements per row, at least 1
         * @param inputs one block per input of the op, each {@code rows x cols} elements
         * @param out {@code rows x cols} elements
         */
        void launch(long rows, long cols, Memory[] inputs, Memory out);
    }

    /** Makes the device current in the calling thread (a CUDA context is current per thread). */
    void enter();

    /**
     * @param byteSize bytes
     * @return new memory (contents undefined)
     */
    Memory allocate(long byteSize);

    /** @param memory memory of this device, freed now */
    void free(Memory memory);

    /**
     * @param host the bytes to copy
     * @param device memory of exactly that size
     */
    void upload(MemorySegment host, Memory device);

    /**
     * Copies back; waits for the work queued before it.
     *
     * @param device the memory
     * @param host a segment of exactly its size
     */
    void download(Memory device, MemorySegment host);

    /**
     * @param expr a tree {@link CudaExpressionRenderer#supports}
     * @param inputTypes the dtype of each input
     * @return the program, compiled once per distinct tree and input types
     */
    Program elementwise(ScalarExpr expr, List<DType> inputTypes);

    /**
     * @param kind the reduction
     * @param input the input's dtype ({@link ReduceKernelSource#supports})
     * @param pattern the geometries the program is launched with
     * @return the program, compiled once per distinct kind, dtype and pattern
     */
    ReduceProgram reduce(Reduce.Kind kind, DType input, ReduceGeometry.Pattern pattern);

    /**
     * @param kind the row-wise op
     * @param dtype FLOAT32 or FLOAT64, of every input and the output
     * @return the program, compiled once per dtype (one source holds every kind)
     */
    RowProgram rows(SoftmaxKernelSource.Kind kind, DType dtype);

    /**
     * Copies all of {@code from} to the start of {@code to}, on the device, queued after the work before it.
     *
     * @param from the source
     * @param to memory of at least {@code from}'s size
     */
    void copy(Memory from, Memory to);

    /**
     * Row-major {@code C = alpha·op(A)·op(B) + beta·C} of float32 or float64 matrices ({@code C} is
     * m x n), as cuBLAS's GEMM: with {@code beta == 0} C's old elements are not read (NaN there does
     * not propagate). Each
     * matrix is read as stored row-major from an element offset, with a leading dimension: the
     * distance in elements between the starts of consecutive stored rows, at least the stored row
     * length (larger for a slice of a wider matrix). A transposed operand is the stored matrix read
     * transposed, as cuBLAS's op flags do; no data moves.
     *
     * @param dtype FLOAT32 or FLOAT64
     * @param transA whether A is stored k x m and used transposed (else stored m x k)
     * @param transB whether B is stored n x k and used transposed (else stored k x n)
     * @param m rows of C
     * @param n columns of C
     * @param k the inner dimension
     * @param alpha the product's factor (rounded to float32 for FLOAT32)
     * @param a A's memory
     * @param aOffset the element of {@code a} where A's first stored row starts
     * @param lda A's leading dimension, at least its stored row length ({@code transA ? m : k}) and 1
     * @param b B's memory
     * @param bOffset the element of {@code b} where B's first stored row starts
     * @param ldb B's leading dimension, at least its stored row length ({@code transB ? k : n}) and 1
     * @param beta the factor of C's old value (0: not read)
     * @param c C's memory, from element 0, overwritten
     * @param ldc C's leading dimension, at least n and 1
     */
    void gemm(DType dtype, boolean transA, boolean transB, int m, int n, int k, double alpha, Memory a, long aOffset,
            int lda, Memory b, long bOffset, int ldb, double beta, Memory c, int ldc);

    /**
     * Row-major {@code y = alpha·op(A)·x + beta·y}, A stored m x n from an element offset with a
     * leading dimension (as in {@link #gemm}); x and y are contiguous. With {@code beta == 0} y's old
     * elements are not read.
     *
     * @param dtype FLOAT32 or FLOAT64
     * @param transA whether to use Aᵀ (then x has m elements and y has n)
     * @param m rows of the stored A
     * @param n columns of the stored A
     * @param alpha the product's factor (rounded to float32 for FLOAT32)
     * @param a A's memory
     * @param aOffset the element of {@code a} where A's first row starts
     * @param lda A's leading dimension, at least n and 1
     * @param x x's memory
     * @param xOffset the element of {@code x} where the vector starts
     * @param beta the factor of y's old value (0: not read)
     * @param y y, from element 0, overwritten
     */
    void gemv(DType dtype, boolean transA, int m, int n, double alpha, Memory a, long aOffset, int lda, Memory x,
            long xOffset, double beta, Memory y);
}
