package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.op.CrossentropyCategorical1Hot;
import org.theano4j.op.CrossentropyCategorical1HotGrad;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Categorical crossentropy with 1-hot targets and its gradient equal the reference exactly. */
class CrossentropyKernelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"FLOAT64", "FLOAT32"})
    void matchesReferenceOverShapesTargetsAndLayouts(String dtype) {
        DType d = DType.valueOf(dtype);
        for (int rows : Parity.SIZES) {
            for (int cols : new int[] {1, 7, 10, 33, 1025}) {
                NDArray p = Parity.array(d, rows + cols, 0.01, 1, rows % 7 == 1, rows, cols);
                check(rows + "x" + cols, p, targets(rows, cols, DType.INT64));
            }
        }
        check("int32 targets, strided p", Parity.strided(d, 3, 17, 9), targets(17, 9, DType.INT32));
        check("transposed p", Parity.array(d, 4, 0.01, 1, false, 9, 17).transpose(), targets(17, 9, DType.INT8));
    }

    @Test
    void badTargetsFailAndIntegersUseTheReference() {
        NDArray p = Parity.array(DType.FLOAT64, 1, 0.1, 1, false, 3, 4);
        NDArray far = NDArray.of(new long[] {0, 4, 1});
        assertThrows(IllegalArgumentException.class,
                () -> Parity.runKernel(Parity.node(new CrossentropyCategorical1Hot(), p, far), p, far));
        NDArray shortT = NDArray.of(new long[] {0, 1});
        assertThrows(IllegalArgumentException.class,
                () -> Parity.runKernel(Parity.node(new CrossentropyCategorical1Hot(), p, shortT), p, shortT));
        assertNull(CrossentropyKernels.of(false, DType.INT64));
    }

    /** Targets cycling through every class, negative (wrapping) every third entry. */
    private static NDArray targets(int rows, int cols, DType dtype) {
        long[] t = new long[rows];
        for (int i = 0; i < rows; i++) {
            long c = (i * 7L + 3) % cols;
            t[i] = i % 3 == 2 ? c - cols : c;
        }
        return NDArray.of(t).astype(dtype);
    }

    private static void check(String what, NDArray p, NDArray t) {
        Parity.check(what, Parity.node(new CrossentropyCategorical1Hot(), p, t), 0, p, t);
        NDArray gy = Parity.array(p.dtype(), 5, -2, 2, true, p.shape(0));
        Parity.check(what + " grad", Parity.node(new CrossentropyCategorical1HotGrad(), gy, p, t), 0, gy, p, t);
    }
}
