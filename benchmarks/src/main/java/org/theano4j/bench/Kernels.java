package org.theano4j.bench;

import java.util.List;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** The compiled functions and inputs of the kernel workloads, shared by Workloads and JMH. */
public final class Kernels {
    /** Rows of the dgemv matrix (the seed's N). */
    public static final int GEMV_ROWS = LogReg.N;
    /** Columns of the dgemv matrix (the seed's feats). */
    public static final int GEMV_COLS = LogReg.FEATS;

    private Kernels() {
    }

    /** {@code f(x, y) = x + y} on two float64 scalars. */
    public static Function scalarAdd() {
        Variable[] xy = T.dscalars("x", "y");
        return Theano.function(List.of(xy[0], xy[1]), T.add(xy[0], xy[1]));
    }

    /** The seed's fused logistic {@code 1 / (1 + exp(-x))} on a float64 vector. */
    public static Function logistic() {
        Variable x = T.dvector("x");
        return Theano.function(List.of(x), T.div(1, T.add(1, T.exp(T.neg(x)))));
    }

    /** {@code T.dot(a, b)} of two matrices of {@code dtype}. */
    public static Function matmul(DType dtype) {
        return matmul(dtype, false);
    }

    /** {@code T.dot(a, b)}, or with {@code transposeA} {@code T.dot(a.T, b)}, of two matrices of {@code dtype}. */
    public static Function matmul(DType dtype, boolean transposeA) {
        Variable a = T.matrix("a", dtype);
        Variable b = T.matrix("b", dtype);
        return Theano.function(List.of(a, b), T.dot(transposeA ? a.T() : a, b));
    }

    /**
     * Matrix times vector: {@code dot(A, v)} or, with {@code transposed}, {@code dot(A.T, u)}
     * on the same stored 400 x 784 matrix A.
     */
    public static Function gemv(boolean transposed) {
        Variable a = T.dmatrix("A");
        Variable v = T.dvector("v");
        return Theano.function(List.of(a, v), transposed ? T.dot(a.T(), v) : T.dot(a, v));
    }

    /** A C-order array of {@code shape} with uniform [-1, 1) entries from a fixed seed. */
    public static NDArray random(DType dtype, long... shape) {
        long size = 1;
        for (long s : shape) {
            size *= s;
        }
        return NDArray.of(new RandomState(LogReg.SEED).uniform(-1, 1, size)).reshape(shape).astype(dtype);
    }
}
