package org.theano4j.rng;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Theano 1.0's {@code sandbox.multinomial.ChoiceFromUniform} (its C code): inputs a float64
 * matrix {@code pvals} and {@code rows * n} uniforms; output {@code (rows, n)} indices. For draw
 * c (outer loop) and row r (inner loop), uniform {@code unis[c * rows + r]} picks the first m whose
 * running float64 sum of row r exceeds it; without replacement (and unless c is the last draw) that
 * row of a working copy of pvals is then renormalized exactly as the C code does:
 * {@code sum = cummul - p[m]}, {@code p[m] = 0}, {@code sum += p[k]} for k from m to the end,
 * every {@code p[k] /= sum}. An index no sum reaches stays -1 (Theano's Python implementation's fill).
 *
 * @param dtype the indices' dtype (int64 by default)
 * @param n draws per row, at most the number of outcomes
 * @param replace whether drawn outcomes stay in (Theano's MRG {@code choice} only builds false)
 */
public record ChoiceFromUniform(DType dtype, long n, boolean replace) implements org.theano4j.graph.Op {
    /** Checks {@code n >= 1} and a real dtype (random draws have no complex form). */
    public ChoiceFromUniform {
        if (dtype != null && dtype.isComplex()) {
            throw new IllegalArgumentException("ChoiceFromUniform: random draws cannot have dtype " + dtype.numpyName());
        }
        if (n < 1) {
            throw new IllegalArgumentException("ChoiceFromUniform: n must be >= 1, got " + n);
        }
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return FromUniform.output(FromUniform.check(displayName(), inputs), dtype);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray pvals = (NDArray) inputs[0];
        if (n > pvals.shape(1)) {
            throw new IllegalArgumentException("Cannot sample without replacement n samples bigger than the size of "
                    + "the distribution: n " + n + ", outcomes " + pvals.shape(1));
        }
        double[] unis = FromUniform.unis(displayName(), pvals, (NDArray) inputs[1], n);
        double[][] p = FromUniform.rows(pvals);
        int cols = (int) n;
        long[] z = new long[p.length * cols];
        java.util.Arrays.fill(z, -1);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < p.length; r++) {
                int m = MultinomialFromUniform.firstAbove(p[r], unis[c * p.length + r]);
                if (m < 0) {
                    continue;
                }
                z[r * cols + c] = m;
                if (c != cols - 1 && !replace) {
                    renormalize(p[r], m);
                }
            }
        }
        NDArray out = NDArray.of(z).reshape(pvals.shape(0), n);
        return new Object[] {dtype == DType.INT64 ? out : out.astype(dtype)};
    }

    /** The C code's renormalization after picking m, in its order of operations. */
    private static void renormalize(double[] row, int m) {
        double cummul = 0.0;
        for (int k = 0; k <= m; k++) {
            cummul += row[k];
        }
        double sum = cummul - row[m];
        row[m] = 0.0;
        for (int k = m; k < row.length; k++) {
            sum = sum + row[k];
        }
        for (int k = 0; k < row.length; k++) {
            row[k] = row[k] / sum;
        }
    }

    @Override
    public String displayName() {
        return "ChoiceFromUniform{" + dtype.numpyName() + ", replace=" + replace + "}";
    }
}
