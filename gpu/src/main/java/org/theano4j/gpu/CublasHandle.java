package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.theano4j.bindings.cuda.cublas_h;

/**
 * A cuBLAS handle with row-major GEMM, GEMV and DOT on device buffers.
 *
 * <p><b>Row-major convention.</b> theano4j stores matrices row-major (C order); cuBLAS
 * reads them column-major. A row-major {@code r x c} array is, read column-major, its
 * transpose ({@code c x r}, leading dimension {@code c}). So for row-major
 * {@code C = op(A)·op(B)} this class asks cuBLAS for the column-major
 * {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}: it passes B before A, swaps {@code m} and {@code n}, and
 * the leading dimensions are the row lengths of the stored arrays. No data moves.
 * Likewise GEMV on a row-major {@code m x n} A calls column-major GEMV on the
 * {@code n x m} matrix Aᵀ with the transpose flag flipped.
 *
 * <p>The overloads with offsets and leading dimensions read a matrix stored row-major from an
 * element offset of its buffer, consecutive rows {@code ld} elements apart ({@code ld} at least the
 * stored row length): a row-major leading dimension is the column-major one of the transpose, so
 * it is passed through unchanged. That reads a row-slice or column-slice of a wider matrix, and with
 * the transpose flags a transposed view of one, in place. The others take whole contiguous buffers.
 * Vectors are contiguous; scalars are passed from the host (cuBLAS's default pointer mode), so DOT
 * returns when its result is on the host.
 */
public final class CublasHandle implements AutoCloseable {

    private static final int OP_N = 0;
    private static final int OP_T = 1;

    private final MemorySegment handle;
    private boolean closed;

    private CublasHandle(MemorySegment handle) {
        this.handle = handle;
    }

