package org.theano4j.rng;

/**
 * numpy's bounded integer draws by masked rejection, as the legacy {@code RandomState} uses them:
 * {@code random_bounded_uint64_fill} with {@code use_masked=True} (behind {@code randint}) and
 * {@code random_interval} (behind {@code shuffle} and {@code permutation}).
 */
final class BoundedIntegers {
    private static final long UINT32_MAX = 0xffffffffL;

    private BoundedIntegers() {
    }

    /**
     * Fills {@code out} with {@code off + v}, v uniform on [0, rng] (rng read as unsigned 64-bit).
     * Ranges that fit in 32 bits draw 32-bit words; the full 32- and 64-bit ranges skip the mask.
     */
    static void fill(Mt19937 mt, long off, long rng, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = off + next(mt, rng);
        }
    }

    private static long next(Mt19937 mt, long rng) {
        if (rng == 0) {
            return 0;
        }
        if (Long.compareUnsigned(rng, UINT32_MAX) < 0) {
            return maskedUint32(mt, rng, smearBits(rng));
        }
        if (rng == UINT32_MAX) {
            return Integer.toUnsignedLong(mt.nextInt());
        }
        if (rng == -1L) {
            return mt.nextLong();
        }
        return maskedUint64(mt, rng, smearBits(rng));
    }

    /** A value uniform on [0, max] ({@code random_interval}), max non-negative. */
    static long interval(Mt19937 mt, long max) {
        if (max == 0) {
            return 0;
        }
        long mask = smearBits(max);
        return max <= UINT32_MAX ? maskedUint32(mt, max, mask) : maskedUint64(mt, max, mask);
    }

    private static long maskedUint32(Mt19937 mt, long rng, long mask) {
        long v;
        do {
            v = Integer.toUnsignedLong(mt.nextInt()) & mask;
        } while (v > rng);
        return v;
    }

    private static long maskedUint64(Mt19937 mt, long rng, long mask) {
        long v;
        do {
            v = mt.nextLong() & mask;
        } while (Long.compareUnsigned(v, rng) > 0);
        return v;
    }

    /** Smallest all-ones bit mask covering {@code x} ({@code gen_mask}). */
    private static long smearBits(long x) {
        return x == 0 ? 0 : -1L >>> Long.numberOfLeadingZeros(x);
    }
}
