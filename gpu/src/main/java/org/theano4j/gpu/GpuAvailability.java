package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;
import org.theano4j.bindings.cuda.cublas_h;
import org.theano4j.bindings.cuda.cuda_h;
import org.theano4j.bindings.cuda.nvrtc_h;
import org.theano4j.tensor.Flags;

/**
 * Whether this JVM can use the GPU backend, probed once, on first use, step by step: the driver
 * loads, {@code cuInit}, a device exists, NVRTC loads, the primary context is retained, NVRTC
 * compiles a tiny kernel for the device's architecture, the module loads, cuBLAS loads and
 * {@code cublasCreate} succeeds. The first step that fails is the {@link #reason()}, one line
 * naming it; nothing throws. The probe's context, compiler and cuBLAS handle become the backend's
 * {@link GpuDevice}. {@code -D}{@value #DISABLE_PROPERTY}{@code =true} turns the GPU off.
 */
public final class GpuAvailability {

    /** System property that, set to {@code true}, makes the GPU unavailable. */
    public static final String DISABLE_PROPERTY = "theano4j.gpu.disable";
    /** System property that, set to {@code true}, makes an unusable GPU an error instead of a skip or fallback. */
    public static final String REQUIRE_PROPERTY = "theano4j.gpu.require";

    private static final int CUDA_ERROR_NO_DEVICE = 100;
    private static final int ATTRIBUTE_CC_MAJOR = 75;
    private static final int ATTRIBUTE_CC_MINOR = 76;
    private static final String PROBE_KERNEL = "extern \"C\" __global__ void t4j_probe(float* x) { x[threadIdx.x] += 1.0f; }";

    private GpuAvailability() {
    }

    /** The probe's outcome: the device, or why there is none. */
    private record Outcome(GpuDevice device, String reason) {
    }

    private static final class Probe {
        static final Outcome OUTCOME = probe();
    }

    /** @return true when the GPU backend can be used */
    public static boolean isAvailable() {
        return Probe.OUTCOME.device() != null;
    }

    /**
     * One line saying why the GPU cannot be used, e.g. {@code libcuda.so.1 not found (no
     * NVIDIA driver)}, {@code no CUDA device (cuInit: CUDA_ERROR_NO_DEVICE)},
     * {@code module load: cuModuleLoadData failed: CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222)}.
     *
     * @return the reason, or an empty string when the GPU is available
     */
    public static String reason() {
        return Probe.OUTCOME.reason();
    }

    /**
     * Whether the flag {@code gpu.require} is set: then an unusable GPU is an error where it would
     * otherwise be skipped or fallen back from.
     *
     * @return the flag's value
     */
    public static boolean required() {
        return Flags.getBoolean("gpu.require");
    }

    /**
     * The probed device.
     *
     * @return the device state the backend's kernels share
     * @throws IllegalStateException with {@link #reason()} when the GPU is unusable
     */
    static GpuDevice device() {
        Outcome o = Probe.OUTCOME;
        if (o.device() == null) {
            throw new IllegalStateException("the GPU is not usable: " + o.reason());
        }
        return o.device();
    }

    private static Outcome probe() {
        try {
            return new Outcome(open(), "");
        } catch (ProbeSteps.Unusable u) {
            return new Outcome(null, u.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(null, "CUDA probe failed: " + ProbeSteps.describe(e));
        }
    }

    private static GpuDevice open() {
        ProbeSteps.step("flags", () -> {
            if (Flags.getBoolean("gpu.disable")) {
                throw ProbeSteps.fail("disabled by -D" + DISABLE_PROPERTY + "=true");
            }
            return null;
        });
        library(cuda_h.unavailableReason());
        int init = ProbeSteps.step("cuInit", () -> cuda_h.cuInit(0));
        if (init == CUDA_ERROR_NO_DEVICE) {
            throw ProbeSteps.fail("no CUDA device (cuInit: CUDA_ERROR_NO_DEVICE)");
        } else if (init != 0) {
            throw ProbeSteps.fail("cuInit failed: " + Check.cuErrorName(init));
        }
        if (ProbeSteps.step("cuDeviceGetCount", GpuAvailability::deviceCount) == 0) {
            throw ProbeSteps.fail("no CUDA device");
        }
        library(nvrtc_h.unavailableReason());
        CudaContext context = ProbeSteps.step("context retain", CudaContext::open);
        try {
            return withContext(context);
        } catch (RuntimeException e) {
            try {
                context.close();
            } catch (RuntimeException ignored) {
                // the reason is the failed step, not the release
            }
            throw e;
        }
    }

    private static GpuDevice withContext(CudaContext context) {
        int cc = ProbeSteps.step("compute capability", () -> 10 * attribute(context, ATTRIBUTE_CC_MAJOR)
                + attribute(context, ATTRIBUTE_CC_MINOR));
        GpuArch arch = ProbeSteps.step("architecture", () -> GpuArch.choose(cc, NvrtcProgram.supportedArchs(),
                Flags.get("gpu.arch")));
        String cacheDir = ProbeSteps.step("flags", () -> Flags.get("gpu.cacheDir"));
        NvrtcCompiler compiler = new NvrtcCompiler(cacheDir == null ? null : Path.of(cacheDir));
        NvrtcCompiler.Image image = ProbeSteps.step("NVRTC compile for " + arch,
                () -> compiler.compile(PROBE_KERNEL, "t4j_probe.cu", arch));
        ProbeSteps.step("module load", () -> CudaModule.load(context, image.bytes()).kernel("t4j_probe"));
        library(cublas_h.unavailableReason());
        CublasHandle cublas = ProbeSteps.step("cublasCreate", () -> CublasHandle.create(context));
        return new GpuDevice(context, arch, compiler, cublas);
    }

    private static void library(Optional<String> unavailable) {
        unavailable.ifPresent(r -> {
            throw ProbeSteps.fail(r);
        });
    }

    private static int deviceCount() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(cuda_h.C_INT);
            Check.cu("cuDeviceGetCount", cuda_h.cuDeviceGetCount(count));
            return count.get(cuda_h.C_INT, 0);
        }
    }

    private static int attribute(CudaContext context, int attribute) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(cuda_h.C_INT);
            Check.cu("cuDeviceGetAttribute(" + attribute + ")",
                    cuda_h.cuDeviceGetAttribute(value, attribute, context.device()));
            return value.get(cuda_h.C_INT, 0);
        }
    }
}
