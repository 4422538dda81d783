// Bindings in jextract's generated layout for cublas_subset.h (cuBLAS v2 API); regenerate with native/regen-bindings.sh.
// Functions: the matching entries of native/include/allowlist.txt.

package org.theano4j.bindings.cuda;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * FFM downcalls into cuBLAS v2 ({@code libcublas.so}), one static method per C function, named as the
 * exported symbol. The library is looked up lazily on the first call of a function
 * (see {@link CudaLibraries}); nothing here throws at class initialisation, and a
 * call while the library is missing throws {@link UnsatisfiedLinkError} with
 * {@link #unavailableReason()}.
 */
public final class cublas_h {

    private cublas_h() {
    }

    /** C {@code char}. */
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    /** C {@code int} (also enums such as result codes). */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** C {@code long} and {@code size_t} (LP64). */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** C {@code long long} (also {@code CUdeviceptr}). */
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    /** C pointers. */
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    /**
     * Why cuBLAS v2 ({@code libcublas.so}) cannot be used, or empty when it loaded. Loads the library on the
     * first call; never throws.
     *
     * @return one line naming what is missing, or empty
     */
    public static Optional<String> unavailableReason() {
        return CudaLibraries.CUBLAS.unavailableReason();
    }

    private static final class cublasCreate_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasCreate_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasCreate_v2(cublasHandle_t *handle)
     * }
     */
    public static FunctionDescriptor cublasCreate_v2$descriptor() {
        return cublasCreate_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasCreate_v2(cublasHandle_t *handle)
     * }
     */
    public static MethodHandle cublasCreate_v2$handle() {
        return cublasCreate_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasCreate_v2(cublasHandle_t *handle)
     * }
     */
    public static int cublasCreate_v2(MemorySegment handle) {
        var mh$ = cublasCreate_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasDestroy_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasDestroy_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDestroy_v2(cublasHandle_t handle)
     * }
     */
    public static FunctionDescriptor cublasDestroy_v2$descriptor() {
        return cublasDestroy_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDestroy_v2(cublasHandle_t handle)
     * }
     */
    public static MethodHandle cublasDestroy_v2$handle() {
        return cublasDestroy_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasDestroy_v2(cublasHandle_t handle)
     * }
     */
    public static int cublasDestroy_v2(MemorySegment handle) {
        var mh$ = cublasDestroy_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasGetVersion_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasGetVersion_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasGetVersion_v2(cublasHandle_t handle, int *version)
     * }
     */
    public static FunctionDescriptor cublasGetVersion_v2$descriptor() {
        return cublasGetVersion_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasGetVersion_v2(cublasHandle_t handle, int *version)
     * }
     */
    public static MethodHandle cublasGetVersion_v2$handle() {
        return cublasGetVersion_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasGetVersion_v2(cublasHandle_t handle, int *version)
     * }
     */
    public static int cublasGetVersion_v2(MemorySegment handle, MemorySegment version) {
        var mh$ = cublasGetVersion_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, version);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasSetStream_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasSetStream_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasSetStream_v2(cublasHandle_t handle, cudaStream_t streamId)
     * }
     */
    public static FunctionDescriptor cublasSetStream_v2$descriptor() {
        return cublasSetStream_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasSetStream_v2(cublasHandle_t handle, cudaStream_t streamId)
     * }
     */
    public static MethodHandle cublasSetStream_v2$handle() {
        return cublasSetStream_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasSetStream_v2(cublasHandle_t handle, cudaStream_t streamId)
     * }
     */
    public static int cublasSetStream_v2(MemorySegment handle, MemorySegment streamId) {
        var mh$ = cublasSetStream_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, streamId);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasDgemm_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasDgemm_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const double *alpha, const double *A, int lda, const double *B, int ldb, const double *beta, double *C, int ldc)
     * }
     */
    public static FunctionDescriptor cublasDgemm_v2$descriptor() {
        return cublasDgemm_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const double *alpha, const double *A, int lda, const double *B, int ldb, const double *beta, double *C, int ldc)
     * }
     */
    public static MethodHandle cublasDgemm_v2$handle() {
        return cublasDgemm_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasDgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const double *alpha, const double *A, int lda, const double *B, int ldb, const double *beta, double *C, int ldc)
     * }
     */
    public static int cublasDgemm_v2(MemorySegment handle, int transa, int transb, int m, int n, int k, MemorySegment alpha, MemorySegment A, int lda, MemorySegment B, int ldb, MemorySegment beta, MemorySegment C, int ldc) {
        var mh$ = cublasDgemm_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasSgemm_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasSgemm_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasSgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const float *alpha, const float *A, int lda, const float *B, int ldb, const float *beta, float *C, int ldc)
     * }
     */
    public static FunctionDescriptor cublasSgemm_v2$descriptor() {
        return cublasSgemm_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasSgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const float *alpha, const float *A, int lda, const float *B, int ldb, const float *beta, float *C, int ldc)
     * }
     */
    public static MethodHandle cublasSgemm_v2$handle() {
        return cublasSgemm_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasSgemm_v2(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k, const float *alpha, const float *A, int lda, const float *B, int ldb, const float *beta, float *C, int ldc)
     * }
     */
    public static int cublasSgemm_v2(MemorySegment handle, int transa, int transb, int m, int n, int k, MemorySegment alpha, MemorySegment A, int lda, MemorySegment B, int ldb, MemorySegment beta, MemorySegment C, int ldc) {
        var mh$ = cublasSgemm_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasDgemv_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasDgemv_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m, int n, const double *alpha, const double *A, int lda, const double *x, int incx, const double *beta, double *y, int incy)
     * }
     */
    public static FunctionDescriptor cublasDgemv_v2$descriptor() {
        return cublasDgemv_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m, int n, const double *alpha, const double *A, int lda, const double *x, int incx, const double *beta, double *y, int incy)
     * }
     */
    public static MethodHandle cublasDgemv_v2$handle() {
        return cublasDgemv_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasDgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m, int n, const double *alpha, const double *A, int lda, const double *x, int incx, const double *beta, double *y, int incy)
     * }
     */
    public static int cublasDgemv_v2(MemorySegment handle, int trans, int m, int n, MemorySegment alpha, MemorySegment A, int lda, MemorySegment x, int incx, MemorySegment beta, MemorySegment y, int incy) {
        var mh$ = cublasDgemv_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasSgemv_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_POINTER, cublas_h.C_INT);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasSgemv_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasSgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m, int n, const float *alpha, const float *A, int lda, const float *x, int incx, const float *beta, float *y, int incy)
     * }
     */
    public static FunctionDescriptor cublasSgemv_v2$descriptor() {
        return cublasSgemv_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasSgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m, int n, const float *alpha, const float *A, int lda, const float *x, int incx, const float *beta, float *y, int incy)
     * }
     */
    public static MethodHandle cublasSgemv_v2$handle() {
        return cublasSgemv_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasSgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m, int n, const float *alpha, const float *A, int lda, const float *x, int incx, const float *beta, float *y, int incy)
     * }
     */
    public static int cublasSgemv_v2(MemorySegment handle, int trans, int m, int n, MemorySegment alpha, MemorySegment A, int lda, MemorySegment x, int incx, MemorySegment beta, MemorySegment y, int incy) {
        var mh$ = cublasSgemv_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class cublasDdot_v2 {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER, cublas_h.C_INT, cublas_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.CUBLAS.downcall("cublasDdot_v2", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDdot_v2(cublasHandle_t handle, int n, const double *x, int incx, const double *y, int incy, double *result)
     * }
     */
    public static FunctionDescriptor cublasDdot_v2$descriptor() {
        return cublasDdot_v2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * cublasStatus_t cublasDdot_v2(cublasHandle_t handle, int n, const double *x, int incx, const double *y, int incy, double *result)
     * }
     */
    public static MethodHandle cublasDdot_v2$handle() {
        return cublasDdot_v2.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * cublasStatus_t cublasDdot_v2(cublasHandle_t handle, int n, const double *x, int incx, const double *y, int incy, double *result)
     * }
     */
    public static int cublasDdot_v2(MemorySegment handle, int n, MemorySegment x, int incx, MemorySegment y, int incy, MemorySegment result) {
        var mh$ = cublasDdot_v2.HANDLE;
        try {
            return (int) mh$.invokeExact(handle, n, x, incx, y, incy, result);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
