package org.theano4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.theano4j.tensor.DType;

/** The bundled subset's split and scaling, and (where the Debian package is installed) that it is the full set's first examples. */
class FashionMnistTest {
    @Test
    void subsetSplitsLikeTheTutorials() {
        FashionMnist.Splits s = FashionMnist.subset();
        assertEquals(500, s.train().size());
        assertEquals(100, s.valid().size());
        assertEquals(100, s.test().size());
        assertArrayEquals(new long[] {500, 784}, s.train().x().shape());
        assertEquals(DType.FLOAT64, s.train().x().dtype());
        assertEquals(DType.INT32, s.train().y().dtype());
        double[] x = s.test().x().toDoubleArray();
        double max = 0;
        for (double v : x) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
            assertEquals(Math.rint(v * 255), v * 255, 1e-9, "pixel / 255");
            max = Math.max(max, v);
        }
        assertEquals(1.0, max);
        // Zalando's first training labels: ankle boot, T-shirt, T-shirt, dress, T-shirt
        assertArrayEquals(new int[] {9, 0, 0, 3, 0}, java.util.Arrays.copyOf(s.train().y().toIntArray(), 5));
        // first test labels: ankle boot, pullover, trouser, trouser, shirt
        assertArrayEquals(new int[] {9, 2, 1, 1, 6}, java.util.Arrays.copyOf(s.test().y().toIntArray(), 5));
    }

    @Test
    void subsetIsTheFirstExamplesOfEachPartOfTheInstalledSet() {
        Path dir = Path.of(FashionMnist.DEBIAN_DIR);
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz")),
                "dataset-fashion-mnist is not installed (examples/scripts/install-fashion-mnist.sh)");
        FashionMnist.Splits full = FashionMnist.load(dir);
        FashionMnist.Splits sub = FashionMnist.subset();
        assertEquals(50000, full.train().size());
        assertEquals(10000, full.valid().size());
        assertEquals(10000, full.test().size());
        assertPrefix(sub.train(), full.train());
        assertPrefix(sub.valid(), full.valid());
        assertPrefix(sub.test(), full.test());
    }

    private static void assertPrefix(FashionMnist.Part sub, FashionMnist.Part full) {
        int n = sub.size();
        assertArrayEquals(sub.y().toIntArray(), java.util.Arrays.copyOf(full.y().toIntArray(), n));
        assertArrayEquals(sub.x().toDoubleArray(), full.x().slice(0, 0, n, 1).toDoubleArray());
    }
}
