package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link MRGRandomStreams} through compiled functions against L'Ecuyer's pinned MRG31k3p samples
 * ({@code theano-reference/samples_MRG31k3p_12_7_5.txt}: seed 12345, value
 * {@code [stream * 35 + substream * 5 + k]} is the k-th draw of that substream of that stream).
 * A draw of size n uses {@code guess_n_streams}: n substreams up to 6, else n / 6; element i comes
 * from substream {@code i % nStreams}; each new variable starts one stream (2^134) further on.
 */
class MRGRandomStreamsTest {
    private static final double[] SAMPLES = samples();

    private static double[] samples() {
        try (InputStream in = MRGRandomStreamsTest.class.getResourceAsStream("/theano-reference/samples_MRG31k3p_12_7_5.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().mapToDouble(Double::parseDouble).toArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double sample(int stream, int substream, int k) {
        return SAMPLES[stream * 35 + substream * 5 + k];
    }

    /** Theano's {@code test_consistency_randomstreams}: 12 variables of size (7,) on 7 substreams, 5 calls each. */
    @Test
    void theanoConsistencyTestThroughCompiledFunctions() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        double[] got = new double[SAMPLES.length];
        for (int stream = 0; stream < 12; stream++) {
            Function f = Theano.function(List.of(), rng.uniform(new long[] {7}, 0, 1, 7));
            for (int k = 0; k < 5; k++) {
                double[] draw = f.call().toDoubleArray();
                for (int sub = 0; sub < 7; sub++) {
                    got[stream * 35 + sub * 5 + k] = draw[sub];
                }
            }
        }
        assertArrayEquals(SAMPLES, got, 0.0);
    }

    @Test
    void guessedStreamCountsAndStreamJumps() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        Function five = Theano.function(List.of(), rng.uniform(5));        // 5 substreams, one value each
        Function seven = Theano.function(List.of(), rng.uniform(7));       // 7 / 6 = 1 substream
        Function matrix = Theano.function(List.of(), rng.uniform(2, 3));   // 6 substreams
        double[] f = five.call().toDoubleArray();
        for (int sub = 0; sub < 5; sub++) {
            assertEquals(sample(0, sub, 0), f[sub], 0.0);
        }
        double[] s = seven.call().toDoubleArray();
        for (int k = 0; k < 5; k++) {
            assertEquals(sample(1, 0, k), s[k], 0.0);
        }
        NDArray m = matrix.call();
        assertArrayEquals(new long[] {2, 3}, m.shape());
        for (int sub = 0; sub < 6; sub++) {
            assertEquals(sample(2, sub, 0), m.toDoubleArray()[sub], 0.0);
        }
        assertEquals(DType.FLOAT64, m.dtype());
        assertEquals(5, rng.stateUpdates().get(0).rstate().getValue().shape(0));
        assertEquals(1, rng.stateUpdates().get(1).rstate().getValue().shape(0));
    }

