package org.theano4j.examples.dltut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.theano4j.rng.RandomState;

/**
 * {@link OrthoWeight} against numpy.linalg.svd (LAPACK gesdd) with the same sign rule, on
 * {@code RandomState(n).randn(n, n)} ({@code dltut/ortho_weight.txt}, written by
 * {@code examples/scripts/dltut/ortho_weight_reference.py}).
 */
class OrthoWeightTest {

    private static Map<Integer, double[]> reference() throws IOException {
        Map<Integer, double[]> m = new TreeMap<>();
        try (InputStream in = OrthoWeightTest.class.getResourceAsStream("/dltut/ortho_weight.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                int n = Integer.parseInt(f[0]);
                m.computeIfAbsent(n, k -> new double[k * k])[Integer.parseInt(f[1]) * n + Integer.parseInt(f[2])] =
                        Double.parseDouble(f[3]);
            }
        }
        return m;
    }

    @Test
    void matchesNumpyWithNormalisedSigns() throws IOException {
        Map<Integer, double[]> ref = reference();
        assertEquals(6, ref.size());
        ref.forEach((n, want) -> {
            double[] got = OrthoWeight.u(new RandomState(n).randn(n, n), n);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-13, "n=" + n + " entry " + i);
            }
        });
    }

    @Test
    void columnsAreOrthonormal() {
        int n = 24;
        double[] u = OrthoWeight.u(new RandomState(7).randn(n, n), n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += u[i * n + a] * u[i * n + b];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-13, "columns " + a + ", " + b);
            }
        }
    }

    @Test
    void rejectsAMatrixThatIsNotSquare() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrthoWeight.u(new double[6], 2));
        assertTrue(e.getMessage().contains("2 x 2") && e.getMessage().contains("6 entries"), e.getMessage());
    }
}
