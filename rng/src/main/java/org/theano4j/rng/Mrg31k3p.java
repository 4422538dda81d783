package org.theano4j.rng;

/**
 * L'Ecuyer and Touzin's MRG31k3p generator exactly as Theano 1.0's
 * {@code theano.sandbox.rng_mrg} runs it on the CPU: the six-word state (three words modulo
 * {@link #M1}, three modulo {@link #M2}), the 2^72 substream and 2^134 stream jumps, Theano's seed
 * checks and stream-count guess, and the element order of {@code mrg_uniform}: element {@code i}
 * comes from substream {@code i % nStreams}, so each call advances every substream in turn.
 *
 * <p>A state matrix is an {@code int[nStreams][6]}, one row per substream, as Theano's int32 matrix.
 * This class is the arithmetic only; {@code MRGRandomStreams} builds on it.
 */
public final class Mrg31k3p {
    /** Modulus of the first component, 2^31 - 1. */
    public static final int M1 = 2147483647;
    /** Modulus of the second component, 2^31 - 21069. */
    public static final int M2 = 2147462579;
    /** The most streams Theano's {@code guess_n_streams} asks for, 60 * 256. */
    public static final int MAX_GUESSED_STREAMS = 60 * 256;

    /** 2^-31, the float64 scale of {@code mrg_uniform}. */
    private static final double NORM = 4.656612873077392578125e-10;
    /** The float32 scale: the largest float with {@code float(NORM32 * M1) < 1}. */
    private static final float NORM32 = 4.6566126e-10f;
    private static final int MASK12 = 511;
    private static final int MASK13 = 16777215;
    private static final int MASK2 = 65535;
    private static final int MULT2 = 21069;

    /** Transition matrices raised to 2^72 (substream jump), first and second component. */
    static final long[][] A1P72 = {
        {1516919229, 758510237, 499121365},
        {1884998244, 1516919229, 335398200},
        {601897748, 1884998244, 358115744}};
    static final long[][] A2P72 = {
        {1228857673, 1496414766, 954677935},
        {1133297478, 1407477216, 1496414766},
        {2002613992, 1639496704, 1407477216}};
    /** Transition matrices raised to 2^134 (stream jump). */
    static final long[][] A1P134 = {
        {1702500920, 1849582496, 1656874625},
        {828554832, 1702500920, 1512419905},
        {1143731069, 828554832, 102237247}};
    static final long[][] A2P134 = {
        {796789021, 1464208080, 607337906},
        {1241679051, 1431130166, 1464208080},
        {1401213391, 1178684362, 1431130166}};

    private Mrg31k3p() {
    }