    @Test
    void eachCallContinuesTheSubstreamsUnlessNoDefaultUpdates() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        Variable u = rng.uniform(new long[] {2}, -1, 3);
        Function frozen = Theano.function(List.of(), u, Theano.options().noDefaultUpdates());
        Function f = Theano.function(List.of(), u);
        double[] expected0 = {sample(0, 0, 0) * 4 - 1, sample(0, 1, 0) * 4 - 1};
        assertArrayEquals(expected0, frozen.call().toDoubleArray(), 0.0);
        assertArrayEquals(expected0, frozen.call().toDoubleArray(), 0.0);
        assertArrayEquals(expected0, f.call().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {sample(0, 0, 1) * 4 - 1, sample(0, 1, 1) * 4 - 1}, f.call().toDoubleArray(), 0.0);
        int[][] advanced = Mrg31k3p.substreamStates(Mrg31k3p.seedToState(12345), 2);
        Mrg31k3p.uniform(advanced, new double[4]);
        assertEquals(NDArray.of(advanced), rng.stateUpdates().get(0).rstate().getValue());
    }

    @Test
    void rstateJumpsOneStreamPerNewVariable() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        int[] start = Mrg31k3p.seedToState(12345);
        assertArrayEquals(longs(start), rng.rstate());
        rng.uniform(3);
        int[] next = Mrg31k3p.jumpStream(start);
        assertArrayEquals(longs(next), rng.rstate());
        rng.normal(3);
        assertArrayEquals(longs(Mrg31k3p.jumpStream(next)), rng.rstate());
        MRGRandomStreams.Update first = rng.stateUpdates().get(0);
        assertEquals(NDArray.of(Mrg31k3p.substreamStates(start, 3)), first.rstate().getValue());
        assertEquals(Mrg31k3p.MAX_GUESSED_STREAMS, rng.stateUpdates().get(1).rstate().getValue().shape(0));
        assertSame(first.update(), first.rstate().defaultUpdate());
        assertInstanceOf(MrgDraw.class, first.update().owner().op());
        assertFalse(first.update().owner().op().isDeterministic());
    }

    @Test
    void binomialIsOneBelowP() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        NDArray b = Theano.function(List.of(), rng.binomial(new long[] {5}, 0.5)).call();
        assertEquals(DType.INT64, b.dtype());
        long[] expected = new long[5];
        for (int sub = 0; sub < 5; sub++) {
            expected[sub] = sample(0, sub, 0) < 0.5 ? 1 : 0;
        }
        assertArrayEquals(expected, b.toLongArray());
        assertEquals(2, Arrays.stream(expected).sum(), "the reference values give a mixed pattern");
    }

    /** Theano 1.0's normal: n rounded up to even uniforms on 15360 substreams, cosines then sines. */
    @Test
    void normalIsBoxMullerOverTheFirstSubstreams() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        NDArray z = Theano.function(List.of(), rng.normal(new long[] {3}, 1.0, 2.0)).call();
        double[] u = {sample(0, 0, 0), sample(0, 1, 0), sample(0, 2, 0), sample(0, 3, 0)};
        double r0 = Math.sqrt(-2 * Math.log(u[0]));
        double r1 = Math.sqrt(-2 * Math.log(u[1]));
        double[] expected = {
            r0 * Math.cos(2 * Math.PI * u[2]) * 2 + 1,
            r1 * Math.cos(2 * Math.PI * u[3]) * 2 + 1,
            r0 * Math.sin(2 * Math.PI * u[2]) * 2 + 1};
        assertArrayEquals(expected, z.toDoubleArray(), 1e-12);
        assertArrayEquals(new long[] {3}, z.shape());
        NDArray m = Theano.function(List.of(), rng.normal(4, 5)).call();
        assertArrayEquals(new long[] {4, 5}, m.shape());
        double mean = Arrays.stream(m.toDoubleArray()).average().orElseThrow();
        assertEquals(0, mean, 1.0, "20 standard normals average near 0");
    }

    @Test
    void seedRestartsEveryDrawInCreationOrder() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        Function a = Theano.function(List.of(), rng.uniform(2));
        Function b = Theano.function(List.of(), rng.uniform(2));
        a.call();
        b.call();
        rng.seed(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
        assertArrayEquals(new double[] {sample(0, 0, 0), sample(0, 1, 0)}, a.call().toDoubleArray(), 0.0);
        rng.seed(12345);
        assertArrayEquals(new double[] {sample(0, 0, 0), sample(0, 1, 0)}, a.call().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {sample(1, 0, 0), sample(1, 1, 0)}, b.call().toDoubleArray(), 0.0);
        assertArrayEquals(longs(Mrg31k3p.jumpStream(Mrg31k3p.jumpStream(Mrg31k3p.seedToState(12345)))), rng.rstate());
    }

    /** The seed page's copy_random_state with MRG streams: rstate and every state update. */
    @Test
    void copyingStateBetweenGraphs() {
        MRGRandomStreams g1 = new MRGRandomStreams(123);
        Function f1 = Theano.function(List.of(), g1.uniform(1));
        MRGRandomStreams g2 = new MRGRandomStreams(987);
        Function f2 = Theano.function(List.of(), g2.uniform(1));
        double first1 = f1.call().item();
        assertFalse(first1 == f2.call().item());
        g2.rstate(g1.rstate());
        for (int i = 0; i < g1.stateUpdates().size(); i++) {
            g2.stateUpdates().get(i).rstate().setValue(g1.stateUpdates().get(i).rstate().getValue());
        }
        assertEquals(f1.call().item(), f2.call().item(), 0.0);
        assertArrayEquals(g1.rstate(), g2.rstate());
    }

    @Test
    void sixWordSeedsAndTheanosChecks() {
        MRGRandomStreams six = new MRGRandomStreams(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
        assertEquals(sample(0, 0, 0), Theano.function(List.of(), six.uniform(1)).call().item(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new MRGRandomStreams(0));
        assertThrows(IllegalArgumentException.class, () -> new MRGRandomStreams(Mrg31k3p.M2));
        assertThrows(IllegalArgumentException.class, () -> new MRGRandomStreams(new long[] {0, 0, 0, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> six.uniform(0));
        assertThrows(IllegalArgumentException.class, () -> six.uniform(3, 0));
        assertThrows(IllegalArgumentException.class, () -> six.binomial(new long[] {2}, 1.5));
        assertEquals(1, six.stateUpdates().size(), "a rejected draw makes no state and does not jump rstate");
    }

    @Test
    void stateIsASharedInt32MatrixWithExplicitUpdates() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        Variable u = rng.uniform(2);
        SharedVariable state = rng.stateUpdates().get(0).rstate();
        assertEquals(DType.INT32, state.dtype());
        assertEquals(2, state.ndim());
        NDArray before = state.getValue();
        Function viaOption = Theano.function(List.of(), u,
                Theano.options().noDefaultUpdates().update(state, rng.stateUpdates().get(0).update()));
        viaOption.call();
        assertFalse(before.equals(state.getValue()));
        assertNull(Theano.shared(1).defaultUpdate());
    }

    private static long[] longs(int[] words) {
        return Arrays.stream(words).asLongStream().toArray();
    }
}
