package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

class GpuAvailabilityTest {

    @Test
    void answersWithoutThrowingAndGivesOneLineWhenUnavailable() {
        boolean available = GpuAvailability.isAvailable();
        String reason = GpuAvailability.reason();
        assertEquals(available, reason.isEmpty(), reason);
        if (!available) {
            assertFalse(reason.isBlank());
            assertFalse(reason.contains("\n"), reason);
            System.out.println("GPU unavailable: " + reason);
        }
    }

    @Test
    void theDeviceOfAnUnusableGpuIsAnIllegalStateWithTheReasonEveryTime() {
        assumeFalse(GpuAvailability.isAvailable(), "a GPU is available here");
        for (int k = 0; k < 2; k++) { // a failed static initialiser would be NoClassDefFoundError the second time
            IllegalStateException e = assertThrows(IllegalStateException.class, GpuDevice::get);
            assertEquals("the GPU is not usable: " + GpuAvailability.reason(), e.getMessage());
        }
    }

    @Test
    void aFailedStepIsOneLineNamingTheStepAndTheCause() {
        ProbeSteps.Unusable e = assertThrows(ProbeSteps.Unusable.class, () -> ProbeSteps.step("module load", () -> {
            throw new CudaException("cuModuleLoadData", 222, "CUDA_ERROR_UNSUPPORTED_PTX_VERSION", null);
        }));
        assertEquals("module load: cuModuleLoadData failed: CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222)", e.getMessage());
        e = assertThrows(ProbeSteps.Unusable.class, () -> ProbeSteps.step("cublasCreate", () -> {
            throw new ExceptionInInitializerError(new UnsatisfiedLinkError("cublasCreate_v2: symbol not found\nin x"));
        }));
        assertEquals("cublasCreate: ExceptionInInitializerError caused by UnsatisfiedLinkError: cublasCreate_v2: symbol not found in x",
                e.getMessage());
        e = assertThrows(ProbeSteps.Unusable.class, () -> ProbeSteps.step("NVRTC compile for sm_90", () -> {
            throw new NoClassDefFoundError("org/theano4j/gpu/Missing");
        }));
        assertEquals("NVRTC compile for sm_90: NoClassDefFoundError: org/theano4j/gpu/Missing", e.getMessage());
        ProbeSteps.Unusable inner = ProbeSteps.fail("no CUDA device");
        assertSame(inner, assertThrows(ProbeSteps.Unusable.class, () -> ProbeSteps.step("outer", () -> {
            throw inner;
        })));
        assertEquals(7, (int) ProbeSteps.step("fine", () -> 7));
    }

    @Test
    void architecturesFollowTheDeviceAndWhatNvrtcSupports() {
        int[] cuda13 = {75, 80, 86, 87, 88, 89, 90, 100, 103, 110, 120, 121};
        assertEquals(new GpuArch(90, true), GpuArch.choose(90, cuda13, null));
        assertEquals("--gpu-architecture=sm_90", GpuArch.choose(90, cuda13, null).option());
        assertEquals(new GpuArch(121, false), GpuArch.choose(130, cuda13, null), "newer than NVRTC knows: PTX, JIT");
        assertEquals(new GpuArch(80, false), GpuArch.choose(90, cuda13, "compute_80"), "the flag wins");
        assertEquals("sm_100", GpuArch.parse("sm_100").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuArch.choose(70, cuda13, null));
        assertTrue(e.getMessage().contains("compute capability 7.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GpuArch.parse("hopper"));
        assertEquals("gpu.arch must look like sm_90 or compute_90, got 'hopper'", e.getMessage());
    }
}
