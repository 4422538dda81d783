package org.theano4j.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The data-cache sizes of one core, which {@link GemmBlocking} sizes its blocks from. Read from
 * Linux's {@code /sys/devices/system/cpu/cpu0/cache/index*} when present; else from
 * {@code /proc/cpuinfo}'s {@code cache size} line, which is the L2 on AMD processors; what stays
 * unknown takes a common size (L1d 32 KiB, L2 1 MiB, L3 8 MiB).
 *
 * @param l1d bytes of level-1 data cache
 * @param l2 bytes of level-2 cache
 * @param l3 bytes of level-3 cache
 * @param source where the sizes come from, for the logs and {@code benchmarks info}
 */
record CacheSizes(long l1d, long l2, long l3, String source) {
    static final long L1D_DEFAULT = 32 << 10;
    static final long L2_DEFAULT = 1 << 20;
    static final long L3_DEFAULT = 8 << 20;

    /** The sizes of this machine. */
    static CacheSizes detect() {
        CacheSizes sys = fromSysfs(Path.of("/sys/devices/system/cpu/cpu0/cache"));
        return sys != null ? sys : fromCpuinfo(Path.of("/proc/cpuinfo"));
    }

    /** From a sysfs {@code cache} folder, or null when it has no index entries. */
    static CacheSizes fromSysfs(Path dir) {
        long l1 = 0;
        long l2 = 0;
        long l3 = 0;
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            String level = read(index.resolve("level"));
            String type = read(index.resolve("type"));
            long size = parseSize(read(index.resolve("size")));
            if (level == null || type == null || size <= 0 || type.equals("Instruction")) {
                continue;
            }
            switch (level) {
                case "1" -> l1 = size;
                case "2" -> l2 = size;
                case "3" -> l3 = size;
                default -> { }
            }
        }
        if (l1 == 0 && l2 == 0 && l3 == 0) {
            return null;
        }
        return new CacheSizes(orDefault(l1, L1D_DEFAULT), orDefault(l2, L2_DEFAULT), orDefault(l3, L3_DEFAULT), "sysfs");
    }

    /** From {@code /proc/cpuinfo}: its {@code cache size} is the L2 on AMD, the L3 on Intel. */
    static CacheSizes fromCpuinfo(Path cpuinfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cpuinfo);
        } catch (IOException | RuntimeException e) {
            return defaults();
        }
        boolean amd = lines.stream().anyMatch(l -> l.startsWith("vendor_id") && l.contains("AuthenticAMD"));
        long size = lines.stream().filter(l -> l.startsWith("cache size")).findFirst()
                .map(l -> parseSize(l.substring(l.indexOf(':') + 1))).orElse(0L);
        if (size <= 0) {
            return defaults();
        }
        return amd ? new CacheSizes(L1D_DEFAULT, size, L3_DEFAULT, "cpuinfo (L2)")
                : new CacheSizes(L1D_DEFAULT, L2_DEFAULT, size, "cpuinfo (L3)");
    }

    static CacheSizes defaults() {
        return new CacheSizes(L1D_DEFAULT, L2_DEFAULT, L3_DEFAULT, "defaults");
    }

    /** {@code 48K}, {@code 1024 KB}, {@code 2M} or plain bytes; 0 when unreadable. */
    static long parseSize(String s) {
        if (s == null) {
            return 0;
        }
        String t = s.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("B", "").replace("I", "");
        if (t.isEmpty()) {
            return 0;
        }
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long orDefault(long v, long fallback) {
        return v > 0 ? v : fallback;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
