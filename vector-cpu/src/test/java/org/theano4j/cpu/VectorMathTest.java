package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * log1p, tanh, sigmoid, softplus and softmax give the same bits in every lane, in the loop tail, on the first call
 * and after C2, and at every vector width (the build runs this forced to 128 bits and AVX2).
 */
class VectorMathTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, Double.MAX_VALUE,
        -Double.MAX_VALUE, 709.78, 709.79, -745.13, -745.14, -708.4, 0.5, 0.75, 0.7499999999999999, -0.75, 22, 1e-300,
        0.70710678118654757, 0.7071067811865475, 1.4142135623730951, 88.72, 88.73, -103.97, -87.3, 20, 9.5, 1e-20};
    /** log1p's and softplus's edges: around -1, 1 (its two correction forms), the tiny bound, the reduction's split. */
    private static final double[] LOG1P_EDGES = {-1 + 0x1p-53, -1 + 0x1p-24, -0.9999999, -0.5, -0.2928932188134524,
        -0.29289321881345254, 0.41421356237309503, 0.4142135623730951, Math.nextDown(1.0), Math.nextUp(1.0), 2, 0x1p53,
        0x1p54, 0x1p-54, -0x1p-54, Math.nextDown(0x1p-54), -Math.nextDown(0x1p-54), 0x1p-25, -0x1p-25, 0x1p-26, 1e-17,
        -1e-17, 36.7, 37, -37, 745, -745.2, 710, 1e308, -1.0000000000000002, -2, 0x1p-24, 3.4e38, 1e-45};

    @Test
    void doubleLanesAreTheScalarBits() {
        check(VectorMath::exp, Elementary::exp, "exp");
        check(VectorMath::log, Elementary::log, "log");
        check(VectorMath::tanh, Elementary::tanh, "tanh");
        check(VectorMath::log1p, Elementary::log1p, "log1p");
        check(VectorMath::softplus, Elementary::softplus, "softplus");
    }

    @Test
    void floatLanesAreTheScalarBits() {
        checkFloat(VectorMath::exp, Elementary::exp, "exp");
        checkFloat(VectorMath::log, Elementary::log, "log");
        checkFloat(VectorMath::tanh, Elementary::tanh, "tanh");
        checkFloat(VectorMath::log1p, Elementary::log1p, "log1p");
        checkFloat(VectorMath::softplus, Elementary::softplus, "softplus");
    }

    /** The ops with a {@link VectorMath} function have vector loops (else they run scalar, 5x slower). */
    @Test
    void mathOpsHaveVectorLoopsThatGiveTheScalarBits() {
        int n = 4 * Species.D.length() + 3;
        double[] in = values(n);
        float[] inF = new float[n];
        for (int i = 0; i < n; i++) {
            in[i] = i % 2 == 0 ? in[i] : in[i] / 1000; // log1p's domain too
            inF[i] = (float) in[i];
        }
        for (ElemProgram.Code op : DoubleRegisters.MATH) {
            double[] d = new double[n];
            float[] f = new float[n];
            int done = DoubleRegisters.loop(op).run(in, in, in, d, n);
            int doneF = FloatRegisters.loop(op).run(inF, inF, inF, f, n);
            assertEquals(n - n % Species.D.length(), done, op + " float64 lanes");
            assertEquals(n - n % Species.F.length(), doneF, op + " float32 lanes");
            for (int i = 0; i < done; i++) {
                assertBits(Registers.scalar(op, in[i], 0, 0), d[i], op.name(), in[i]);
            }
        }
        for (ElemProgram.Code op : List.of(ElemProgram.Code.LOG1P, ElemProgram.Code.SOFTPLUS)) {
            assertTrue(DoubleRegisters.MATH.contains(op), op + " has no vector loop");
        }
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
            Function f = Theano.function(List.of(xv), List.of(T.exp(xv), T.log(xv), T.tanh(xv), T.sigmoid(xv),
                    T.log1p(xv), T.softplus(xv)));
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
                    assertBits(single ? Elementary.log1p(xf) : Elementary.log1p(xi), out.get(4).getFlat(i), "log1p", xi);
                    assertBits(single ? Elementary.softplus(xf) : Elementary.softplus(xi), out.get(5).getFlat(i), "softplus", xi);
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
            int j = i - SPECIAL.length;
            v[i] = j < 0 ? SPECIAL[i] : j < LOG1P_EDGES.length ? LOG1P_EDGES[j]
                    : switch (i % 6) {
                        case 0 -> r.nextDouble(-750, 750);
                        case 1 -> r.nextDouble(-2, 2);
                        case 2 -> Math.scalb(r.nextDouble(1, 2), r.nextInt(-1074, 1024)) * (r.nextBoolean() ? 1 : -1);
                        case 3 -> r.nextDouble(-1, 1);
                        case 4 -> -1 + Math.scalb(r.nextDouble(1, 2), r.nextInt(-53, 0));
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
