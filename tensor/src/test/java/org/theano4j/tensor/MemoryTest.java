package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Unreachable arrays give their native memory back (bounded, no timing asserts). */
class MemoryTest {
    @Test
    void shortLivedArraysDoNotAccumulate() {
        long mib = 1L << 20;
        double checksum = 0;
        long peak = 0;
        long rssBefore = residentBytes();
        for (int i = 0; i < 2048; i++) {
            NDArray a = NDArray.zeros(DType.FLOAT64, mib / 8);
            a.setFlat(i, i);
            checksum += a.getFlat(i);
            peak = Math.max(peak, NativeMemory.liveBytes());
        }
        assertEquals(2047.0 * 2048 / 2, checksum);
        // 2 GiB were allocated; the GC trigger keeps live native memory near its 256 MiB threshold.
        assertTrue(peak < 1024 * mib, "live native bytes peaked at " + peak / mib + " MiB");
        long rssGrowth = residentBytes() - rssBefore;
        assertTrue(rssGrowth < 1024 * mib, "RSS grew by " + rssGrowth / mib + " MiB");
    }

    /** VmRSS from /proc (Linux), or 0 where unavailable. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Test
    void zeroSizeArraysWork() {
        NDArray a = NDArray.zeros(DType.FLOAT32, 0, 3);
        assertEquals(0, a.size());
        assertEquals(0, a.toDoubleArray().length);
        assertEquals(0, a.transpose().copy().size());
        assertEquals("array([], shape=(3, 0), dtype=float32)", a.transpose().toString());
    }
}
