package org.theano4j.tensor;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Large allocations straight from the kernel on Linux: an anonymous private {@code mmap} (whose
 * pages the kernel hands out zero-filled, so nothing is written up front), aligned to 2 MiB
 * inside the mapping, with {@code madvise(MADV_HUGEPAGE)} on its whole 2 MiB extents before the
 * first touch. Transparent huge pages in {@code madvise} mode then fault in 2 MiB at a time
 * instead of 4 KiB (first touch of a 4 KiB page costs microseconds on virtual machines); the tail
 * beyond the last whole extent keeps small pages, so no memory is wasted. {@code munmap} gives
 * the mapping back. Where any of this is unavailable (not Linux, no native access, no symbol)
 * {@link #available()} is false and the reason is logged once.
 */
final class HugePages {
    /** Huge page size and the alignment of every mapping handed out. */
    static final long HUGE = 2L << 20;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_HUGEPAGE = 14;
    private static final MethodHandle MMAP;
    private static final MethodHandle MADVISE;
    private static final MethodHandle MUNMAP;

    static {
        MethodHandle[] handles = link();
        MMAP = handles == null ? null : handles[0];
        MADVISE = handles == null ? null : handles[1];
        MUNMAP = handles == null ? null : handles[2];
    }

    private HugePages() {
    }

    /** Whether {@link #map} can be used. */
    static boolean available() {
        return MMAP != null;
    }

    private static MethodHandle[] link() {
        Optional<String> why = unsupported();
        if (why.isEmpty()) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                ValueLayout.OfLong sizeT = ValueLayout.JAVA_LONG;
                return new MethodHandle[] {
                    linker.downcallHandle(libc.findOrThrow("mmap"), FunctionDescriptor.of(ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS, sizeT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_LONG)),
                    linker.downcallHandle(libc.findOrThrow("madvise"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, sizeT, ValueLayout.JAVA_INT)),
                    linker.downcallHandle(libc.findOrThrow("munmap"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, sizeT))};
            } catch (RuntimeException | LinkageError e) {
                why = Optional.of(e.toString());
            }
        }
        System.getLogger(HugePages.class.getName()).log(System.Logger.Level.INFO,
                "large arrays use the JDK allocator, not mmap with huge pages: " + why.get());
        return null;
    }

    private static Optional<String> unsupported() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux")) {
            return Optional.of("not Linux (" + os + ")");
        }
        // the flag values above are those of x86-64 and aarch64
        if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
            return Optional.of("untested architecture " + arch);
        }
        if (!Flags.getBoolean("hugePages")) {
            return Optional.of("theano4j.hugePages=false");
        }
        return Optional.empty();
    }

    /** A fresh mapping of {@code size} zero bytes and its release, or null when mmap failed. */
    static Mapping map(long size) {
        if (size > Long.MAX_VALUE - HUGE) {
            return null;
        }
        long length = size + HUGE;
        MemorySegment base = call(MMAP, MemorySegment.NULL, length);
        if (base == null || base.address() == -1L) {
            return null;
        }
        long start = (base.address() + HUGE - 1) & -HUGE;
        long extents = size & -HUGE;
        if (extents > 0) {
            // advice only: without it the pages are small, the memory is the same
            callInt(MADVISE, MemorySegment.ofAddress(start), extents, MADV_HUGEPAGE);
        }
        return new Mapping(MemorySegment.ofAddress(start), base.address(), length);
    }

    /** A mapping: the 2 MiB-aligned start handed out, and the whole range to unmap. */
    record Mapping(MemorySegment start, long base, long length) {
        /** Unmaps the whole range (from a cleaner: a failure leaves a leak and nothing to report to). */
        void unmap() {
            try {
                int rc = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(base), length);
                assert rc == 0 : "munmap failed";
            } catch (Throwable e) {
                // nothing sensible to do in a cleaner
            }
        }
    }

    private static MemorySegment call(MethodHandle mmap, MemorySegment addr, long length) {
        try {
            return (MemorySegment) mmap.invokeExact(addr, length, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
        } catch (Throwable e) {
            return null;
        }
    }

    private static int callInt(MethodHandle madvise, MemorySegment addr, long length, int advice) {
        try {
            return (int) madvise.invokeExact(addr, length, advice);
        } catch (Throwable e) {
            return -1;
        }
    }
}
