package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shared setup of the tests tagged {@code gpu}: skip, with the reason, where there is no GPU;
 * with {@code -D}{@value #REQUIRE_PROPERTY}{@code =true} (set by {@code run-gpu-tests.sh}) fail
 * instead, so a GPU run that cannot reach the GPU does not pass by skipping everything.
 */
final class GpuTests {

    /** System property that turns a missing GPU from a skip into a failure. */
    static final String REQUIRE_PROPERTY = "theano4j.gpu.require";

    private GpuTests() {
    }

    static void assumeGpu() {
        if (Boolean.getBoolean(REQUIRE_PROPERTY) && !GpuAvailability.isAvailable()) {
            fail("GPU required (-D" + REQUIRE_PROPERTY + "=true) but unusable: " + GpuAvailability.reason());
        }
        assumeTrue(GpuAvailability.isAvailable(), () -> "no GPU: " + GpuAvailability.reason());
    }
}
