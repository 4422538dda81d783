package org.theano4j.rng;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Input checks and value access shared by {@link MultinomialFromUniform} and {@link ChoiceFromUniform}. */
final class FromUniform {
    private FromUniform() {
    }

    /** Checks (float64 matrix pvals, float vector unis) and returns pvals' tensor type. */
    static TensorType check(String op, List<Variable> inputs) {
        if (inputs.size() != 2 || !(inputs.get(0).type() instanceof TensorType p) || p.ndim() != 2
                || p.dtype() != DType.FLOAT64 || !(inputs.get(1).type() instanceof TensorType u) || u.ndim() != 1
                || (u.dtype() != DType.FLOAT64 && u.dtype() != DType.FLOAT32)) {
            throw new IllegalArgumentException(op + ": expects (float64 matrix pvals, float vector unis), got "
                    + inputs.stream().map(v -> v.type().describe()).toList());
        }
        return p;
    }

    /** The rows of a float64 pvals matrix. */
    static double[][] rows(NDArray pvals) {
        int r = (int) pvals.shape(0);
        int k = (int) pvals.shape(1);
        double[] flat = pvals.contiguous().toDoubleArray();
        double[][] rows = new double[r][];
        for (int i = 0; i < r; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * k, i * k + k);
        }
        return rows;
    }

    /** The uniforms as doubles, checking {@code unis.shape[0] == pvals.shape[0] * n}. */
    static double[] unis(String op, NDArray pvals, NDArray unis, long n) {
        if (unis.ndim() != 1 || unis.shape(0) != pvals.shape(0) * n) {
            throw new IllegalArgumentException(op + ": unis.shape[0] != pvals.shape[0] * n: unis "
                    + Arrays.toString(unis.shape()) + ", pvals " + Arrays.toString(pvals.shape()) + ", n " + n);
        }
        return unis.astype(DType.FLOAT64).toDoubleArray();
    }

    /** The output type: {@code dtype} with pvals' broadcastable pattern, as Theano gives it. */
    static List<Type> output(TensorType pvals, DType dtype) {
        return List.of(new TensorType(dtype, pvals.broadcastable()));
    }
}
