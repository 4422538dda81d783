package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.graph.Apply;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Gemm/Gemv kernels ({@code alpha * dot(x, y) + beta * z}) against the reference, all alpha/beta forms. */
class GemmKernelTest {
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (DType d : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            for (double[] ab : new double[][] {{1, 0}, {1, 1}, {-0.1, 1}, {2.5, -0.5}, {0, 1}}) {
                for (int n : new int[] {1, 7, 33, 130}) {
                    b.add(Arguments.of(d, ab[0], ab[1], n));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gemmMatchesReference(DType d, double alpha, double beta, int n) {
        NDArray z = Parity.array(d, 1, -1, 1, false, n, n + 3);
        NDArray x = DotKernelTest.matrix(d, 2, n, 17, true);
        NDArray y = DotKernelTest.matrix(d, 3, 17, n + 3, false);
        Apply node = Parity.node(new Gemm(alpha, beta), z, x, y);
        double rel = d == DType.FLOAT32 ? 1e-5 : 1e-12;
        DotKernelTest.assertClose(Parity.reference(node, z, x, y).toDoubleArray(), Parity.runKernel(node, z, x, y), rel,
                "gemm " + d + " " + alpha + " " + beta + " n=" + n);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gemvMatchesReference(DType d, double alpha, double beta, int n) {
        NDArray z = Parity.array(d, 4, -1, 1, false, n);
        NDArray x = DotKernelTest.matrix(d, 5, n, n + 5, n % 2 == 1);
        NDArray y = Parity.array(d, 6, -1, 1, false, n + 5);
        Apply node = Parity.node(new Gemv(alpha, beta), z, x, y);
        double rel = d == DType.FLOAT32 ? 1e-5 : 1e-12;
        DotKernelTest.assertClose(Parity.reference(node, z, x, y).toDoubleArray(), Parity.runKernel(node, z, x, y), rel,
                "gemv " + d + " " + alpha + " " + beta + " n=" + n);
    }

    /**
     * A transposed or sliced z (the tied {@code W.T} of dA/SdA/rbm) takes the strided combine: the
     * same bits as the same values laid out contiguously, and the reference's values.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void stridedZGivesTheContiguousBits(DType d, double alpha, double beta, int n) {
        NDArray zt = Parity.array(d, 7, -1, 1, false, n + 3, n).transpose(1, 0);
        NDArray zs = Parity.array(d, 8, -1, 1, false, n, 2 * (n + 3)).slice(1, 0, 2 * (n + 3), 2);
        NDArray x = DotKernelTest.matrix(d, 2, n, 17, true);
        NDArray y = DotKernelTest.matrix(d, 3, 17, n + 3, false);
        for (NDArray z : new NDArray[] {zt, zs}) {
            Apply node = Parity.node(new Gemm(alpha, beta), z, x, y);
            NDArray strided = Parity.runKernel(node, z, x, y);
            NDArray contiguous = Parity.runKernel(node, z.copy(), x, y);
            assertArrayEquals(contiguous.toDoubleArray(), strided.toDoubleArray(), "gemm " + d + " " + alpha + " " + beta);
            double rel = d == DType.FLOAT32 ? 1e-5 : 1e-12;
            DotKernelTest.assertClose(Parity.reference(node, z, x, y).toDoubleArray(), strided, rel, "strided gemm " + d);
        }
    }
}