    /**
     * The state for an integer seed, replicated six times ({@code set_rstate(int)}).
     *
     * @throws IllegalArgumentException if {@code seed == 0}, {@code seed >= M2}, or the seed does
     *     not fit in an int32 (Theano stores it as one; it accepts other negative seeds)
     */
    public static int[] seedToState(long seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("seed should not be 0");
        }
        if (seed >= M2) {
            throw new IllegalArgumentException("seed should be less than " + M2 + ", got " + seed);
        }
        if (seed < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("seed does not fit in int32: " + seed);
        }
        int s = (int) seed;
        return new int[] {s, s, s, s, s, s};
    }

    /**
     * Checks a six-word seed like Theano's {@code set_rstate} and returns it as int32 words.
     *
     * @throws IllegalArgumentException if it does not have six words, the first or last three are
     *     all 0, a first-three word is {@code >= M1}, a last-three word is {@code >= M2}, or a word
     *     does not fit in an int32
     */
    public static int[] validateState(long[] six) {
        if (six.length != 6) {
            throw new IllegalArgumentException("seed should be 1 integer or 6 integers");
        }
        if (six[0] == 0 && six[1] == 0 && six[2] == 0) {
            throw new IllegalArgumentException("The first 3 values of seed should not be all 0");
        }
        if (six[3] == 0 && six[4] == 0 && six[5] == 0) {
            throw new IllegalArgumentException("The last 3 values of seed should not be all 0");
        }
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            long bound = i < 3 ? M1 : M2;
            if (six[i] >= bound) {
                throw new IllegalArgumentException("The " + (i < 3 ? "first" : "last")
                        + " 3 values of seed should be less than " + bound);
            }
            if (six[i] < Integer.MIN_VALUE) {
                throw new IllegalArgumentException("seed word does not fit in int32: " + six[i]);
            }
            out[i] = (int) six[i];
        }
        return out;
    }

    /**
     * Theano's {@code guess_n_streams(size)} for a size made of integers: the element count, divided
     * by 6 (integer division) when above 6, capped at {@link #MAX_GUESSED_STREAMS}. (For a symbolic
     * size Theano guesses {@link #MAX_GUESSED_STREAMS}, as its {@code normal()} always does.)
     */
    public static int guessNStreams(long[] size) {
        long r = 1;
        for (long s : size) {
            r = saturatingMultiply(r, s);
        }
        if (r > 6) {
            r /= 6;
        }
        return (int) Math.min(r, MAX_GUESSED_STREAMS);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : Long.MAX_VALUE;
    }

    /** The state 2^134 steps ahead: the start of the next stream ({@code ff_2p134}). */
    public static int[] jumpStream(int[] rstate6) {
        return multiply(rstate6, A1P134, A2P134);
    }

    /** The state 2^72 steps ahead: the start of the next substream ({@code ff_2p72}). */
    public static int[] jumpSubstream(int[] rstate6) {
        return multiply(rstate6, A1P72, A2P72);
    }

    /**
     * The substream states of one stream ({@code get_substream_rstates}): row 0 is
     * {@code rstate6}, row i is row i-1 jumped by 2^72. Theano then moves its own state to the next
     * stream; callers do that with {@link #jumpStream}.
     *
     * @throws IllegalArgumentException if {@code nStreams <= 0}
     */
    public static int[][] substreamStates(int[] rstate6, int nStreams) {
        if (nStreams <= 0) {
            throw new IllegalArgumentException("n_streams must be positive, got " + nStreams);
        }
        int[][] rows = new int[nStreams][];
        rows[0] = checkedCopy(rstate6);
        for (int i = 1; i < nStreams; i++) {
            rows[i] = jumpSubstream(rows[i - 1]);
        }
        return rows;
    }

    /** Applies A to the first three words mod M1 and B to the last three mod M2 ({@code DotModulo}). */
    private static int[] multiply(int[] v, long[][] a, long[][] b) {
        checkLength(v);
        int[] out = new int[6];
        for (int i = 0; i < 3; i++) {
            out[i] = dotModulo(a[i], v, 0, M1);
            out[3 + i] = dotModulo(b[i], v, 3, M2);
        }
        return out;
    }

    /** One row of DotModulo's C kernel: C's truncating {@code %} per term, then on the sum. */
    private static int dotModulo(long[] row, int[] v, int offset, long m) {
        long r = 0;
        for (int j = 0; j < 3; j++) {
            r += (v[offset + j] * row[j]) % m;
        }
        return (int) (r % m);
    }

    private static int[] checkedCopy(int[] rstate6) {
        checkLength(rstate6);
        return rstate6.clone();
    }

    private static void checkLength(int[] rstate6) {
        if (rstate6.length != 6) {
            throw new IllegalArgumentException("rstate must have 6 words, got " + rstate6.length);
        }
    }

    /**
     * Advances one substream state in place ({@code mrg_next_value}) and returns its output integer
     * in [1, M1] (int32 wrap-around arithmetic, as Theano's C code).
     */
    static int next(int[] s) {
        int x11 = s[0];
        int x12 = s[1];
        int x13 = s[2];
        int x21 = s[3];
        int x22 = s[4];
        int x23 = s[5];
        int y1 = ((x12 & MASK12) << 22) + (x12 >> 9) + ((x13 & MASK13) << 7) + (x13 >> 24);
        y1 = reduce(y1, M1);
        y1 = reduce(y1 + x13, M1);
        s[0] = y1;
        s[1] = x11;
        s[2] = x12;

        int z1 = reduce(((x21 & MASK2) << 15) + MULT2 * (x21 >> 16), M2);
        int z2 = reduce(((x23 & MASK2) << 15) + MULT2 * (x23 >> 16), M2);
        z2 = reduce(z2 + x23, M2);
        z2 = reduce(z2 + z1, M2);
        s[3] = z2;
        s[4] = x21;
        s[5] = x22;
        return y1 <= z2 ? y1 - z2 + M1 : y1 - z2;
    }

    /** Theano's {@code if (y < 0 || y >= m) y -= m}, which also undoes an int32 overflow. */
    private static int reduce(int y, int m) {
        return y < 0 || y >= m ? y - m : y;
    }

    private static int checkedCount(int n) {
        if (n > M1) {
            throw new IllegalArgumentException("rng_mrg does not support more than (2**31 -1) samples");
        }
        return n;
    }

    /**
     * Fills {@code out} like {@code mrg_uniform} with a float64 output: element i is the next value
     * of substream {@code i % states.length} times 2^-31, in (0, 1). Advances {@code states}.
     */
    public static void uniform(int[][] states, double[] out) {
        int n = checkedCount(out.length);
        for (int i = 0; i < n; i++) {
            out[i] = next(states[i % states.length]) * NORM;
        }
    }

    /**
     * Fills {@code out} like {@code mrg_uniform} with a float32 output, as Theano's C kernel computes
     * it: the integer converted to float, times the float constant 4.6566126e-10f, which keeps every
     * value below 1. Advances {@code states}.
     */
    public static void uniform(int[][] states, float[] out) {
        int n = checkedCount(out.length);
        for (int i = 0; i < n; i++) {
            out[i] = (float) next(states[i % states.length]) * NORM32;
        }
    }

    /**
     * {@code MRG_RandomStreams.uniform(size, low, high)} in float64: {@code u * (high - low) + low}
     * over the draws of {@link #uniform(int[][], double[])}.
     */
    public static void uniform(int[][] states, double[] out, double low, double high) {
        uniform(states, out);
        double range = high - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * range + low;
        }
    }

    /**
     * {@code MRG_RandomStreams.uniform(size, low, high)} in float32: the float32 draws, then
     * {@code u * (high - low) + low} in float32 arithmetic.
     */
    public static void uniform(int[][] states, float[] out, float low, float high) {
        uniform(states, out);
        float range = high - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * range + low;
        }
    }

    /**
     * {@code MRG_RandomStreams.binomial(size, n=1, p)} with float64 uniforms: 1 where
     * {@code u < p}, else 0. Advances {@code states}.
     */
    public static void binomial(int[][] states, double p, long[] out) {
        double[] u = new double[out.length];
        uniform(states, u);
        for (int i = 0; i < out.length; i++) {
            out[i] = u[i] < p ? 1 : 0;
        }
    }

    /**
     * Theano 1.0's {@code MRG_RandomStreams.normal(size, avg, std)} in float64 on {@code out.length}
     * elements: {@code n = out.length} rounded up to even uniforms, {@code u1} their first half and
     * {@code u2} the second, {@code r = sqrt(-2 log u1)}, {@code z = [r cos(2 pi u2), r sin(2 pi u2)]}
     * (all cosines first), the last dropped when n is odd, then {@code z * std + avg}. Theano draws
     * these uniforms from {@link #MAX_GUESSED_STREAMS} substreams unless told otherwise.
     * Advances {@code states}.
     */
    public static void normal(int[][] states, double[] out, double avg, double std) {
        int n = out.length;
        int half = (n + n % 2) / 2;
        double[] u = new double[2 * half];
        uniform(states, u);
        for (int i = 0; i < half; i++) {
            double r = Math.sqrt(-2.0 * Math.log(u[i]));
            double theta = 2.0 * Math.PI * u[half + i];
            out[i] = r * Math.cos(theta) * std + avg;
            if (half + i < n) {
                out[half + i] = r * Math.sin(theta) * std + avg;
            }
        }
    }
}
