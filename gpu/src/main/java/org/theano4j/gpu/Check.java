package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.theano4j.bindings.cuda.cuda_h;
import org.theano4j.bindings.cuda.nvrtc_h;

/** Return-code checks for the three libraries: anything but 0 becomes a {@link CudaException}. */
final class Check {

    private static final String[] CUBLAS_STATUS = {
        "CUBLAS_STATUS_SUCCESS", "CUBLAS_STATUS_NOT_INITIALIZED", null, "CUBLAS_STATUS_ALLOC_FAILED",
        null, null, null, "CUBLAS_STATUS_INVALID_VALUE", "CUBLAS_STATUS_ARCH_MISMATCH", null, null,
        "CUBLAS_STATUS_MAPPING_ERROR", null, "CUBLAS_STATUS_EXECUTION_FAILED", "CUBLAS_STATUS_INTERNAL_ERROR",
        "CUBLAS_STATUS_NOT_SUPPORTED", "CUBLAS_STATUS_LICENSE_ERROR",
    };

    private Check() {
    }

    /** Checks a CUDA driver API result. */
    static void cu(String call, int result) {
        if (result != 0) {
            throw new CudaException(call, result, cuErrorName(result), null);
        }
    }

    /** Checks an NVRTC result; {@code detail} (e.g. the compile log) goes into the message. */
    static void nvrtc(String call, int result, String detail) {
        if (result != 0) {
            throw new CudaException(call, result, nvrtcErrorName(result), detail);
        }
    }

    /** Checks a cuBLAS status. */
    static void cublas(String call, int status) {
        if (status != 0) {
            throw new CudaException(call, status, cublasStatusName(status), null);
        }
    }

    /** The driver's name for a {@code CUresult}, e.g. {@code CUDA_ERROR_NO_DEVICE}. */
    static String cuErrorName(int result) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(cuda_h.C_POINTER);
            if (cuda_h.cuGetErrorName(result, name) == 0) {
                MemorySegment s = name.get(cuda_h.C_POINTER, 0);
                if (!s.equals(MemorySegment.NULL)) {
                    return s.getString(0);
                }
            }
        } catch (UnsatisfiedLinkError e) {
            // fall through to the number alone
        }
        return "CUresult " + result;
    }

    static String nvrtcErrorName(int result) {
        try {
            MemorySegment s = nvrtc_h.nvrtcGetErrorString(result);
            return s.equals(MemorySegment.NULL) ? "nvrtcResult " + result : s.getString(0);
        } catch (UnsatisfiedLinkError e) {
            return "nvrtcResult " + result;
        }
    }

    /** cuBLAS status names from {@code cublas_api.h}. */
    static String cublasStatusName(int status) {
        String name = status >= 0 && status < CUBLAS_STATUS.length ? CUBLAS_STATUS[status] : null;
        return name != null ? name : "cublasStatus_t " + status;
    }
}
