package org.theano4j.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Shared setup of the tests tagged {@code gpu}: skip, with the reason, where there is no GPU. */
final class GpuTests {

    private GpuTests() {
    }

    static void assumeGpu() {
        assumeTrue(GpuAvailability.isAvailable(), () -> "no GPU: " + GpuAvailability.reason());
    }
}
