package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link RandomStreams} draws with a symbolic size and tensor parameters, two calls of a compiled
 * function each, against {@code numpy-reference/randomstreams_tensor.txt} (written by
 * {@code rng/scripts/randomstreams_tensor_reference.py}, which calls numpy's legacy
 * {@code RandomState} the way Theano 1.0.5's {@code RandomFunction.perform} and helpers do).
 * Inputs come from the same file.
 */
class RandomStreamsTensorTest {
    private static final Map<String, String[]> REF = reference();

    private static Map<String, String[]> reference() {
        try (var in = RandomStreamsTensorTest.class.getResourceAsStream("/numpy-reference/randomstreams_tensor.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String[]> m = new LinkedHashMap<>();
            reader.lines().map(l -> l.split("\\|", -1)).forEach(p -> m.put(p[0] + "|" + p[1], Arrays.copyOfRange(p, 2, 5)));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NDArray array(String c, String key) {
        String[] f = REF.get(c + "|" + key);
        if (f == null) {
            throw new IllegalStateException("no reference " + c + " " + key);
        }
        long[] shape = f[1].equals("-") ? new long[0] : Arrays.stream(f[1].split(",")).mapToLong(Long::parseLong).toArray();
        String[] vals = f[2].isEmpty() ? new String[0] : f[2].split(" ");
        NDArray a = f[0].equals("int64") ? NDArray.of(Arrays.stream(vals).mapToLong(Long::parseLong).toArray())
                : NDArray.of(Arrays.stream(vals).mapToDouble(Double::parseDouble).toArray());
        return a.reshape(shape).astype(DType.of(f[0]));
    }

    /** Two calls of {@code inputs -> draws} against the case's {@code callK.key} arrays, exactly (normals within one ulp). */
    private static void assertTwoCalls(String c, List<Variable> inputs, Map<String, Variable> draws) {
        Function f = Theano.function(inputs, List.copyOf(draws.values()));
        Object[] args = inputs.stream().map(v -> array(c, "in." + v.name())).toArray();
        for (int call = 1; call <= 2; call++) {
            List<NDArray> got = f.callAll(args);
            int i = 0;
            for (String key : draws.keySet()) {
                assertSame(c + " call" + call + "." + key, array(c, "call" + call + "." + key), got.get(i++));
            }
        }
    }

    static void assertSame(String what, NDArray want, NDArray got) {
        assertEquals(want.dtype(), got.dtype(), what);
        assertArrayEquals(want.shape(), got.shape(), what);
        if (want.dtype().isInteger()) {
            assertArrayEquals(want.toLongArray(), got.toLongArray(), what);
            return;
        }
        double[] w = want.toDoubleArray();
        double[] g = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            // gaussians may differ by one ulp where Java's log and the C library's round differently
            assertEquals(w[i], g[i], Math.ulp(w[i]), what + " element " + i);
        }
    }

    private static Map<String, Variable> draws(Object... keyValue) {
        Map<String, Variable> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            m.put((String) keyValue[i], (Variable) keyValue[i + 1]);
        }
        return m;
    }

    @Test
    void binomialWithMatrixPAndSizeOfP() {
        String c = "binomial_p_matrix_size_of_p";
        Variable p = T.dmatrix("p");
        RandomVariable b = new RandomStreams(1234).binomial(T.shape(p), 1, p, DType.FLOAT64);
        assertEquals(DType.FLOAT64, b.dtype());
        assertTwoCalls(c, List.of(p), draws("b", b));
    }

    @Test
    void binomialWithoutSizeTakesTheBroadcastShape() {
        String c = "binomial_n_vector_p_matrix_no_size";
        Variable n = T.lvector("n");
        Variable p = T.dmatrix("p");
        assertTwoCalls(c, List.of(n, p), draws("b", new RandomStreams(7).binomial(null, n, p, null)));
    }

    @Test
    void binomialWithSizeMixingIntegersAndScalars() {
        String c = "binomial_size_mixed_int_and_scalar";
        Variable x = T.dvector("x");
        RandomVariable b = new RandomStreams(99).binomial(List.of(2, T.shape(x).get(0)), 7, 0.3, null);
        assertArrayEquals(new boolean[] {false, false}, ((org.theano4j.graph.TensorType) b.type()).broadcastable());
        assertTwoCalls(c, List.of(x), draws("b", b));
    }

    @Test
    void binomialBtpeWithVectorP() {
        String c = "binomial_btpe_p_vector";
        Variable p = T.dvector("p");
        assertTwoCalls(c, List.of(p), draws("b", new RandomStreams(5).binomial(new long[] {4, 3}, 100, p, DType.INT64)));
    }

    @Test
    void uniformWithTensorBounds() {
        Variable low = T.dvector("low");
        Variable high = T.dmatrix("high");
        assertTwoCalls("uniform_bounds_no_size", List.of(low, high), draws("u", new RandomStreams(11).uniform(null, low, high, null)));
        Variable x = T.dmatrix("x");
        Variable lo = T.dscalar("low");
        Variable hi = T.dvector("high");
        assertTwoCalls("uniform_size_of_x_scalar_low", List.of(x, lo, hi),
                draws("u", new RandomStreams(12).uniform(T.shape(x), lo, hi, null)));
    }

    @Test
    void uniformInFloat32RoundsTheFloat64Draws() {
        Variable high = T.dvector("high");
        RandomVariable u = new RandomStreams(13).uniform(new long[] {3, 2}, 0.0, high, DType.FLOAT32);
        assertTwoCalls("uniform_float32", List.of(high), draws("u", u));
    }

    @Test
    void normalWithTensorParameters() {
        Variable avg = T.dmatrix("avg");
        Variable std = T.dvector("std");
        assertTwoCalls("normal_params_constant_size", List.of(avg, std),
                draws("z", new RandomStreams(21).normal(new long[] {4, 2, 3}, avg, std, null)));
        // an odd count leaves a cached gaussian that the next call uses first
        Variable avg5 = T.dvector("avg");
        Variable std0 = T.dscalar("std");
        assertTwoCalls("normal_odd_count", List.of(avg5, std0), draws("z", new RandomStreams(22).normal(List.of(5), avg5, std0, null)));
    }

    @Test
    void randomIntegersWithTensorBounds() {
        Variable low = T.lvector("low");
        Variable high = T.lvector("high");
        assertTwoCalls("random_integers_bounds", List.of(low, high),
                draws("k", new RandomStreams(31).randomIntegers(new long[] {2, 3}, low, high, null)));
    }

    @Test
    void multinomialWithMatrixPvals() {
        Variable pvals = T.dmatrix("pvals");
        assertTwoCalls("multinomial_matrix_pvals", List.of(pvals), draws("m", new RandomStreams(41).multinomial(null, 10, pvals, null)));
        Variable n = T.lvector("n");
        Variable p5 = T.dmatrix("pvals");
        assertTwoCalls("multinomial_n_vector", List.of(n, p5), draws("m", new RandomStreams(42).multinomial(null, n, p5, null)));
        Variable p4 = T.dmatrix("pvals");
        RandomVariable auto = new RandomStreams(43).multinomial(List.of(2, -1), 6, p4, null);
        assertEquals(3, auto.ndim());
        assertTwoCalls("multinomial_size_auto_axis", List.of(p4), draws("m", auto));
        Variable nudged = T.dmatrix("pvals");
        assertTwoCalls("multinomial_nudged_rows", List.of(nudged), draws("m", new RandomStreams(44).multinomial(null, 50, nudged, null)));
    }

    @Test
    void constantPvalsAreNudgedAsTheano105Does() {
        // sum 1.000002: Theano scales the row by 1 - 5e-5 and draws, where numpy alone would refuse it
        RandomVariable m = new RandomStreams(45).multinomial(new long[] {3}, 50, new double[] {0.5, 0.5 + 2e-6, 0.0});
        assertTwoCalls("multinomial_constant_pvals_nudged", List.of(), draws("m", m));
    }

    @Test
    void twoDrawsOfOneStreamTakeSuccessiveSeeds() {
        Variable p = T.dmatrix("p");
        RandomStreams srng = new RandomStreams(55);
        RandomVariable b = srng.binomial(T.shape(p), 3, p, null);
        RandomVariable z = srng.normal(T.shape(p), p, 1.0, null);
        assertTwoCalls("two_draws_one_stream", List.of(p), draws("b", b, "z", z));
        assertEquals(2, srng.stateUpdates().size());
        // the seed reseeds tensor-parameter draws like the others
        srng.seed(55);
        Function f = Theano.function(List.of(p), List.of(b, z));
        List<NDArray> again = f.callAll(array("two_draws_one_stream", "in.p"));
        assertSame("reseeded b", array("two_draws_one_stream", "call1.b"), again.get(0));
        assertSame("reseeded z", array("two_draws_one_stream", "call1.z"), again.get(1));
    }
}
