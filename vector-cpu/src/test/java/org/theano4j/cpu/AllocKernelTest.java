package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.op.Alloc;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Alloc equals the reference exactly for scalar, row, column, full and strided values; any output layout. */
class AllocKernelTest {
    @ParameterizedTest
    @ValueSource(strings = {"FLOAT64", "FLOAT32"})
    void broadcastFillsMatchReference(String dtype) {
        DType d = DType.valueOf(dtype);
        for (int n : Parity.SIZES) {
            NDArray template = NDArray.zeros(DType.INT8, 3, n);
            NDArray[] values = {
                NDArray.of(-1.25).astype(d), Parity.array(d, n, -3, 3, true, n), Parity.array(d, n, -3, 3, true, 1, n),
                Parity.array(d, n, -3, 3, true, 3, 1), Parity.array(d, n, -3, 3, true, 3, n), Parity.strided(d, n, 3, n),
            };
            for (NDArray v : values) {
                check("n=" + n + " value " + java.util.Arrays.toString(v.shape()), v, template);
            }
            check("column n=" + n, Parity.array(d, n, -3, 3, true, n, 1), NDArray.zeros(DType.INT8, n, 17));
        }
        check("tensor3", Parity.array(d, 1, -3, 3, true, 4, 1, 6), NDArray.zeros(DType.INT8, 4, 5, 6));
    }

    @Test
    void nonContiguousOutputIsFilledToo() {
        NDArray v = Parity.array(DType.FLOAT64, 2, -1, 1, false, 1, 9);
        NDArray template = NDArray.zeros(DType.INT8, 5, 9);
        Apply node = Parity.node(new Alloc(), v, template);
        NDArray out = NDArray.full(DType.FLOAT64, 7, 9, 5).transpose();
        new VectorCpuBackend().kernelFor(node).run(new NDArray[] {v, template}, new NDArray[] {out});
        assertArrayEquals(Parity.reference(node, v, template).toDoubleArray(), out.toDoubleArray());
    }

    @Test
    void badShapesFailAndIntegersUseTheReference() {
        NDArray v = NDArray.zeros(DType.FLOAT64, 4);
        NDArray template = NDArray.zeros(DType.INT8, 3, 5);
        Kernel k = new VectorCpuBackend().kernelFor(Parity.node(new Alloc(), v, template));
        NDArray out = NDArray.empty(DType.FLOAT64, 3, 5);
        assertThrows(IllegalArgumentException.class, () -> k.run(new NDArray[] {v, template}, new NDArray[] {out}));
        NDArray i = NDArray.of(new long[] {1, 2});
        assertNull(new VectorCpuBackend().kernelFor(Parity.node(new Alloc(), i, template)));
    }

    private static void check(String what, NDArray value, NDArray template) {
        Parity.check(what, Parity.node(new Alloc(), value, template), 0, value, template);
    }
}
