package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.op.Elementary;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link VectorMath}'s lanes are {@link Elementary}'s bits, so a compiled function's exp, log,
 * tanh, sigmoid and softmax give the same bits in every lane, in the loop tail, on the first call
 * and after C2, and at every vector width (the build runs this forced to 128 bits and AVX2).
 */
class VectorMathTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, Double.MAX_VALUE,
        -Double.MAX_VALUE, 709.78, 709.79, -745.13, -745.14, -708.4, 0.5, 0.75, 0.7499999999999999, -0.75, 22, 1e-300,
        0.70710678118654757, 0.7071067811865475, 1.4142135623730951, 88.72, 88.73, -103.97, -87.3, 20, 9.5, 1e-20};

    @Test
    void doubleLanesAreTheScalarBits() {
        check(VectorMath::exp, Elementary::exp, "exp");
        check(VectorMath::log, Elementary::log, "log");
        check(VectorMath::tanh, Elementary::tanh, "tanh");
    }

    @Test
    void floatLanesAreTheScalarBits() {
        checkFloat(VectorMath::exp, Elementary::exp, "exp");
        checkFloat(VectorMath::log, Elementary::log, "log");
        checkFloat(VectorMath::tanh, Elementary::tanh, "tanh");
    }

    @Test
    void compiledFunctionsGiveTheScalarBitsInEveryPosition() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 3 * Species.D.length() * 64 + 5; // whole blocks, vectors and a tail
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < SPECIAL.length ? SPECIAL[i] : r.nextDouble(-30, 30);
        }
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            NDArray x = NDArray.of(v).astype(dtype);
            Variable xv = T.vector("x", dtype);
            Function f = Theano.function(List.of(xv), List.of(T.exp(xv), T.log(xv), T.tanh(xv), T.sigmoid(xv)));
            for (int call = 0; call < 3; call++) {
                List<NDArray> out = f.callAll(x);
                for (int i = 0; i < n; i++) {
                    double xi = x.getFlat(i);
                    boolean single = dtype == DType.FLOAT32;
                    float xf = (float) xi;
                    assertBits(single ? Elementary.exp(xf) : Elementary.exp(xi), out.get(0).getFlat(i), "exp", xi);
                    assertBits(single ? Elementary.log(xf) : Elementary.log(xi), out.get(1).getFlat(i), "log", xi);
                    assertBits(single ? Elementary.tanh(xf) : Elementary.tanh(xi), out.get(2).getFlat(i), "tanh", xi);
                    double sig = single ? 1 / (Elementary.exp(-xf) + 1) : 1 / (Elementary.exp(-xi) + 1);
                    assertBits(sig, out.get(3).getFlat(i), "sigmoid", xi);
                }
            }
        }
    }

    @Test
    void softmaxEqualsTheReferenceBitForBit() {
        SplittableRandom r = new SplittableRandom(5);
        int rows = 7;
        int cols = 2 * Species.D.length() + 3;
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble(-20, 20);
        }
        NDArray x = NDArray.of(v).reshape(rows, cols);
        Variable xv = T.dmatrix("x");
        NDArray fast = Theano.function(List.of(xv), T.softmax(xv)).call(x);
        NDArray ref = Theano.function(List.of(xv), T.softmax(xv), Theano.options().device("reference")).call(x);
        for (int i = 0; i < v.length; i++) {
            assertBits(ref.getFlat(i), fast.getFlat(i), "softmax", v[i]);
        }
    }

    private static void check(UnaryOperator<DoubleVector> vec, DoubleUnaryOperator scalar, String name) {
        int lanes = Species.D.length();
        double[] in = values(lanes * 20_000);
        double[] out = new double[lanes];
        for (int i = 0; i + lanes <= in.length; i += lanes) {
            vec.apply(DoubleVector.fromArray(Species.D, in, i)).intoArray(out, 0);
            for (int l = 0; l < lanes; l++) {
                assertBits(scalar.applyAsDouble(in[i + l]), out[l], name, in[i + l]);
            }
        }
    }

    private interface FloatFn {
        float apply(float x);
    }

    private static void checkFloat(UnaryOperator<FloatVector> vec, FloatFn scalar, String name) {
        int lanes = Species.F.length();
        double[] d = values(lanes * 20_000);
        float[] in = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            in[i] = (float) d[i];
        }
        float[] out = new float[lanes];
        for (int i = 0; i + lanes <= in.length; i += lanes) {
            vec.apply(FloatVector.fromArray(Species.F, in, i)).intoArray(out, 0);
            for (int l = 0; l < lanes; l++) {
                float want = scalar.apply(in[i + l]);
                if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(out[l])
                        && !(Float.isNaN(want) && Float.isNaN(out[l]))) {
                    throw new AssertionError(name + "(" + in[i + l] + "f): lane " + out[l] + ", scalar " + want);
                }
            }
        }
    }

    /** The special values, then random ones over many binades and both signs. */
    private static double[] values(int n) {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < SPECIAL.length ? SPECIAL[i]
                    : switch (i % 4) {
                        case 0 -> r.nextDouble(-750, 750);
                        case 1 -> r.nextDouble(-2, 2);
                        case 2 -> Math.scalb(r.nextDouble(1, 2), r.nextInt(-1074, 1024)) * (r.nextBoolean() ? 1 : -1);
                        default -> r.nextDouble(-25, 25);
                    };
        }
        return v;
    }

    private static void assertBits(double want, double got, String name, double x) {
        if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(got) && !(Double.isNaN(want) && Double.isNaN(got))) {
            assertEquals(want, got, name + "(" + x + ")");
            throw new AssertionError(name + "(" + x + "): " + got + " vs " + want + " (signed zeros differ)");
        }
    }
}
