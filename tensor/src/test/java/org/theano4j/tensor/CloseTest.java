package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deterministic release: close(), MemoryScope, use-after-close errors, and slabs shared by virtual threads. */
class CloseTest {
    private static final long MIB = 1L << 20;

    /** Every way of reading or writing a closed array is an IllegalStateException. */
    private static final List<Consumer<NDArray>> USES = List.of(NDArray::segment, a -> a.getDouble(0), a -> a.setFlat(0, 1),
            NDArray::copy, NDArray::toDoubleArray, NDArray::toString, a -> a.copyFrom(NDArray.of(new double[] {1, 2, 3})),
            a -> NDArray.zeros(DType.FLOAT64, 3).copyFrom(a));

    @ParameterizedTest(name = "{0} elements")
    @ValueSource(longs = {3, 3 * 1024, 5 * 1024 * 1024})
    void aClosedArrayAndItsViewsCannotBeUsed(long n) {
        NDArray a = NDArray.zeros(DType.FLOAT64, n);
        NDArray view = a.slice(0, 0, 3, 1);
        a.close();
        assertTrue(a.isClosed() && view.isClosed());
        for (Consumer<NDArray> use : USES) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> use.accept(view));
            assertTrue(e.getMessage().contains("was closed"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> use.accept(a));
        }
        a.close();
        view.close();
    }

    @Test
    void closingReleasesLargeMemoryAtOnce() {
        long before = NativeMemory.liveBytes();
        List<NDArray> arrays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            arrays.add(NDArray.zeros(DType.FLOAT64, MIB)); // 8 MiB each
        }
        assertTrue(NativeMemory.liveBytes() - before >= 64 * MIB);
        arrays.forEach(NDArray::close);
        assertTrue(NativeMemory.liveBytes() - before < 8 * MIB, (NativeMemory.liveBytes() - before) / MIB + " MiB still live");
    }

    @Test
    void closingAWrappedArrayLeavesTheCallersMemoryAlone() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = arena.allocate(24);
            mine.setAtIndex(ValueLayout.JAVA_DOUBLE, 1, 4.5);
            NDArray a = NDArray.wrap(mine, DType.FLOAT64, 3);
            a.close();
            assertThrows(IllegalStateException.class, () -> a.getDouble(1));
            assertEquals(4.5, mine.getAtIndex(ValueLayout.JAVA_DOUBLE, 1));
        }
    }

    @Test
    void aScopeClosesWhatItTracksAndWhatIsAdoptedIntoIt() {
        NDArray outside = NDArray.zeros(DType.FLOAT64, 4);
        NDArray tracked;
        NDArray adopted;
        NDArray inner;
        try (MemoryScope s = MemoryScope.open()) {
            tracked = s.track(NDArray.zeros(DType.FLOAT64, 2048));
            adopted = MemoryScope.adopt(NDArray.zeros(DType.INT32, 7));
            try (MemoryScope nested = MemoryScope.open()) {
                inner = MemoryScope.adopt(NDArray.zeros(DType.INT8, 1));
                assertEquals(1, nested.size());
            }
            assertTrue(inner.isClosed());
            assertFalse(tracked.isClosed() || adopted.isClosed());
            assertEquals(2, s.size());
        }
        assertTrue(tracked.isClosed() && adopted.isClosed());
        assertFalse(outside.isClosed());
        assertEquals(outside, MemoryScope.adopt(outside), "no scope open: nothing happens");
        assertFalse(outside.isClosed());
    }

    @Test
    void scopesCloseInOrderAndOnTheirOwnThread() throws Exception {
        MemoryScope outer = MemoryScope.open();
        MemoryScope inner = MemoryScope.open();
        assertThrows(IllegalStateException.class, outer::close);
        Thread t = new Thread(() -> assertThrows(IllegalStateException.class, inner::close));
        t.start();
        t.join();
        inner.close();
        outer.close();
        outer.close();
    }

    @Test
    void virtualThreadsShareSlabs() throws Exception {
        long before = NativeMemory.liveBytes();
        AtomicLong peak = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<NDArray> kept = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20_000; i++) {
            int k = i;
            threads.add(Thread.ofVirtual().start(() -> {
                NDArray a = NDArray.of(new double[] {k, k + 1});
                kept.add(a);
                peak.accumulateAndGet(NativeMemory.liveBytes() - before, Math::max);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(20_000, kept.size());
        double sum = 0;
        for (NDArray a : kept) {
            sum += a.getDouble(1) - a.getDouble(0);
        }
        assertEquals(20_000.0, sum);
        // 20,000 arrays of 16 bytes fill 64-byte cells: 1.3 MB of slabs, not 20,000 slabs of 64 KiB (1.3 GB)
        assertTrue(peak.get() < 64 * MIB, "live native bytes peaked " + peak.get() / MIB + " MiB above the start");
    }

    @Test
    void slabArraysKeepTheirValuesUnderConcurrentCarving() throws Exception {
        int threads = 8;
        List<Thread> ts = new ArrayList<>();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            long tag = t;
            ts.add(Thread.ofPlatform().start(() -> {
                List<NDArray> mine = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    NDArray a = NDArray.zeros(DType.INT64, 1 + i % 9);
                    for (long j = 0; j < a.size(); j++) {
                        a.setFlatLong(j, tag << 32 | i);
                    }
                    mine.add(a);
                }
                for (int i = 0; i < mine.size(); i++) {
                    long[] v = mine.get(i).toLongArray();
                    for (long x : v) {
                        if (x != (tag << 32 | i)) {
                            errors.add("thread " + tag + " array " + i + " holds " + Long.toHexString(x));
                        }
                    }
                }
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        assertArrayEquals(new String[0], errors.toArray(new String[0]));
    }
}
