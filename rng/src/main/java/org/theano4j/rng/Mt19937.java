package org.theano4j.rng;

/**
 * The 32-bit Mersenne Twister exactly as numpy's {@code MT19937} bit generator runs it
 * (Matsumoto and Nishimura's {@code genrand_int32}, numpy's legacy integer seeding).
 */
final class Mt19937 {
    /** Number of 32-bit words in the state. */
    static final int STATE_WORDS = 624;

    private static final int SHIFT = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] key = new int[STATE_WORDS];
    /** Scratch for {@link #fillGaussianPairs}: tempered words of the current block. */
    private int[] tempered;
    private int pos = STATE_WORDS;

    /** Knuth's linear seeding ({@code init_genrand}) of the low 32 bits of {@code seed}. */
    void seed(long seed) {
        int s = (int) seed;
        for (int i = 0; i < STATE_WORDS; i++) {
            key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = STATE_WORDS;
    }

    /** Copies the 624-word key out. */
    int[] key() {
        return key.clone();
    }

    int pos() {
        return pos;
    }

    /** Restores a key and position previously read with {@link #key()} and {@link #pos()}. */
    void restore(int[] newKey, int newPos) {
        System.arraycopy(newKey, 0, key, 0, STATE_WORDS);
        pos = newPos;
    }

    Mt19937 copy() {
        Mt19937 c = new Mt19937();
        c.restore(key, pos);
        return c;
    }

    /** Next 32 random bits ({@code mt19937_next32}). */
    int nextInt() {
        if (pos == STATE_WORDS) {
            regenerate();
        }
        return temper(key[pos++]);
    }

    /** Next 64 random bits: the first 32-bit draw is the high word ({@code mt19937_next64}). */
    long nextLong() {
        long hi = Integer.toUnsignedLong(nextInt());
        long lo = Integer.toUnsignedLong(nextInt());
        return hi << 32 | lo;
    }

    /** A double in [0, 1) with 53 random bits ({@code mt19937_next_double}). */
    double nextDouble() {
        int a = nextInt() >>> 5;
        int b = nextInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * Fills {@code out[from .. to)} with {@link #nextDouble()} values, exactly as that many calls
     * would, reading each 624-word block straight from the key.
     */
    void fillDoubles(double[] out, int from, int to) {
        int i = from;
        while (i < to) {
            if (pos == STATE_WORDS) {
                regenerate();
            }
            int pairs = Math.min(to - i, (STATE_WORDS - pos) >> 1);
            if (pairs == 0) {
                out[i++] = nextDouble();
                continue;
            }
            int p = pos;
            for (int k = 0; k < pairs; k++, p += 2) {
                int a = temper(key[p]) >>> 5;
                int b = temper(key[p + 1]) >>> 6;
                out[i + k] = (a * 67108864.0 + b) / 9007199254740992.0;
            }
            pos = p;
            i += pairs;
        }
    }

    /**
     * Writes {@code pairs} polar Box-Muller pairs into {@code out[from .. from + 2 * pairs)}, each as
     * {@code f * x2, f * x1}: exactly what {@code 2 * pairs} calls of numpy's legacy
     * {@code legacy_gauss} (starting with no cached value, ending with none) return. Each block's
     * words are tempered in one pass (the key itself is unchanged) and read from there.
     */
    void fillGaussianPairs(double[] out, int from, int pairs) {
        if (pairs <= 0) {
            return;
        }
        int[] t = tempered == null ? (tempered = new int[STATE_WORDS]) : tempered;
        int p = pos;
        temperFrom(t, p);
        int i = from;
        int end = from + 2 * pairs;
        while (i < end) {
            double x1;
            double x2;
            if (p <= STATE_WORDS - 4) {
                x1 = 2.0 * toDouble(t[p], t[p + 1]) - 1.0;
                x2 = 2.0 * toDouble(t[p + 2], t[p + 3]) - 1.0;
                p += 4;
            } else {
                pos = p;
                x1 = 2.0 * nextDouble() - 1.0;
                x2 = 2.0 * nextDouble() - 1.0;
                p = pos;
                temperFrom(t, p);
            }
            double r2 = x1 * x1 + x2 * x2;
            if (r2 < 1.0 && r2 != 0.0) {
                double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
                out[i] = f * x2;
                out[i + 1] = f * x1;
                i += 2;
            }
        }
        pos = p;
    }

    /** {@code t[j] = temper(key[j])} for j in [p, 624). */
    private void temperFrom(int[] t, int p) {
        int[] k = key;
        for (int j = p; j < STATE_WORDS; j++) {
            t[j] = temper(k[j]);
        }
    }

    /** The double {@link #nextDouble()} makes of two tempered words. */
    private static double toDouble(int w1, int w2) {
        int a = w1 >>> 5;
        int b = w2 >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private static int temper(int y) {
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** The next 624 words, in the order of {@code mt19937_gen} (three loops instead of modulos). */
    private void regenerate() {
        int[] k = key;
        int i = 0;
        for (; i < STATE_WORDS - SHIFT; i++) {
            int y = (k[i] & UPPER_MASK) | (k[i + 1] & LOWER_MASK);
            k[i] = k[i + SHIFT] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i < STATE_WORDS - 1; i++) {
            int y = (k[i] & UPPER_MASK) | (k[i + 1] & LOWER_MASK);
            k[i] = k[i + SHIFT - STATE_WORDS] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (k[STATE_WORDS - 1] & UPPER_MASK) | (k[0] & LOWER_MASK);
        k[STATE_WORDS - 1] = k[SHIFT - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }
}
