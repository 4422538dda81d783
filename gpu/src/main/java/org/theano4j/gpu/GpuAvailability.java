package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import org.theano4j.bindings.cuda.cublas_h;
import org.theano4j.bindings.cuda.cuda_h;
import org.theano4j.bindings.cuda.nvrtc_h;
import org.theano4j.tensor.Flags;

/**
 * Whether this JVM can use the GPU backend: the driver loads, {@code cuInit} succeeds, a
 * device exists, and NVRTC and cuBLAS load. Probed once, on first use; never throws.
 * {@code -D}{@value #DISABLE_PROPERTY}{@code =true} turns the GPU off.
 */
public final class GpuAvailability {

    /** System property that, set to {@code true}, makes the GPU unavailable. */
    public static final String DISABLE_PROPERTY = "theano4j.gpu.disable";

    private static final int CUDA_ERROR_NO_DEVICE = 100;

    private GpuAvailability() {
    }

    private static final class Probe {
        static final String REASON = probe();
    }

    /** @return true when the GPU backend can be used */
    public static boolean isAvailable() {
        return Probe.REASON.isEmpty();
    }

    /**
     * One line saying why the GPU cannot be used, e.g. {@code libcuda.so.1 not found (no
     * NVIDIA driver)}, {@code no CUDA device}, {@code libcublas not found (install
     * nvidia-cublas, ...)}.
     *
     * @return the reason, or an empty string when the GPU is available
     */
    public static String reason() {
        return Probe.REASON;
    }

    private static String probe() {
        try {
            return firstProblem().orElse("");
        } catch (RuntimeException | LinkageError e) {
            return ("CUDA probe failed: " + e).replaceAll("\\s*\\R\\s*", " ");
        }
    }

    private static Optional<String> firstProblem() {
        if (Flags.getBoolean("gpu.disable")) {
            return Optional.of("disabled by -D" + DISABLE_PROPERTY + "=true");
        }
        Optional<String> driver = cuda_h.unavailableReason();
        if (driver.isPresent()) {
            return driver;
        }
        int init = cuda_h.cuInit(0);
        if (init == CUDA_ERROR_NO_DEVICE) {
            return Optional.of("no CUDA device (cuInit: CUDA_ERROR_NO_DEVICE)");
        }
        if (init != 0) {
            return Optional.of("cuInit failed: " + Check.cuErrorName(init));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(cuda_h.C_INT);
            int rc = cuda_h.cuDeviceGetCount(count);
            if (rc != 0) {
                return Optional.of("cuDeviceGetCount failed: " + Check.cuErrorName(rc));
            }
            if (count.get(cuda_h.C_INT, 0) == 0) {
                return Optional.of("no CUDA device");
            }
        }
        return nvrtc_h.unavailableReason().or(cublas_h::unavailableReason);
    }
}
