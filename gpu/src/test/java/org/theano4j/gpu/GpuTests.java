package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shared setup of the tests tagged {@code gpu}: skip, with the reason, where there is no GPU;
 * with the flag {@code gpu.require} ({@code -D}{@value GpuAvailability#REQUIRE_PROPERTY}{@code =true},
 * set by {@code run-gpu-tests.sh}) fail instead, so a GPU run that cannot reach the GPU does not
 * pass by skipping everything.
 */
final class GpuTests {

    private GpuTests() {
    }

    static void assumeGpu() {
        if (GpuAvailability.required() && !GpuAvailability.isAvailable()) {
            fail("GPU required (-D" + GpuAvailability.REQUIRE_PROPERTY + "=true) but unusable: " + GpuAvailability.reason());
        }
        assumeTrue(GpuAvailability.isAvailable(), () -> "no GPU: " + GpuAvailability.reason());
    }
}
