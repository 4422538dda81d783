package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link Mrg31k3p} against the values Theano's {@code test_rng_mrg.py} pins
 * ({@code samples_MRG31k3p_12_7_5.txt}: seed 12345, 12 streams x 7 substreams x 5 samples) and
 * against the rest of {@code rng_mrg.py}'s rules.
 */
class Mrg31k3pTest {
    private static final int N_STREAMS = 12;
    private static final int N_SUBSTREAMS = 7;
    private static final int N_SAMPLES = 5;
    /** One-step transition matrices ({@code A1p0}, {@code A2p0} in rng_mrg.py). */
    private static final long[][] A1P0 = {{0, 4194304, 129}, {1, 0, 0}, {0, 1, 0}};
    private static final long[][] A2P0 = {{32768, 0, 32769}, {1, 0, 0}, {0, 1, 0}};

    private static double[] javaSamples() throws IOException {
        try (InputStream in = Mrg31k3pTest.class.getResourceAsStream(
                "/theano-reference/samples_MRG31k3p_12_7_5.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .mapToDouble(Double::parseDouble).toArray();
        }
    }

    /** {@code test_consistency_randomstreams} / {@code _cpu_parallel}: 7 substreams drawn together. */
    @Test
    void parallelSubstreamsMatchLEcuyerJavaSamples() throws IOException {
        double[] expected = javaSamples();
        double[] got = new double[expected.length];
        int[] streamState = Mrg31k3p.seedToState(12345);
        int k = 0;
        for (int stream = 0; stream < N_STREAMS; stream++) {
            int[][] states = Mrg31k3p.substreamStates(streamState, N_SUBSTREAMS);
            double[][] draws = new double[N_SAMPLES][N_SUBSTREAMS];
            for (double[] call : draws) {
                Mrg31k3p.uniform(states, call);
            }
            for (int sub = 0; sub < N_SUBSTREAMS; sub++) {
                for (double[] call : draws) {
                    got[k++] = call[sub];
                }
            }
            streamState = Mrg31k3p.jumpStream(streamState);
        }
        assertArrayEquals(expected, got, 0.0);
    }

    /** {@code test_consistency_cpu_serial}: one substream at a time, size (1,). */
    @Test
    void serialSubstreamsMatchLEcuyerJavaSamples() throws IOException {
        double[] expected = javaSamples();
        double[] got = new double[expected.length];
        int[] streamState = Mrg31k3p.seedToState(12345);
        int k = 0;
        for (int stream = 0; stream < N_STREAMS; stream++) {
            int[] sub = streamState;
            for (int j = 0; j < N_SUBSTREAMS; j++) {
                int[][] one = {sub.clone()};
                double[] out = new double[1];
                for (int s = 0; s < N_SAMPLES; s++) {
                    Mrg31k3p.uniform(one, out);
                    got[k++] = out[0];
                }
                sub = Mrg31k3p.jumpSubstream(sub);
            }
            streamState = Mrg31k3p.jumpStream(streamState);
        }
        assertArrayEquals(expected, got, 0.0);
    }

    @Test
    void float32UniformStaysBelowOneAndNearFloat64() {
        int[][] a = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(12345), 7);
        int[][] b = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(12345), 7);
        float[] f = new float[10_000];
        double[] d = new double[10_000];
        Mrg31k3p.uniform(a, f);
        Mrg31k3p.uniform(b, d);
        for (int i = 0; i < f.length; i++) {
            assertTrue(f[i] > 0 && f[i] < 1, "float32 sample " + f[i]);
            assertEquals(d[i], f[i], 2.5e-7 * d[i]);
        }
        assertArrayEquals(a, b, "float32 and float64 draws advance the states alike");
    }

    /** The largest integer output, M1, still maps below 1 in float32 (why the constant is what it is). */
    @Test
    void float32NormKeepsTheLargestOutputBelowOne() {
        assertTrue((float) Mrg31k3p.M1 * 4.6566126e-10f < 1.0f);
    }

    static Stream<Arguments> jumps() {
        return Stream.of(
                Arguments.of(A1P0, Mrg31k3p.M1, 72, Mrg31k3p.A1P72),
                Arguments.of(A2P0, Mrg31k3p.M2, 72, Mrg31k3p.A2P72),
                Arguments.of(A1P0, Mrg31k3p.M1, 134, Mrg31k3p.A1P134),
                Arguments.of(A2P0, Mrg31k3p.M2, 134, Mrg31k3p.A2P134));
    }

    /** The jump matrices are the one-step matrices squared 72 and 134 times, modulo M1 or M2. */
    @ParameterizedTest(name = "A^(2^{2}) mod {1}")
    @MethodSource("jumps")
    void jumpMatricesArePowersOfTheStepMatrix(long[][] step, long m, int squarings, long[][] jump) {
        long[][] p = step;
        for (int i = 0; i < squarings; i++) {
            p = multiplyMod(p, p, m);
        }
        assertArrayEquals(jump, p);
    }

    private static long[][] multiplyMod(long[][] a, long[][] b, long m) {
        long[][] c = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long s = 0;
                for (int k = 0; k < 3; k++) {
                    s = (s + Math.floorMod(a[i][k] * b[k][j], m)) % m;
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** One step of {@code next} equals multiplying the state by the one-step matrices. */
    @Test
    void stepMatchesTheOneStepMatrices() {
        int[] s = {123456789, 987654321, 55555, 1111111, 2222222, 2147462578};
        int[] stepped = s.clone();
        Mrg31k3p.next(stepped);
        for (int i = 0; i < 3; i++) {
            assertEquals(dot(A1P0[i], s, 0, Mrg31k3p.M1), stepped[i], "word " + i);
            assertEquals(dot(A2P0[i], s, 3, Mrg31k3p.M2), stepped[3 + i], "word " + (3 + i));
        }
    }

    private static long dot(long[] row, int[] v, int off, long m) {
        long s = 0;
        for (int j = 0; j < 3; j++) {
            s = (s + row[j] * v[off + j] % m) % m;
        }
        return s;
    }

    static Stream<Arguments> guesses() {
        return Stream.of(
                Arguments.of(new long[] {}, 1),
                Arguments.of(new long[] {1}, 1),
                Arguments.of(new long[] {6}, 6),
                Arguments.of(new long[] {7}, 1),
                Arguments.of(new long[] {12}, 2),
                Arguments.of(new long[] {10, 20}, 33),
                Arguments.of(new long[] {2, 3, 4}, 4),
                Arguments.of(new long[] {60 * 256 * 6 + 5}, 15360),
                Arguments.of(new long[] {1000, 1000}, 15360),
                Arguments.of(new long[] {1L << 40, 1L << 40}, 15360));
    }

    @ParameterizedTest
    @MethodSource("guesses")
    void guessesStreamsLikeTheano(long[] size, int expected) {
        assertEquals(expected, Mrg31k3p.guessNStreams(size));
    }

    static Stream<Long> badSeeds() {
        return Stream.of(0L, (long) Mrg31k3p.M2, (long) Integer.MAX_VALUE, 1L << 40, Long.MIN_VALUE);
    }

    @ParameterizedTest
    @MethodSource("badSeeds")
    void rejectsSeedsTheanoRejects(long seed) {
        assertThrows(IllegalArgumentException.class, () -> Mrg31k3p.seedToState(seed));
    }

    @Test
    void replicatesAnIntegerSeedSixTimes() {
        assertArrayEquals(new int[] {12345, 12345, 12345, 12345, 12345, 12345}, Mrg31k3p.seedToState(12345));
        assertArrayEquals(new int[] {-7, -7, -7, -7, -7, -7}, Mrg31k3p.seedToState(-7));
        int big = Mrg31k3p.M2 - 1;
        assertArrayEquals(new int[] {big, big, big, big, big, big}, Mrg31k3p.seedToState(big));
    }

    static Stream<long[]> badSixSeeds() {
        return Stream.of(
                new long[] {0, 0, 0, 1, 2, 3},
                new long[] {1, 2, 3, 0, 0, 0},
                new long[] {Mrg31k3p.M1, 1, 1, 1, 1, 1},
                new long[] {1, 1, 1, 1, 1, Mrg31k3p.M2},
                new long[] {1, 2, 3, 4, 5},
                new long[] {1, 2, Integer.MIN_VALUE - 1L, 4, 5, 6});
    }

    @ParameterizedTest
    @MethodSource("badSixSeeds")
    void rejectsSixSeedsTheanoRejects(long[] six) {
        assertThrows(IllegalArgumentException.class, () -> Mrg31k3p.validateState(six));
    }

    @Test
    void acceptsSixSeedsWithSomeZeros() {
        long[] six = {0, 0, Mrg31k3p.M1 - 1, 0, Mrg31k3p.M2 - 1, 0};
        assertArrayEquals(new int[] {0, 0, Mrg31k3p.M1 - 1, 0, Mrg31k3p.M2 - 1, 0}, Mrg31k3p.validateState(six));
    }

    @Test
    void substreamStatesStartAtTheGivenStateAndCopyIt() {
        int[] seed = Mrg31k3p.seedToState(42);
        int[][] rows = Mrg31k3p.substreamStates(seed, 3);
        assertArrayEquals(seed, rows[0]);
        assertNotSame(seed, rows[0]);
        assertArrayEquals(Mrg31k3p.jumpSubstream(rows[1]), rows[2]);
        assertThrows(IllegalArgumentException.class, () -> Mrg31k3p.substreamStates(seed, 0));
    }

    /** Element i comes from substream i % n, each substream advancing once per visit. */
    @Test
    void elementOrderCyclesThroughSubstreams() {
        int[][] states = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(99), 3);
        int[][] manual = Stream.of(states).map(int[]::clone).toArray(int[][]::new);
        double[] out = new double[7];
        Mrg31k3p.uniform(states, out);
        for (int i = 0; i < out.length; i++) {
            assertEquals(Mrg31k3p.next(manual[i % 3]) * 0x1p-31, out[i], 0.0, "element " + i);
        }
        assertArrayEquals(manual, states);
    }

    @Test
    void uniformWithBoundsScalesAsTheano() {
        int[][] a = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(5), 4);
        int[][] b = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(5), 4);
        double[] u = new double[9];
        double[] scaled = new double[9];
        Mrg31k3p.uniform(a, u);
        Mrg31k3p.uniform(b, scaled, -3.0, 5.0);
        for (int i = 0; i < u.length; i++) {
            assertEquals(u[i] * 8.0 + -3.0, scaled[i], 0.0);
        }
    }

    @Test
    void binomialIsUniformBelowP() {
        int[][] a = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(8), 5);
        int[][] b = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(8), 5);
        double[] u = new double[50];
        long[] x = new long[50];
        Mrg31k3p.uniform(a, u);
        Mrg31k3p.binomial(b, 0.3, x);
        for (int i = 0; i < u.length; i++) {
            assertEquals(u[i] < 0.3 ? 1 : 0, x[i]);
        }
    }

    /** Box-Muller over n rounded up to even uniforms: cosines from the first half, sines after. */
    @ParameterizedTest
    @MethodSource("normalSizes")
    void normalIsBoxMullerOverHalves(int n) {
        int[][] a = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(12345), Mrg31k3p.MAX_GUESSED_STREAMS);
        int[][] b = Stream.of(a).map(int[]::clone).toArray(int[][]::new);
        int half = (n + 1) / 2;
        double[] u = new double[2 * half];
        Mrg31k3p.uniform(b, u);
        double[] z = new double[n];
        Mrg31k3p.normal(a, z, 1.0, 2.0);
        for (int i = 0; i < n; i++) {
            double r = Math.sqrt(-2.0 * Math.log(u[i % half]));
            double theta = 2.0 * Math.PI * u[half + i % half];
            double expected = (i < half ? r * Math.cos(theta) : r * Math.sin(theta)) * 2.0 + 1.0;
            assertEquals(expected, z[i], 0.0, "element " + i);
        }
        assertArrayEquals(b, a, "normal consumes the even count of uniforms");
    }

    static Stream<Integer> normalSizes() {
        return Stream.of(1, 2, 7, 8, 33);
    }

    @Test
    void normalHasUnitMoments() {
        int[][] states = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(1234), Mrg31k3p.MAX_GUESSED_STREAMS);
        double[] z = new double[200_001];
        Mrg31k3p.normal(states, z, 0.0, 1.0);
        double mean = Stream.of(z).flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
        double var = java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / z.length;
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, var, 0.01);
    }
}
