package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
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
 * {@link MRGRandomStreams} draws whose size is known only at run time ({@code x.shape()}) and
 * binomials with a tensor {@code p}, against Theano 1.0.5
 * ({@code theano-reference/mrg_sized.txt}, written by {@code rng/scripts/mrg_sized_reference.py}).
 */
class MRGRandomStreamsSizedTest {
    private static final Map<String, double[]> REF = reference();

    private static Map<String, double[]> reference() {
        try (InputStream in = MRGRandomStreamsSizedTest.class.getResourceAsStream("/theano-reference/mrg_sized.txt")) {
            Map<String, double[]> m = new HashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(line -> {
                String[] f = line.split(" ");
                m.put(f[0], Arrays.stream(f, 2, f.length).mapToDouble(Double::parseDouble).toArray());
            });
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void symbolicSizeAndTensorPMatchTheano() {
        MRGRandomStreams srng = new MRGRandomStreams(1234);
        Variable x = T.dmatrix("x");
        Variable p = T.dmatrix("p");
        Variable u = srng.uniform(T.shape(x), 0.0, 1.0);
        Variable b = srng.binomial(T.shape(p), p, DType.FLOAT64);
        Variable c = srng.binomial(T.shape(x), 0.7, DType.FLOAT64).mul(x);
        Function f = Theano.function(List.of(x, p), List.of(u, b, c));
        NDArray xv = NDArray.of(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12, 13, 14, 15}});
        NDArray pv = NDArray.of(REF.get("p")).reshape(4, 3);
        for (int call = 0; call < 2; call++) {
            List<NDArray> out = f.callAll(xv, pv);
            assertArrayEquals(new long[] {3, 5}, out.get(0).shape());
            assertArrayEquals(new long[] {4, 3}, out.get(1).shape());
            assertEquals(DType.FLOAT64, out.get(1).dtype());
            assertArrayEquals(REF.get("uniform" + call), out.get(0).toDoubleArray(), 0.0);
            assertArrayEquals(REF.get("binomial" + call), out.get(1).toDoubleArray(), 0.0);
            assertArrayEquals(REF.get("corrupted" + call), out.get(2).toDoubleArray(), 0.0);
        }
        Variable t = T.dtensor3("t");
        Function f3 = Theano.function(List.of(t), srng.uniform(T.shape(t), -1.0, 2.0));
        assertArrayEquals(REF.get("uniform3d"), f3.call(NDArray.zeros(DType.FLOAT64, 2, 3, 4)).toDoubleArray(), 0.0);
    }

    @Test
    void sizeFollowsEachCallsInput() {
        MRGRandomStreams srng = new MRGRandomStreams(99);
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), srng.uniform(T.shape(x), 0.0, 1.0));
        assertArrayEquals(new long[] {7}, f.call(new double[7]).shape());
        assertArrayEquals(new long[] {2}, f.call(new double[2]).shape());
    }

    @Test
    void sizeOfUnknownLengthOrNotAnIntegerVectorIsRefused() {
        MRGRandomStreams srng = new MRGRandomStreams(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> srng.uniform(T.lvector("n"), 0, 1));
        assertEquals("MRG draw: the length of size n is not known from the graph (give a shape() or a constant vector)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> srng.uniform(T.dvector("d"), 0, 1));
        assertEquals(2, Theano.function(List.of(), srng.uniform(T.constant(new long[] {2, 3}), 0, 1)).call().ndim());
    }
}
