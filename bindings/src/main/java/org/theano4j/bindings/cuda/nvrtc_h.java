// Bindings in jextract's generated layout for nvrtc.h; regenerate with native/regen-bindings.sh.
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
 * FFM downcalls into NVRTC, the CUDA runtime compiler ({@code libnvrtc.so}), one static method per C function, named as the
 * exported symbol. The library is looked up lazily on the first call of a function
 * (see {@link CudaLibraries}); nothing here throws at class initialisation, and a
 * call while the library is missing throws {@link UnsatisfiedLinkError} with
 * {@link #unavailableReason()}.
 */
public final class nvrtc_h {

    private nvrtc_h() {
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
     * Why NVRTC, the CUDA runtime compiler ({@code libnvrtc.so}) cannot be used, or empty when it loaded. Loads the library on the
     * first call; never throws.
     *
     * @return one line naming what is missing, or empty
     */
    public static Optional<String> unavailableReason() {
        return CudaLibraries.NVRTC.unavailableReason();
    }

    private static final class nvrtcGetErrorString {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_POINTER, nvrtc_h.C_INT);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetErrorString", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *nvrtcGetErrorString(nvrtcResult result)
     * }
     */
    public static FunctionDescriptor nvrtcGetErrorString$descriptor() {
        return nvrtcGetErrorString.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *nvrtcGetErrorString(nvrtcResult result)
     * }
     */
    public static MethodHandle nvrtcGetErrorString$handle() {
        return nvrtcGetErrorString.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * const char *nvrtcGetErrorString(nvrtcResult result)
     * }
     */
    public static MemorySegment nvrtcGetErrorString(int result) {
        var mh$ = nvrtcGetErrorString.HANDLE;
        try {
            return (MemorySegment) mh$.invokeExact(result);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcVersion {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcVersion", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcVersion(int *major, int *minor)
     * }
     */
    public static FunctionDescriptor nvrtcVersion$descriptor() {
        return nvrtcVersion.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcVersion(int *major, int *minor)
     * }
     */
    public static MethodHandle nvrtcVersion$handle() {
        return nvrtcVersion.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcVersion(int *major, int *minor)
     * }
     */
    public static int nvrtcVersion(MemorySegment major, MemorySegment minor) {
        var mh$ = nvrtcVersion.HANDLE;
        try {
            return (int) mh$.invokeExact(major, minor);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcCreateProgram {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER, nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcCreateProgram", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcCreateProgram(nvrtcProgram *prog, const char *src, const char *name, int numHeaders, const char *const *headers, const char *const *includeNames)
     * }
     */
    public static FunctionDescriptor nvrtcCreateProgram$descriptor() {
        return nvrtcCreateProgram.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcCreateProgram(nvrtcProgram *prog, const char *src, const char *name, int numHeaders, const char *const *headers, const char *const *includeNames)
     * }
     */
    public static MethodHandle nvrtcCreateProgram$handle() {
        return nvrtcCreateProgram.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcCreateProgram(nvrtcProgram *prog, const char *src, const char *name, int numHeaders, const char *const *headers, const char *const *includeNames)
     * }
     */
    public static int nvrtcCreateProgram(MemorySegment prog, MemorySegment src, MemorySegment name, int numHeaders, MemorySegment headers, MemorySegment includeNames) {
        var mh$ = nvrtcCreateProgram.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, src, name, numHeaders, headers, includeNames);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcDestroyProgram {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcDestroyProgram", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcDestroyProgram(nvrtcProgram *prog)
     * }
     */
    public static FunctionDescriptor nvrtcDestroyProgram$descriptor() {
        return nvrtcDestroyProgram.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcDestroyProgram(nvrtcProgram *prog)
     * }
     */
    public static MethodHandle nvrtcDestroyProgram$handle() {
        return nvrtcDestroyProgram.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcDestroyProgram(nvrtcProgram *prog)
     * }
     */
    public static int nvrtcDestroyProgram(MemorySegment prog) {
        var mh$ = nvrtcDestroyProgram.HANDLE;
        try {
            return (int) mh$.invokeExact(prog);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcCompileProgram {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_INT, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcCompileProgram", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcCompileProgram(nvrtcProgram prog, int numOptions, const char *const *options)
     * }
     */
    public static FunctionDescriptor nvrtcCompileProgram$descriptor() {
        return nvrtcCompileProgram.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcCompileProgram(nvrtcProgram prog, int numOptions, const char *const *options)
     * }
     */
    public static MethodHandle nvrtcCompileProgram$handle() {
        return nvrtcCompileProgram.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcCompileProgram(nvrtcProgram prog, int numOptions, const char *const *options)
     * }
     */
    public static int nvrtcCompileProgram(MemorySegment prog, int numOptions, MemorySegment options) {
        var mh$ = nvrtcCompileProgram.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, numOptions, options);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcGetPTXSize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetPTXSize", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetPTXSize(nvrtcProgram prog, size_t *ptxSizeRet)
     * }
     */
    public static FunctionDescriptor nvrtcGetPTXSize$descriptor() {
        return nvrtcGetPTXSize.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetPTXSize(nvrtcProgram prog, size_t *ptxSizeRet)
     * }
     */
    public static MethodHandle nvrtcGetPTXSize$handle() {
        return nvrtcGetPTXSize.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetPTXSize(nvrtcProgram prog, size_t *ptxSizeRet)
     * }
     */
    public static int nvrtcGetPTXSize(MemorySegment prog, MemorySegment ptxSizeRet) {
        var mh$ = nvrtcGetPTXSize.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, ptxSizeRet);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcGetPTX {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetPTX", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetPTX(nvrtcProgram prog, char *ptx)
     * }
     */
    public static FunctionDescriptor nvrtcGetPTX$descriptor() {
        return nvrtcGetPTX.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetPTX(nvrtcProgram prog, char *ptx)
     * }
     */
    public static MethodHandle nvrtcGetPTX$handle() {
        return nvrtcGetPTX.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetPTX(nvrtcProgram prog, char *ptx)
     * }
     */
    public static int nvrtcGetPTX(MemorySegment prog, MemorySegment ptx) {
        var mh$ = nvrtcGetPTX.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, ptx);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcGetProgramLogSize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetProgramLogSize", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram prog, size_t *logSizeRet)
     * }
     */
    public static FunctionDescriptor nvrtcGetProgramLogSize$descriptor() {
        return nvrtcGetProgramLogSize.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram prog, size_t *logSizeRet)
     * }
     */
    public static MethodHandle nvrtcGetProgramLogSize$handle() {
        return nvrtcGetProgramLogSize.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetProgramLogSize(nvrtcProgram prog, size_t *logSizeRet)
     * }
     */
    public static int nvrtcGetProgramLogSize(MemorySegment prog, MemorySegment logSizeRet) {
        var mh$ = nvrtcGetProgramLogSize.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, logSizeRet);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcGetProgramLog {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetProgramLog", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetProgramLog(nvrtcProgram prog, char *log)
     * }
     */
    public static FunctionDescriptor nvrtcGetProgramLog$descriptor() {
        return nvrtcGetProgramLog.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetProgramLog(nvrtcProgram prog, char *log)
     * }
     */
    public static MethodHandle nvrtcGetProgramLog$handle() {
        return nvrtcGetProgramLog.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetProgramLog(nvrtcProgram prog, char *log)
     * }
     */
    public static int nvrtcGetProgramLog(MemorySegment prog, MemorySegment log) {
        var mh$ = nvrtcGetProgramLog.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, log);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class nvrtcGetCUBINSize {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetCUBINSize", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetCUBINSize(nvrtcProgram prog, size_t *cubinSizeRet)
     * }
     */
    public static FunctionDescriptor nvrtcGetCUBINSize$descriptor() {
        return nvrtcGetCUBINSize.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetCUBINSize(nvrtcProgram prog, size_t *cubinSizeRet)
     * }
     */
    public static MethodHandle nvrtcGetCUBINSize$handle() {
        return nvrtcGetCUBINSize.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetCUBINSize(nvrtcProgram prog, size_t *cubinSizeRet)
     * }
     */
    public static int nvrtcGetCUBINSize(MemorySegment prog, MemorySegment cubinSizeRet) {
        var mh$ = nvrtcGetCUBINSize.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, cubinSizeRet);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
    private static final class nvrtcGetCUBIN {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetCUBIN", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetCUBIN(nvrtcProgram prog, char *cubin)
     * }
     */
    public static FunctionDescriptor nvrtcGetCUBIN$descriptor() {
        return nvrtcGetCUBIN.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetCUBIN(nvrtcProgram prog, char *cubin)
     * }
     */
    public static MethodHandle nvrtcGetCUBIN$handle() {
        return nvrtcGetCUBIN.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetCUBIN(nvrtcProgram prog, char *cubin)
     * }
     */
    public static int nvrtcGetCUBIN(MemorySegment prog, MemorySegment cubin) {
        var mh$ = nvrtcGetCUBIN.HANDLE;
        try {
            return (int) mh$.invokeExact(prog, cubin);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
    private static final class nvrtcGetNumSupportedArchs {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetNumSupportedArchs", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetNumSupportedArchs(int *numArchs)
     * }
     */
    public static FunctionDescriptor nvrtcGetNumSupportedArchs$descriptor() {
        return nvrtcGetNumSupportedArchs.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetNumSupportedArchs(int *numArchs)
     * }
     */
    public static MethodHandle nvrtcGetNumSupportedArchs$handle() {
        return nvrtcGetNumSupportedArchs.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetNumSupportedArchs(int *numArchs)
     * }
     */
    public static int nvrtcGetNumSupportedArchs(MemorySegment numArchs) {
        var mh$ = nvrtcGetNumSupportedArchs.HANDLE;
        try {
            return (int) mh$.invokeExact(numArchs);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
    private static final class nvrtcGetSupportedArchs {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(nvrtc_h.C_INT, nvrtc_h.C_POINTER);
        static final MethodHandle HANDLE = CudaLibraries.NVRTC.downcall("nvrtcGetSupportedArchs", DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetSupportedArchs(int *supportedArchs)
     * }
     */
    public static FunctionDescriptor nvrtcGetSupportedArchs$descriptor() {
        return nvrtcGetSupportedArchs.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetSupportedArchs(int *supportedArchs)
     * }
     */
    public static MethodHandle nvrtcGetSupportedArchs$handle() {
        return nvrtcGetSupportedArchs.HANDLE;
    }

    /**
     * {@snippet lang=c :
     * nvrtcResult nvrtcGetSupportedArchs(int *supportedArchs)
     * }
     */
    public static int nvrtcGetSupportedArchs(MemorySegment supportedArchs) {
        var mh$ = nvrtcGetSupportedArchs.HANDLE;
        try {
            return (int) mh$.invokeExact(supportedArchs);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
