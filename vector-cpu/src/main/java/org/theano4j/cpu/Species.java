package org.theano4j.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.theano4j.tensor.Flags;

/**
 * Vector species and tuning constants of the CPU backend, in one place. System properties:
 * {@code theano4j.cpu.vectorBits} (64..512) overrides the vector width, {@code theano4j.cpu.vector=false}
 * forces the scalar code paths, {@code theano4j.cpu.threads} sets the pool size (1 = single-threaded).
 * The width is read once at class initialisation; tests that change the others use {@link #configure}.
 */
public final class Species {
    /** Elements per elementwise block: a few registers of this many doubles stay in L1. */
    public static final int BLOCK = 1024;

    /** Elementwise work below this many elements stays on the calling thread. */
    public static final long PARALLEL_ELEMENTS = 1L << 16;

    /** Species for float64 lanes (a constant, so that C2 can intrinsify the vector code). */
    public static final VectorSpecies<Double> D = doubleSpecies();

    /** Species for float32 lanes, as wide as {@link #D}. */
    public static final VectorSpecies<Float> F = VectorSpecies.of(float.class, D.vectorShape());

    /** Species for the int64 lanes of integer programs, as wide as {@link #D}. */
    public static final VectorSpecies<Long> L = VectorSpecies.of(long.class, D.vectorShape());

    /** Vector registers of the machine ({@link #detectRegisters()}). */
    private static final int REGISTERS = detectRegisters();

    private static final CacheSizes CACHES = CacheSizes.detect();

    private static volatile Settings settings = Settings.fromProperties();

    private Species() {
    }

    private static VectorSpecies<Double> doubleSpecies() {
        String bits = Flags.get("cpu.vectorBits");
        if (bits == null) {
            return DoubleVector.SPECIES_PREFERRED;
        }
        return VectorSpecies.of(double.class, VectorShape.forBitSize(Integer.parseInt(bits)));
    }

    /**
     * The architectural vector registers: 32 on AArch64 (NEON, SVE) and other non-x86 machines, and on
     * x86 where the JVM uses AVX-512 (its preferred species is 512-bit); 16 on other x86 (AVX2, SSE).
     * A forced {@code cpu.vectorBits} does not change it: AVX-512VL keeps 32 registers at 256 bits.
     */
    static int detectRegisters() {
        String arch = System.getProperty("os.arch", "");
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86") || arch.equals("i386");
        return !x86 || DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? 32 : 16;
    }

    /** The vector registers of the machine. */
    static int vectorRegisters() {
        return REGISTERS;
    }

    /** The cache sizes kernels are blocked for. */
    static CacheSizes caches() {
        return CACHES;
    }

    /**
     * What the CPU backend chose for this machine, one line: vector width, registers, caches and the
     * GEMM tiles ({@code benchmarks info} prints it; the backend logs it at debug level when it loads).
     */
    public static String describe() {
        return D.vectorBitSize() + "-bit vectors (preferred " + DoubleVector.SPECIES_PREFERRED.vectorBitSize()
                + "), " + REGISTERS + " registers, caches L1d " + (CACHES.l1d() >> 10) + " KiB L2 " + (CACHES.l2() >> 10)
                + " KiB L3 " + (CACHES.l3() >> 10) + " KiB (" + CACHES.source() + "), dgemm " + Dgemm.BLOCKING.describe()
                + ", sgemm " + Sgemm.BLOCKING.describe() + ", " + threads() + " threads"
                + (vector() ? "" : ", scalar paths forced");
    }

    /** The switches that may change at run time (tests). */
    record Settings(boolean vector, int threads) {
        static Settings fromProperties() {
            boolean vector = Flags.getBoolean("cpu.vector");
            int threads = Flags.get("cpu.threads") == null ? Runtime.getRuntime().availableProcessors()
                    : (int) Math.max(1, Math.min(4096, Flags.getLong("cpu.threads")));
            return new Settings(vector, threads);
        }
    }

    /** False when the scalar code paths are forced. */
    public static boolean vector() {
        return settings.vector();
    }

    /** Number of threads big kernels may use. */
    public static int threads() {
        return settings.threads();
    }

    /**
     * Re-reads the system properties (for tests that switch the scalar path or the thread count).
     * Kernels pick the new settings up on their next call.
     */
    public static void configure() {
        settings = Settings.fromProperties();
        Parallel.resize(settings.threads());
    }
}
