package org.theano4j.bench;

import java.util.Locale;

/**
 * One matrix product of the gemm workloads: {@code (m x k) . (k x n)}, 2mkn flops. With
 * {@code transposeA} the first operand is the transpose of a stored, C-order {@code k x m} array, as
 * in the MLP's weight gradient {@code x.T . dh}. Written {@code MxKxN}, with a trailing {@code T}
 * when transposed ({@code 784x128x500T}); a square {@code n x n x n} product is written {@code n}.
 * benchmarks/python/common.py parses the same names.
 *
 * @param m rows of the product
 * @param k the inner dimension
 * @param n columns of the product
 * @param transposeA whether the first operand is a transposed view
 */
public record GemmShape(long m, long k, long n, boolean transposeA) {
    /** The rectangular shapes of the 784-500-10 MLP's forward and backward products, batch 128. */
    public static final String MLP_SHAPES = "128x784x500,784x128x500T,500x128x10T";

    /** Validates the sizes. */
    public GemmShape {
        if (m < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException("gemm shape: sizes must be >= 1, given " + m + "x" + k + "x" + n);
        }
    }

    /** The square product of two {@code n x n} matrices. */
    public static GemmShape square(long n) {
        return new GemmShape(n, n, n, false);
    }

    /** Parses {@code MxKxN}, {@code MxKxNT} or a lone {@code n} (square). */
    public static GemmShape parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        boolean transposed = s.endsWith("t");
        String[] parts = (transposed ? s.substring(0, s.length() - 1) : s).split("x");
        try {
            if (parts.length == 1 && !transposed) {
                return square((long) Double.parseDouble(parts[0]));
            }
            if (parts.length == 3) {
                return new GemmShape(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), transposed);
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("gemm shape: expected MxKxN, MxKxNT or n, given '" + text + "'");
    }

    /** The stored shape of the first operand: {@code m x k}, or {@code k x m} when transposed. */
    public long[] storedA() {
        return transposeA ? new long[] {k, m} : new long[] {m, k};
    }

    /** Floating-point operations of the product. */
    public double flops() {
        return 2.0 * m * k * n;
    }

    /** The row-name suffix: {@code 512} for a square, else {@code MxKxN} with {@code T} when transposed. */
    public String label() {
        if (m == k && k == n && !transposeA) {
            return Long.toString(n);
        }
        return m + "x" + k + "x" + n + (transposeA ? "T" : "");
    }
}
