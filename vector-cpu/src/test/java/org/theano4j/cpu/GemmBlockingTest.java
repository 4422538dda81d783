package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GEMM tile and blocking chosen from registers and caches, and how the caches are read. */
class GemmBlockingTest {
    private static final CacheSizes ZEN = new CacheSizes(48 << 10, 1 << 20, 32 << 20, "test");
    private static final CacheSizes HASWELL = new CacheSizes(32 << 10, 256 << 10, 8 << 20, "test");

    @Test
    void theWideTileIsSevenByThree() {
        GemmBlocking b = GemmBlocking.choose(8, Double.BYTES, true, ZEN);
        assertEquals(7, b.rows());
        assertEquals(24, b.nr());
        // 48 KiB * 3/4 / (7 rows * 8 bytes) = 658 -> capped at 512; 512 KiB / (512 * 8) = 128 -> 126 rows
        assertEquals(512, b.kc());
        assertEquals(126, b.mc());
        // 16 MiB / (512 * 8) = 4096 -> capped at 2048 -> 2040 (85 tiles of 24)
        assertEquals(2040, b.nc());
    }

    @Test
    void theNarrowTileIsSixByTwo() {
        GemmBlocking b = GemmBlocking.choose(4, Double.BYTES, false, HASWELL);
        assertEquals(6, b.rows());
        assertEquals(2, b.vectors());
        assertEquals(8, b.nr());
        // 24 KiB / 48 = 512; 128 KiB / 4 KiB = 32 -> 30 rows; 4 MiB / 4 KiB = 1024 columns
        assertEquals(512, b.kc());
        assertEquals(30, b.mc());
        assertEquals(1024, b.nc());
    }

    @Test
    void tinyCachesStillGiveWholeTiles() {
        GemmBlocking b = GemmBlocking.choose(2, Double.BYTES, true, new CacheSizes(1024, 4096, 8192, "test"));
        assertEquals(8, b.kc());
        assertEquals(0, b.mc() % b.rows());
        assertTrue(b.mc() >= b.rows());
        assertEquals(0, b.nc() % b.nr());
        assertTrue(b.nc() >= b.nr());
    }

    @Test
    void theFlagRoundsTheCacheBlockingToWholeTiles() {
        GemmBlocking b = GemmBlocking.choose(8, Double.BYTES, true, ZEN).withCacheBlocking("256, 100, 1000");
        assertEquals(256, b.kc());
        assertEquals(105, b.mc());
        assertEquals(1008, b.nc());
        assertThrows(IllegalArgumentException.class, () -> b.withCacheBlocking("256,100"));
        assertThrows(IllegalArgumentException.class, () -> b.withCacheBlocking("256,0,1000"));
        assertThrows(IllegalArgumentException.class, () -> b.withCacheBlocking("256,x,1000"));
    }

    @Test
    void theKernelsInUseAreDescribed() {
        String d = Species.describe();
        assertTrue(d.contains("dgemm " + Dgemm.MR + "x"), d);
        assertTrue(d.contains(Species.D.vectorBitSize() + "-bit"), d);
    }

    /** The forced-path executions of the build (vector-cpu/pom.xml) really run the forced path. */
    @Test
    void forcedWidthAndRegistersAreTheOnesInUse() {
        String bits = System.getProperty("theano4j.cpu.vectorBits");
        if (bits != null) {
            assertEquals(Integer.parseInt(bits), Species.D.vectorBitSize());
            assertEquals(Species.D.length(), Dgemm.NR / Dgemm.BLOCKING.vectors());
        }
        int expectedRows = "6x2".equals(System.getProperty("theano4j.cpu.gemmTile")) ? 6 : 7;
        assertEquals(expectedRows, Dgemm.MR);
        assertEquals(expectedRows, Sgemm.MR);
    }

    @Test
    void sizesParseInTheirUnits() {
        assertEquals(48 << 10, CacheSizes.parseSize("48K"));
        assertEquals(1 << 20, CacheSizes.parseSize(" 1024 KB"));
        assertEquals(2 << 20, CacheSizes.parseSize("2M"));
        assertEquals(4096, CacheSizes.parseSize("4096"));
        assertEquals(0, CacheSizes.parseSize("lots"));
        assertEquals(0, CacheSizes.parseSize(null));
    }

    @Test
    void sysfsLevelsAreReadAndInstructionCachesSkipped(@TempDir Path dir) throws IOException {
        index(dir, 0, "1", "Data", "48K");
        index(dir, 1, "1", "Instruction", "32K");
        index(dir, 2, "2", "Unified", "1024K");
        index(dir, 3, "3", "Unified", "32768K");
        assertEquals(new CacheSizes(48 << 10, 1 << 20, 32 << 20, "sysfs"), CacheSizes.fromSysfs(dir));
        assertNull(CacheSizes.fromSysfs(dir.resolve("absent")));
    }

    @Test
    void cpuinfoCacheSizeIsTheL2OnAmdAndTheL3Elsewhere(@TempDir Path dir) throws IOException {
        Path amd = Files.writeString(dir.resolve("amd"), "vendor_id\t: AuthenticAMD\ncache size\t: 1024 KB\n");
        Path intel = Files.writeString(dir.resolve("intel"), "vendor_id\t: GenuineIntel\ncache size\t: 36608 KB\n");
        assertEquals(1 << 20, CacheSizes.fromCpuinfo(amd).l2());
        assertEquals(36608L << 10, CacheSizes.fromCpuinfo(intel).l3());
        assertEquals(CacheSizes.defaults(), CacheSizes.fromCpuinfo(dir.resolve("absent")));
    }

    private static void index(Path dir, int i, String level, String type, String size) throws IOException {
        Path d = Files.createDirectories(dir.resolve("index" + i));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
    }
}
