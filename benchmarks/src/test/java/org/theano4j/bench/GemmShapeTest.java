package org.theano4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The gemm shape names shared with benchmarks/python/common.py, and the transposed product. */
class GemmShapeTest {
    @ParameterizedTest
    @CsvSource({
        "512, 512, 512, 512, false, 512",
        "128x784x500, 128, 784, 500, false, 128x784x500",
        "784x128x500T, 784, 128, 500, true, 784x128x500T",
        "500x128x10t, 500, 128, 10, true, 500x128x10T",
        "2x2x2, 2, 2, 2, false, 2"})
    void parsesAndNamesShapes(String text, long m, long k, long n, boolean transposed, String label) {
        GemmShape s = GemmShape.parse(text);
        assertEquals(new GemmShape(m, k, n, transposed), s);
        assertEquals(label, s.label());
        assertEquals(2.0 * m * k * n, s.flops());
    }

    @Test
    void storesTheTransposedOperandAsKByM() {
        assertArrayEquals(new long[] {128, 784}, GemmShape.parse("784x128x500T").storedA());
        assertArrayEquals(new long[] {128, 784}, GemmShape.parse("128x784x500").storedA());
    }

    @ParameterizedTest
    @CsvSource({"'1x2'", "'axbxc'", "'0x1x1'", "'7T'", "''"})
    void rejectsMalformedShapes(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> GemmShape.parse(text));
        assertEquals(true, e.getMessage().startsWith("gemm shape: "), e.getMessage());
    }

    @Test
    void transposedMatmulMultipliesTheTransposeOfTheStoredArray() {
        NDArray a = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});   // stored 3 x 2: a.T is 2 x 3
        NDArray b = NDArray.of(new double[][] {{1}, {1}, {1}});
        assertArrayEquals(new double[] {9, 12}, Kernels.matmul(DType.FLOAT64, true).call(a, b).toDoubleArray());
    }
}