    /**
     * Creates a handle in a context (made current in this thread).
     *
     * @param context the context
     * @return the handle, on the default stream
     * @throws CudaException when {@code cublasCreate_v2} fails
     */
    public static CublasHandle create(CudaContext context) {
        context.makeCurrent();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(cublas_h.C_POINTER);
            Check.cublas("cublasCreate_v2", cublas_h.cublasCreate_v2(out));
            return new CublasHandle(out.get(cublas_h.C_POINTER, 0).reinterpret(0));
        }
    }

    /** @return cuBLAS's version, e.g. {@code 130100} for 13.1.0 */
    public int version() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(cublas_h.C_INT);
            Check.cublas("cublasGetVersion_v2", cublas_h.cublasGetVersion_v2(handle(), v));
            return v.get(cublas_h.C_INT, 0);
        }
    }

    /**
     * Queues later calls on a stream.
     *
     * @param stream the stream
     */
    public void setStream(CudaStream stream) {
        Check.cublas("cublasSetStream_v2", cublas_h.cublasSetStream_v2(handle(), stream.handle()));
    }

    /**
     * Row-major {@code C = alpha·op(A)·op(B) + beta·C} in double precision, with
     * {@code op(A)} of shape {@code m x k}, {@code op(B)} {@code k x n}, C {@code m x n}.
     *
     * @param transA whether A is stored as {@code k x m} and used transposed
     * @param transB whether B is stored as {@code n x k} and used transposed
     * @param m rows of C
     * @param n columns of C
     * @param k the shared dimension
     * @param alpha scale of the product
     * @param a A's buffer
     * @param b B's buffer
     * @param beta scale of C's old value (0 ignores it)
     * @param c C's buffer
     */
    public void dgemm(boolean transA, boolean transB, int m, int n, int k,
            double alpha, DeviceBuffer a, DeviceBuffer b, double beta, DeviceBuffer c) {
        dgemm(transA, transB, m, n, k, alpha, a, 0, packedLd(transA, m, k), b, 0, packedLd(transB, k, n), beta, c,
                Math.max(1, n));
    }

    /**
     * {@link #dgemm(boolean, boolean, int, int, int, double, DeviceBuffer, DeviceBuffer, double, DeviceBuffer)}
     * on matrices stored from an element offset with a leading dimension (see the class comment).
     *
     * @param transA whether A is stored as {@code k x m} and used transposed
     * @param transB whether B is stored as {@code n x k} and used transposed
     * @param m rows of C
     * @param n columns of C
     * @param k the shared dimension
     * @param alpha scale of the product
     * @param a A's buffer
     * @param aOffset the element of {@code a} where A starts
     * @param lda elements between A's stored rows, at least its stored row length and 1
     * @param b B's buffer
     * @param bOffset the element of {@code b} where B starts
     * @param ldb elements between B's stored rows, at least its stored row length and 1
     * @param beta scale of C's old value (0 ignores it)
     * @param c C's buffer, from element 0
     * @param ldc elements between C's rows, at least n and 1
     */
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
            DeviceBuffer a, long aOffset, int lda, DeviceBuffer b, long bOffset, int ldb,
            double beta, DeviceBuffer c, int ldc) {
        checkGemm(Double.BYTES, transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, ldc);
        try (Arena arena = Arena.ofConfined()) {
            Check.cublas("cublasDgemm_v2", cublas_h.cublasDgemm_v2(handle(),
                    op(transB), op(transA), n, m, k,
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, alpha), ptr(b, bOffset, Double.BYTES), ldb,
                    ptr(a, aOffset, Double.BYTES), lda,
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, beta), ptr(c), ldc));
        }
    }

    /**
     * Single-precision {@link #dgemm}: row-major {@code C = alpha·op(A)·op(B) + beta·C}.
     *
     * @param transA whether A is stored as {@code k x m} and used transposed
     * @param transB whether B is stored as {@code n x k} and used transposed
     * @param m rows of C
     * @param n columns of C
     * @param k the shared dimension
     * @param alpha scale of the product
     * @param a A's buffer
     * @param b B's buffer
     * @param beta scale of C's old value (0 ignores it)
     * @param c C's buffer
     */
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
            float alpha, DeviceBuffer a, DeviceBuffer b, float beta, DeviceBuffer c) {
        sgemm(transA, transB, m, n, k, alpha, a, 0, packedLd(transA, m, k), b, 0, packedLd(transB, k, n), beta, c,
                Math.max(1, n));
    }

    /**
     * Single-precision {@link #dgemm(boolean, boolean, int, int, int, double, DeviceBuffer, long, int,
     * DeviceBuffer, long, int, double, DeviceBuffer, int)}: offsets and leading dimensions.
     *
     * @param transA whether A is stored as {@code k x m} and used transposed
     * @param transB whether B is stored as {@code n x k} and used transposed
     * @param m rows of C
     * @param n columns of C
     * @param k the shared dimension
     * @param alpha scale of the product
     * @param a A's buffer
     * @param aOffset the element of {@code a} where A starts
     * @param lda elements between A's stored rows, at least its stored row length and 1
     * @param b B's buffer
     * @param bOffset the element of {@code b} where B starts
     * @param ldb elements between B's stored rows, at least its stored row length and 1
     * @param beta scale of C's old value (0 ignores it)
     * @param c C's buffer, from element 0
     * @param ldc elements between C's rows, at least n and 1
     */
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            DeviceBuffer a, long aOffset, int lda, DeviceBuffer b, long bOffset, int ldb,
            float beta, DeviceBuffer c, int ldc) {
        checkGemm(Float.BYTES, transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, ldc);
        try (Arena arena = Arena.ofConfined()) {
            Check.cublas("cublasSgemm_v2", cublas_h.cublasSgemm_v2(handle(),
                    op(transB), op(transA), n, m, k,
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, alpha), ptr(b, bOffset, Float.BYTES), ldb,
                    ptr(a, aOffset, Float.BYTES), lda,
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, beta), ptr(c), ldc));
        }
    }

    /**
     * Row-major {@code y = alpha·op(A)·x + beta·y} in double precision, A stored {@code m x n}.
     *
     * @param transA whether to use Aᵀ ({@code x} has m elements, {@code y} n) instead of A
     *        ({@code x} has n, {@code y} m)
     * @param m rows of the stored A
     * @param n columns of the stored A
     * @param alpha scale of the product
     * @param a A's buffer
     * @param x the vector
     * @param beta scale of y's old value (0 ignores it)
     * @param y the result
     */
    public void dgemv(boolean transA, int m, int n, double alpha, DeviceBuffer a, DeviceBuffer x,
            double beta, DeviceBuffer y) {
        dgemv(transA, m, n, alpha, a, 0, Math.max(1, n), x, 0, beta, y);
    }

    /**
     * {@link #dgemv(boolean, int, int, double, DeviceBuffer, DeviceBuffer, double, DeviceBuffer)} on an
     * A stored from an element offset with a leading dimension, and an x from an element offset.
     *
     * @param transA whether to use Aᵀ instead of A
     * @param m rows of the stored A
     * @param n columns of the stored A
     * @param alpha scale of the product
     * @param a A's buffer
     * @param aOffset the element of {@code a} where A starts
     * @param lda elements between A's rows, at least n and 1
     * @param x the vector's buffer
     * @param xOffset the element of {@code x} where the vector starts
     * @param beta scale of y's old value (0 ignores it)
     * @param y the result, from element 0
     */
    public void dgemv(boolean transA, int m, int n, double alpha, DeviceBuffer a, long aOffset, int lda,
            DeviceBuffer x, long xOffset, double beta, DeviceBuffer y) {
        checkGemv(Double.BYTES, transA, m, n, a, aOffset, lda, x, xOffset, y);
        try (Arena arena = Arena.ofConfined()) {
            // Column-major view of A is the n x m matrix Aᵀ (leading dimension lda).
            Check.cublas("cublasDgemv_v2", cublas_h.cublasDgemv_v2(handle(), transA ? OP_N : OP_T, n, m,
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, alpha), ptr(a, aOffset, Double.BYTES), lda,
                    ptr(x, xOffset, Double.BYTES), 1, arena.allocateFrom(ValueLayout.JAVA_DOUBLE, beta), ptr(y), 1));
        }
    }

    /**
     * Single-precision {@link #dgemv}: row-major {@code y = alpha·op(A)·x + beta·y}.
     *
     * @param transA whether to use Aᵀ instead of A
     * @param m rows of the stored A
     * @param n columns of the stored A
     * @param alpha scale of the product
     * @param a A's buffer
     * @param x the vector
     * @param beta scale of y's old value (0 ignores it)
     * @param y the result
     */
    public void sgemv(boolean transA, int m, int n, float alpha, DeviceBuffer a, DeviceBuffer x,
            float beta, DeviceBuffer y) {
        sgemv(transA, m, n, alpha, a, 0, Math.max(1, n), x, 0, beta, y);
    }

    /**
     * Single-precision {@link #dgemv(boolean, int, int, double, DeviceBuffer, long, int, DeviceBuffer, long,
     * double, DeviceBuffer)}: offsets and a leading dimension.
     *
     * @param transA whether to use Aᵀ instead of A
     * @param m rows of the stored A
     * @param n columns of the stored A
     * @param alpha scale of the product
     * @param a A's buffer
     * @param aOffset the element of {@code a} where A starts
     * @param lda elements between A's rows, at least n and 1
     * @param x the vector's buffer
     * @param xOffset the element of {@code x} where the vector starts
     * @param beta scale of y's old value (0 ignores it)
     * @param y the result, from element 0
     */
    public void sgemv(boolean transA, int m, int n, float alpha, DeviceBuffer a, long aOffset, int lda,
            DeviceBuffer x, long xOffset, float beta, DeviceBuffer y) {
        checkGemv(Float.BYTES, transA, m, n, a, aOffset, lda, x, xOffset, y);
        try (Arena arena = Arena.ofConfined()) {
            Check.cublas("cublasSgemv_v2", cublas_h.cublasSgemv_v2(handle(), transA ? OP_N : OP_T, n, m,
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, alpha), ptr(a, aOffset, Float.BYTES), lda,
                    ptr(x, xOffset, Float.BYTES), 1, arena.allocateFrom(ValueLayout.JAVA_FLOAT, beta), ptr(y), 1));
        }
    }

    /**
     * The dot product of two double vectors; blocks until the result is on the host.
     *
     * @param n number of elements
     * @param x first vector
     * @param y second vector
     * @return {@code sum x[i]·y[i]}
     */
    public double ddot(int n, DeviceBuffer x, DeviceBuffer y) {
        requireBytes("x", x, (long) n * Double.BYTES);
        requireBytes("y", y, (long) n * Double.BYTES);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = arena.allocate(ValueLayout.JAVA_DOUBLE);
            Check.cublas("cublasDdot_v2", cublas_h.cublasDdot_v2(handle(), n, ptr(x), 1, ptr(y), 1, result));
            return result.get(ValueLayout.JAVA_DOUBLE, 0);
        }
    }

    private static void checkGemm(int elem, boolean transA, boolean transB, int m, int n, int k,
            DeviceBuffer a, long aOffset, int lda, DeviceBuffer b, long bOffset, int ldb, DeviceBuffer c, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm dimensions must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        requireMatrix("A", a, elem, aOffset, transA ? k : m, transA ? m : k, lda);
        requireMatrix("B", b, elem, bOffset, transB ? n : k, transB ? k : n, ldb);
        requireMatrix("C", c, elem, 0, m, n, ldc);
    }

    private static void checkGemv(int elem, boolean transA, int m, int n, DeviceBuffer a, long aOffset, int lda,
            DeviceBuffer x, long xOffset, DeviceBuffer y) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException("gemv dimensions must be >= 0, got m=" + m + " n=" + n);
        }
        requireMatrix("A", a, elem, aOffset, m, n, lda);
        int xs = transA ? m : n;
        requireMatrix("x", x, elem, xOffset, 1, xs, Math.max(1, xs));
        requireBytes("y", y, (long) (transA ? n : m) * elem);
    }

    /** The leading dimension of a packed row-major operand of {@code op(X)} rows x cols. */
    private static int packedLd(boolean trans, int rows, int cols) {
        return Math.max(1, trans ? rows : cols);
    }

    /**
     * Checks that a row-major {@code rows x cols} matrix stored from element {@code offset} with
     * leading dimension {@code ld} lies within the buffer, and that {@code ld} is what cuBLAS accepts.
     */
    static void requireMatrix(String name, DeviceBuffer buffer, int elem, long offset, long rows, long cols, long ld) {
        if (offset < 0 || ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(name + ": offset " + offset + " must be >= 0 and the leading dimension "
                    + ld + " >= max(1, " + cols + ")");
        }
        long elements = rows == 0 || cols == 0 ? 0 : offset + (rows - 1) * ld + cols;
        requireBytes(name, buffer, elements * elem);
    }

    static void requireBytes(String name, DeviceBuffer buffer, long bytes) {
        if (buffer.byteSize() < bytes) {
            throw new IllegalArgumentException(
                    name + " needs " + bytes + " bytes, its device buffer has " + buffer.byteSize());
        }
    }

    private static int op(boolean transpose) {
        return transpose ? OP_T : OP_N;
    }

    private static MemorySegment ptr(DeviceBuffer buffer) {
        return MemorySegment.ofAddress(buffer.address());
    }

    /** The device address of element {@code offset} of a buffer of {@code elem}-byte elements. */
    private static MemorySegment ptr(DeviceBuffer buffer, long offset, int elem) {
        return MemorySegment.ofAddress(buffer.address() + offset * elem);
    }

    private MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException("cuBLAS handle is closed");
        }
        return handle;
    }

    /** Destroys the handle; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Check.cublas("cublasDestroy_v2", cublas_h.cublasDestroy_v2(handle));
        }
    }
}
