package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.graph.Op;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@link GemmKernel} on the host-memory {@link HostDevice}: {@code alpha·dot(x, y) + beta·z} for
 * {@link Gemm} and {@link Gemv}, float32 and float64, x and (for Gemm) y contiguous or transposed
 * views, the output a new array or z itself (in place: z host-only, or a value only the device
 * holds), alpha and beta small powers of two and integers (beta 0 too, with NaN in z that must not
 * be read). Inputs are small integers, so every result is exact in float32 as well; the oracle is
 * an exact loop over the logical operands, and the op's reference evaluation must agree.
 * {@link GemmKernelGpuTest} runs the same cases on cuBLAS.
 */
class GemmKernelTest {

    /** Where the output goes. */
    enum Target {
        /** a new array */
        NEW,
        /** z itself, z on the host */
        IN_PLACE,
        /** z itself, z a value only the device holds (a previous kernel's output) */
        IN_PLACE_RESIDENT
    }

    private static final double[][] FACTORS = {{1, 1}, {-0.5, 1}, {2, -3}, {0.25, 0.5}, {-1, 0}};

    /** @return dtype x transposed x x transposed y x target x (alpha, beta) */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (DType t : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (boolean tx : new boolean[] {false, true}) {
                for (boolean ty : new boolean[] {false, true}) {
                    for (Target target : Target.values()) {
                        for (double[] f : FACTORS) {
                            all.add(Arguments.of(t, tx, ty, target, f[0], f[1]));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    private final Random random = new Random(20261);
    private Device device;
    private DeviceValues values;

    /** @return the device the kernel runs on: here the host-memory fake */
    Device newDevice() {
        return new HostDevice();
    }

    /** A fresh device and its values for each case. */
    @BeforeEach
    void open() {
        device = newDevice();
        values = new DeviceValues(device);
    }

    /** Small integers in [-6, 6], zero excluded. */
    private NDArray integers(DType t, long... shape) {
        NDArray a = NDArray.empty(t, shape);
        for (long i = 0; i < a.size(); i++) {
            int v = random.nextInt(1, 7);
            a.setFlat(i, random.nextBoolean() ? v : -v);
        }
        return a;
    }

    /** A rows x cols matrix of small integers, as a transposed view of a cols x rows array when {@code trans}. */
    private NDArray matrix(DType t, boolean trans, long rows, long cols) {
        return trans ? integers(t, cols, rows).transpose() : integers(t, rows, cols);
    }

    /** The exact {@code alpha·dot(x, y) + beta·z} (beta 0: z not read) over the logical operands, C order. */
    private static double[] oracle(NDArray z, NDArray x, NDArray y, double alpha, double beta) {
        long m = x.shape(0);
        long k = x.shape(1);
        long n = y.ndim() == 2 ? y.shape(1) : 1;
        double[] c = new double[(int) (m * n)];
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < n; j++) {
                double s = 0;
                for (long p = 0; p < k; p++) {
                    s += x.getDouble(i, p) * (y.ndim() == 2 ? y.getDouble(p, j) : y.getDouble(p));
                }
                double zv = beta == 0 ? 0 : beta * (y.ndim() == 2 ? z.getDouble(i, j) : z.getDouble(i));
                c[(int) (i * n + j)] = alpha * s + zv;
            }
        }
        return c;
    }

    /**
     * Places z as the target says and returns the array the kernel writes: z itself in place (for
     * {@code IN_PLACE_RESIDENT} z's value moved to device memory only, its host memory overwritten
     * with other numbers), else a new array.
     */
    private NDArray target(NDArray z, Target target) {
        if (target == Target.IN_PLACE_RESIDENT) {
            NDArray host = z.copy();
            Device.Memory m = values.output(z, new NDArray[0]);
            device.upload(HostArrays.bytes(host), m);
            z.fill(1000);
        }
        return target == Target.NEW ? NDArray.empty(z.dtype(), z.shape()) : z;
    }

    /** Runs the kernel for {@code op} on {@code (z, x, y)} and checks the output against the oracle and the reference. */
    private void check(Op op, NDArray z, NDArray x, NDArray y, Target target, double alpha, double beta) {
        double[] expected = oracle(z, x, y, alpha, beta);
        double[] reference = ((NDArray) op.evaluate(new Object[] {z, x, y})[0]).toDoubleArray();
        assertArrayEquals(expected, reference, "the oracle is the op's reference evaluation");
        NDArray out = target(z, target);
        new GemmKernel(values, op).run(new NDArray[] {z, x, y}, new NDArray[] {out});
        values.toHost(out);
        assertArrayEquals(expected, out.toDoubleArray(), "alpha " + alpha + ", beta " + beta + ", " + target);
    }

    /** z of the output's shape, NaN where beta is 0 (BLAS does not read it then). */
    private NDArray z(DType t, double beta, long... shape) {
        NDArray z = integers(t, shape);
        if (beta == 0) {
            z.fill(Double.NaN);
        }
        return z;
    }

    @ParameterizedTest(name = "{0} x.T {1} y.T {2} {3} alpha {4} beta {5}")
    @MethodSource("cases")
    void gemmIsAlphaXYPlusBetaZ(DType t, boolean tx, boolean ty, Target target, double alpha, double beta) {
        int m = 5;
        int k = 7;
        int n = 4;
        check(new Gemm(alpha, beta), z(t, beta, m, n), matrix(t, tx, m, k), matrix(t, ty, k, n), target, alpha, beta);
    }

    @ParameterizedTest(name = "{0} x.T {1} {3} alpha {4} beta {5}")
    @MethodSource("cases")
    void gemvIsAlphaXYPlusBetaZ(DType t, boolean tx, boolean ty, Target target, double alpha, double beta) {
        if (ty) {
            return; // a vector has no transpose: the case is gemm's
        }
        int m = 6;
        int k = 9;
        check(new Gemv(alpha, beta), z(t, beta, m), matrix(t, tx, m, k), integers(t, k), target, alpha, beta);
    }

    /** With an empty inner dimension the output is {@code beta·z} (the product is 0). */
    @Test
    void anEmptyInnerDimensionGivesBetaZ() {
        NDArray z = integers(DType.FLOAT64, 3, 2);
        NDArray out = NDArray.empty(DType.FLOAT64, 3, 2);
        Op op = new Gemm(2, -0.5);
        new GemmKernel(values, op).run(new NDArray[] {z, NDArray.empty(DType.FLOAT64, 3, 0),
            NDArray.empty(DType.FLOAT64, 0, 2)}, new NDArray[] {out});
        values.toHost(out);
        double[] expected = z.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= -0.5;
        }
        assertArrayEquals(expected, out.toDoubleArray());
    }

    /** In place on a host z, z is uploaded and copied on the device into the output's memory once per call. */
    @Test
    void inPlaceCopiesZOnTheDevice() {
        if (!(device instanceof HostDevice d)) {
            return;
        }
        NDArray z = integers(DType.FLOAT32, 4, 3);
        long copies = d.copies.get();
        new GemmKernel(values, new Gemm(1, 1)).run(new NDArray[] {z, integers(DType.FLOAT32, 4, 2),
            integers(DType.FLOAT32, 2, 3)}, new NDArray[] {z});
        assertEquals(1, d.copies.get() - copies, "z copied into the output's memory");
    }
}
