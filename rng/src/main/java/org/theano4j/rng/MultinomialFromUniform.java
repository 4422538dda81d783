package org.theano4j.rng;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Theano 1.0's {@code sandbox.multinomial.MultinomialFromUniform} (its C code): inputs a float64
 * matrix {@code pvals} (one multinomial per row) and a vector of {@code rows * n} uniforms; output
 * the counts, shape of pvals. For draw c and row r, uniform {@code unis[c * rows + r]} adds one to
 * the first outcome m whose running float64 sum {@code pvals[r, 0] + ... + pvals[r, m]} exceeds it
 * (none when no sum does). pvals are not checked, as in Theano.
 *
 * @param dtype the counts' dtype (Theano's {@code odtype}, int64 by default)
 * @param n draws per row
 */
public record MultinomialFromUniform(DType dtype, long n) implements org.theano4j.graph.Op {
    /** Checks {@code n >= 1} and a real dtype (random draws have no complex form). */
    public MultinomialFromUniform {
        if (dtype != null && dtype.isComplex()) {
            throw new IllegalArgumentException("MultinomialFromUniform: random draws cannot have dtype " + dtype.numpyName());
        }
        if (n < 1) {
            throw new IllegalArgumentException("MultinomialFromUniform: n must be >= 1, got " + n);
        }
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return FromUniform.output(FromUniform.check(displayName(), inputs), dtype);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray pvals = (NDArray) inputs[0];
        double[] unis = FromUniform.unis(displayName(), pvals, (NDArray) inputs[1], n);
        double[][] p = FromUniform.rows(pvals);
        int k = (int) pvals.shape(1);
        long[] z = new long[p.length * k];
        for (long c = 0; c < n; c++) {
            for (int r = 0; r < p.length; r++) {
                int m = firstAbove(p[r], unis[(int) (c * p.length + r)]);
                if (m >= 0) {
                    z[r * k + m]++;
                }
            }
        }
        NDArray out = NDArray.of(z).reshape(pvals.shape());
        return new Object[] {dtype == DType.INT64 ? out : out.astype(dtype)};
    }

    /** The first m whose running float64 sum of {@code row} exceeds {@code u}, or -1. */
    static int firstAbove(double[] row, double u) {
        double cummul = 0.0;
        for (int m = 0; m < row.length; m++) {
            cummul += row[m];
            if (cummul > u) {
                return m;
            }
        }
        return -1;
    }

    @Override
    public String displayName() {
        return "MultinomialFromUniform{" + dtype.numpyName() + "}";
    }
}
