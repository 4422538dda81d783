package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every allocation path (slab, calloc, JDK allocator, huge-page mapping) gives zeroed, aligned, right-sized memory. */
class NativeMemoryTest {
    private static final long MIB = 1L << 20;

    static Stream<Arguments> paths() {
        LongFunction<MemorySegment> any = n -> NativeMemory.allocate(n).segment;
        LongFunction<MemorySegment> normal = n -> NativeMemory.normal(n).segment;
        LongFunction<MemorySegment> huge = n -> NativeMemory.huge(n).segment;
        return Stream.of(
                Arguments.of("slab", any, 1L, 64L),
                Arguments.of("slab", any, 100L, 64L),
                Arguments.of("slab", any, NativeMemory.SMALL_BYTES, 64L),
                Arguments.of("allocate, normal", any, NativeMemory.SMALL_BYTES + 8, 64L),
                Arguments.of("allocate, normal", any, MIB + 24, 64L),
                Arguments.of("allocate, huge", any, 2 * MIB, 64L),
                Arguments.of("allocate, huge", any, 5 * MIB + 24, 64L),
                Arguments.of("normal", normal, 2 * MIB + 8, 64L),
                Arguments.of("normal", normal, 3 * MIB, 64L),
                Arguments.of("jdk", (LongFunction<MemorySegment>) n -> NativeMemory.jdk(n).segment, 3 * MIB, 64L),
                Arguments.of("huge", huge, 1L, HugePages.HUGE),
                Arguments.of("huge", huge, 2 * MIB, HugePages.HUGE),
                Arguments.of("huge", huge, 4 * MIB + 8, HugePages.HUGE),
                Arguments.of("huge", huge, 9 * MIB + 4100, HugePages.HUGE));
    }

    @ParameterizedTest(name = "{0} {2} bytes")
    @MethodSource("paths")
    void memoryIsZeroedAlignedAndSized(String path, LongFunction<MemorySegment> allocator, long bytes, long align) {
        // fill the previous allocation of this size with garbage, so that a reused block would show
        MemorySegment previous = allocator.apply(bytes);
        assertNotNull(previous, path + " is available");
        previous.fill((byte) 0x5A);
        previous = null;
        MemorySegment s = allocator.apply(bytes);
        assertEquals(bytes, s.byteSize(), path);
        assertEquals(0, s.address() % align, path + " alignment");
        long words = bytes / 8;
        for (long i = 0; i < words; i++) {
            assertEquals(0L, s.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i), path + " word " + i);
        }
        for (long i = words * 8; i < bytes; i++) {
            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, i), path + " byte " + i);
        }
        s.set(ValueLayout.JAVA_BYTE, bytes - 1, (byte) 7);
        assertEquals(7, s.get(ValueLayout.JAVA_BYTE, bytes - 1));
    }

    @Test
    void hugePagesAreAvailableOnLinux() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        // the build runs tests with --enable-native-access (pom.xml)
        assertEquals(os.startsWith("linux"), HugePages.available(), os);
    }

    @Test
    void zerosOfHugeArraysAreZeroAndUsable() {
        NDArray a = NDArray.zeros(DType.FLOAT64, NativeMemory.HUGE_BYTES / 8 + 5);
        assertEquals(0, a.segment().address() % (HugePages.available() ? HugePages.HUGE : 64));
        assertEquals(0.0, a.getFlat(a.size() - 1));
        a.setFlat(a.size() - 1, 2.5);
        assertEquals(2.5, a.getFlat(a.size() - 1));
    }

    @Test
    void shortLivedHugeArraysAreUnmapped() {
        long peak = 0;
        double checksum = 0;
        long rssBefore = MemoryTest.residentBytes();
        for (int i = 0; i < 512; i++) {
            // HUGE_BYTES (32 MiB) each, 16 GiB in all: one touched huge page per array stays resident unless unmapped
            NDArray a = NDArray.zeros(DType.FLOAT64, NativeMemory.HUGE_BYTES / 8);
            a.setFlat(i * 1000L, i);
            checksum += a.getFlat(i * 1000L);
            peak = Math.max(peak, NativeMemory.liveBytes());
        }
        assertEquals(511.0 * 512 / 2, checksum);
        assertTrue(peak < 2048 * MIB, "live native bytes peaked at " + peak / MIB + " MiB");
        long rssGrowth = MemoryTest.residentBytes() - rssBefore;
        assertTrue(rssGrowth < 768 * MIB, "RSS grew by " + rssGrowth / MIB + " MiB");
    }

    @Test
    void failedAllocationsLeaveTheAccountingAndTheTriggerIntact() {
        long before = NativeMemory.liveBytes();
        for (int i = 0; i < 3; i++) {
            // 2^60 bytes: no mapping and no malloc can succeed, whatever the machine
            assertThrows(OutOfMemoryError.class, () -> NDArray.zeros(DType.INT8, 1L << 60));
            assertThrows(OutOfMemoryError.class, () -> NativeMemory.normal(1L << 60));
            if (HugePages.available()) {
                assertEquals(null, NativeMemory.huge(1L << 60));
            }
        }
        // cleaners of earlier tests' arrays may only lower it meanwhile
        assertTrue(NativeMemory.liveBytes() <= before, "live bytes went from " + before + " to " + NativeMemory.liveBytes());
        long peak = 0;
        double checksum = 0;
        for (int i = 0; i < 2048; i++) {
            NDArray a = NDArray.zeros(DType.FLOAT64, MIB / 8);
            a.setFlat(i, i);
            checksum += a.getFlat(i);
            peak = Math.max(peak, NativeMemory.liveBytes() - before);
        }
        assertEquals(2047.0 * 2048 / 2, checksum);
        // 2 GiB of short-lived arrays: the collection trigger still keeps them near its 256 MiB threshold
        assertTrue(peak < 1024 * MIB, "live native bytes grew by up to " + peak / MIB + " MiB");
    }
}
