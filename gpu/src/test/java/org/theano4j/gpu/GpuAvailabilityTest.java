package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
