package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.Theano;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code MRGRandomStreams.multinomial} and {@code choice} through compiled functions. Expected
 * values: {@code rng/scripts/mrg_multinomial_reference.py} replays Theano 1.0's
 * MultinomialFromUniform / ChoiceFromUniform C loops over the pinned MRG31k3p uniforms
 * ({@code samples_MRG31k3p_12_7_5.txt}, seed 12345, stream 0): a draw of N uniforms on S
 * substreams has element i = draw i / S of substream i % S, and uniform {@code c * rows + r}
 * serves draw c of row r.
 */
class MRGRandomStreamsMultinomialTest {
    private static final double[][] P2 = {{0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}};
    private static final double[][] P3 = {{0.1, 0.1, 0.8}, {0.5, 0.25, 0.25}, {0.3, 0.3, 0.4}};
    private static final double[][] Q2 = {{0.1, 0.2, 0.3, 0.4}, {0.4, 0.3, 0.2, 0.1}};
    private static final double[][] Q3 = {{0.1, 0.2, 0.3, 0.4}, {0.25, 0.25, 0.25, 0.25}, {0.7, 0.1, 0.1, 0.1}};

    static Stream<Arguments> multinomialCases() {
        return Stream.of(
                Arguments.of(P2, 3, Mrg31k3p.MAX_GUESSED_STREAMS, new long[][] {{0, 1, 2}, {1, 1, 1}}),
                Arguments.of(P3, 5, 7, new long[][] {{1, 1, 3}, {3, 1, 1}, {1, 0, 4}}));
    }

    @ParameterizedTest
    @MethodSource("multinomialCases")
    void multinomialCountsFromThePinnedUniforms(double[][] pvals, int n, int streams, long[][] expected) {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        NDArray z = Theano.function(List.of(), rng.multinomial(pvals, n, DType.INT64, streams)).call();
        assertEquals(DType.INT64, z.dtype());
        assertEquals(NDArray.of(expected), z);
        assertEquals(streams, rng.stateUpdates().get(0).rstate().getValue().shape(0));
    }

    static Stream<Arguments> choiceCases() {
        return Stream.of(
                Arguments.of(Q2, 3, Mrg31k3p.MAX_GUESSED_STREAMS, new long[][] {{3, 2, 1}, {0, 2, 3}}),
                Arguments.of(Q3, 4, 7, new long[][] {{3, 2, 1, 0}, {1, 2, 3, 0}, {0, 3, 2, 1}}));
    }

    @ParameterizedTest
    @MethodSource("choiceCases")
    void choiceWithoutReplacementFromThePinnedUniforms(double[][] p, int size, int streams, long[][] expected) {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        NDArray z = Theano.function(List.of(), rng.choice(size, false, p, DType.INT64, streams)).call();
        assertEquals(NDArray.of(expected), z);
    }

    @Test
    void defaultsAndTheDeprecatedAlias() {
        MRGRandomStreams a = new MRGRandomStreams(12345);
        assertEquals(NDArray.of(new long[][] {{0, 0, 1}, {1, 0, 0}}),
                Theano.function(List.of(), a.multinomial(P2)).call(), "n = 1: uniforms 0.735 and 0.259");
        MRGRandomStreams b = new MRGRandomStreams(12345);
        MRGRandomStreams c = new MRGRandomStreams(12345);
        @SuppressWarnings("deprecation")
        NDArray viaAlias = Theano.function(List.of(), b.multinomialWoReplacement(Q2, 3)).call();
        assertEquals(Theano.function(List.of(), c.choice(3, false, Q2)).call(), viaAlias);
    }

    @Test
    void eachCallDrawsFreshUniformsAndChoicesAreDistinct() {
        MRGRandomStreams rng = new MRGRandomStreams(99);
        double[][] p = {{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}};
        Function f = Theano.function(List.of(), rng.choice(10, false, p));
        for (int call = 0; call < 5; call++) {
            long[] picks = f.call().toLongArray();
            assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, java.util.Arrays.stream(picks).sorted().toArray());
        }
        Function counts = Theano.function(List.of(), rng.multinomial(new double[][] {{0.5, 0.5}}, 1000));
        assertEquals(1000, java.util.Arrays.stream(counts.call().toLongArray()).sum());
    }

    @Test
    void theanosErrors() {
        MRGRandomStreams rng = new MRGRandomStreams(12345);
        assertThrows(UnsupportedOperationException.class, () -> rng.choice(2, true, Q2));
        assertThrows(IllegalArgumentException.class, () -> rng.multinomial(new double[][] {{0.5}, {0.2, 0.8}}));
        assertThrows(IllegalArgumentException.class, () -> rng.multinomial(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> rng.multinomial(P2, 0));
        IllegalArgumentException complex = assertThrows(IllegalArgumentException.class,
                () -> rng.multinomial(P2, 1, DType.COMPLEX64, 4));
        org.junit.jupiter.api.Assertions.assertTrue(complex.getMessage().contains("complex64"), complex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rng.choice(1, false, Q2, DType.COMPLEX128, 4));
        assertEquals(0, rng.stateUpdates().size(), "rejected calls draw nothing");
        Function tooMany = Theano.function(List.of(), rng.choice(5, false, Q2));
        assertThrows(IllegalArgumentException.class, tooMany::call);
    }
}
