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
 * <p>All operands are contiguous; scalars are passed from the host (cuBLAS's default
 * pointer mode), so DOT returns when its result is on the host.
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
        checkGemm(Double.BYTES, m, n, k, a, b, c);
        try (Arena arena = Arena.ofConfined()) {
            Check.cublas("cublasDgemm_v2", cublas_h.cublasDgemm_v2(handle(),
                    op(transB), op(transA), n, m, k,
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, alpha), ptr(b), Math.max(1, transB ? k : n),
                    ptr(a), Math.max(1, transA ? m : k),
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, beta), ptr(c), Math.max(1, n)));
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
        checkGemm(Float.BYTES, m, n, k, a, b, c);
        try (Arena arena = Arena.ofConfined()) {
            Check.cublas("cublasSgemm_v2", cublas_h.cublasSgemm_v2(handle(),
                    op(transB), op(transA), n, m, k,
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, alpha), ptr(b), Math.max(1, transB ? k : n),
                    ptr(a), Math.max(1, transA ? m : k),
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, beta), ptr(c), Math.max(1, n)));
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
        checkGemv(Double.BYTES, transA, m, n, a, x, y);
        try (Arena arena = Arena.ofConfined()) {
            // Column-major view of A is the n x m matrix Aᵀ (leading dimension n).
            Check.cublas("cublasDgemv_v2", cublas_h.cublasDgemv_v2(handle(), transA ? OP_N : OP_T, n, m,
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, alpha), ptr(a), Math.max(1, n), ptr(x), 1,
                    arena.allocateFrom(ValueLayout.JAVA_DOUBLE, beta), ptr(y), 1));
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
        checkGemv(Float.BYTES, transA, m, n, a, x, y);
        try (Arena arena = Arena.ofConfined()) {
            Check.cublas("cublasSgemv_v2", cublas_h.cublasSgemv_v2(handle(), transA ? OP_N : OP_T, n, m,
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, alpha), ptr(a), Math.max(1, n), ptr(x), 1,
                    arena.allocateFrom(ValueLayout.JAVA_FLOAT, beta), ptr(y), 1));
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

    private static void checkGemm(int elem, int m, int n, int k, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm dimensions must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        requireBytes("A", a, (long) m * k * elem);
        requireBytes("B", b, (long) k * n * elem);
        requireBytes("C", c, (long) m * n * elem);
    }

    private static void checkGemv(int elem, boolean transA, int m, int n, DeviceBuffer a, DeviceBuffer x,
            DeviceBuffer y) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException("gemv dimensions must be >= 0, got m=" + m + " n=" + n);
        }
        requireBytes("A", a, (long) m * n * elem);
        requireBytes("x", x, (long) (transA ? m : n) * elem);
        requireBytes("y", y, (long) (transA ? n : m) * elem);
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
