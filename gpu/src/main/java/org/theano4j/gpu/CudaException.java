package org.theano4j.gpu;

/**
 * A CUDA, NVRTC or cuBLAS call returned an error. The message names the call and the
 * library's name for the error, e.g. {@code cuMemAlloc_v2 failed: CUDA_ERROR_OUT_OF_MEMORY (2)}.
 */
public class CudaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The CUDA/cuBLAS/NVRTC function that failed. */
    private final String call;
    /** Its return code. */
    private final int code;
    /** The library's name for the code, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY}. */
    private final String errorName;

    /**
     * @param call the C function that failed
     * @param code its return code
     * @param errorName the library's name for {@code code}
     * @param detail more text for the message (e.g. a compile log), or null
     */
    public CudaException(String call, int code, String errorName, String detail) {
        super(call + " failed: " + errorName + " (" + code + ")" + (detail == null || detail.isBlank() ? "" : "\n" + detail));
        this.call = call;
        this.code = code;
        this.errorName = errorName;
    }

    /** @return the C function that failed */
    public String call() {
        return call;
    }

    /** @return the return code */
    public int code() {
        return code;
    }

    /** @return the library's name for the return code, e.g. {@code CUDA_ERROR_INVALID_VALUE} */
    public String errorName() {
        return errorName;
    }
}
