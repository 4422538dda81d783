package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Reductions and softmax on the host-memory {@link HostDevice} (device {@code cuda-host}): a
 * function mixing elementwise, dot, sums over axes, max and softmax keeps every intermediate on the
 * device (only its outputs come back) and equals the reference backend bit for bit; the kernels
 * alone, on every axis pattern of a rank-3 input, NaN, empty and size-1 axes, equal the ops' reference
 * evaluation.
 */
class ReduceSoftmaxResidencyTest {

    private static NDArray random(DType dtype, long seed, long... shape) {
        NDArray a = NDArray.empty(dtype, shape);
        Random r = new Random(seed);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, 4 * r.nextDouble() - 2);
        }
        return a;
    }

    @Test
    void aSoftmaxClassifierKeepsItsIntermediatesOnTheDevice() {
        HostDeviceBackend b = HostDeviceBackend.current();
        int rows = 11;
        int cols = 7;
        int hidden = 5;
        Variable x = T.dmatrix("x");
        Variable t = T.dmatrix("t");
        Variable c = T.tensor(DType.FLOAT64, new boolean[3], "c");
        SharedVariable w = Theano.shared(random(DType.FLOAT64, 1, cols, hidden), "w");
        Variable h = T.tanh(T.dot(x, w).mul(0.5));
        Variable p = T.softmax(h);
        List<Variable> outs = List.of(
                T.sum(p.mul(t), 0),                       // column sums: reduced axis first
                T.max(h, 1),                              // row maxima
                T.mean(T.sum(T.logSoftmax(h).mul(t), 1)), // mean row loss
                T.sum(T.exp(c), 0, 2));                   // a rank-3 sum over its outer axes
        Function onDevice = Theano.function(List.of(x, t, c), outs, Theano.options().device(HostDeviceBackend.NAME));
        Function onReference = Theano.function(List.of(x, t, c), outs, Theano.options().device("reference"));
        NDArray dx = random(DType.FLOAT64, 2, rows, cols);
        NDArray dt = random(DType.FLOAT64, 3, rows, hidden);
        NDArray dc = random(DType.FLOAT64, 4, 3, 4, 5);
        onDevice.callAll(dx, dt, dc);
        long up = b.device.uploads.get();
        long upBytes = b.device.uploadedBytes.get();
        long down = b.device.downloads.get();
        long launches = b.device.launches.get();
        List<NDArray> got = onDevice.callAll(dx, dt, dc);
        List<NDArray> want = onReference.callAll(dx, dt, dc);
        assertEquals(outs.size(), b.device.downloads.get() - down, "only the outputs come back");
        // call inputs are not kept: t, read by two fused steps, goes up twice; w stays uploaded
        assertEquals(4, b.device.uploads.get() - up, "x, t twice and c");
        assertEquals(8 * (rows * cols + 2 * rows * hidden + 60), b.device.uploadedBytes.get() - upBytes, "x, t twice and c");
        assertTrue(b.device.launches.get() - launches >= 9, "every step ran on the device: "
                + (b.device.launches.get() - launches) + " launches");
        for (int k = 0; k < outs.size(); k++) {
            assertArrayEquals(want.get(k).shape(), got.get(k).shape());
            assertArrayEquals(want.get(k).toDoubleArray(), got.get(k).toDoubleArray(), "output " + k + " bit for bit");
        }
    }

    static Stream<Arguments> reductions() {
        List<Arguments> out = new ArrayList<>();
        long[][] shapes = {{3, 4, 5}, {1, 6, 1}, {2, 0, 3}, {4, 1, 3}};
        for (Reduce.Kind kind : Reduce.Kind.values()) {
            for (long[] shape : shapes) {
                for (int mask = 0; mask < 8; mask++) {
                    out.add(Arguments.of(kind, shape, ReduceKernelSourceTest.axes(mask, 3)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} axes {2}")
    @MethodSource("reductions")
    void everyReductionOfARank3InputMatchesTheReference(Reduce.Kind kind, long[] shape, List<Integer> axes) {
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32, DType.INT32)) {
            NDArray x = random(dtype, 5, shape);
            if (dtype.isFloat() && x.size() > 2) {
                x.setFlat(x.size() / 2, Double.NaN);
            }
            Reduce op = new Reduce(kind, axes);
            boolean noIdentity = (kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN) && x.size() == 0
                    && op.outputShapes(new Object[] {x})[0].length >= 0 && size(op.outputShapes(new Object[] {x})[0]) > 0;
            if (noIdentity) {
                assertThrows(IllegalArgumentException.class, () -> run(op, x));
                assertThrows(IllegalArgumentException.class, () -> op.evaluate(new Object[] {x}));
            } else {
                assertBitwiseEqual(op, List.of(x));
            }
        }
    }

    @Test
    void softmaxLogSoftmaxAndTheGradientMatchTheReference() {
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            for (long[] shape : new long[][] {{4, 9}, {1, 1}, {3, 1}, {0, 4}, {7}}) {
                NDArray x = random(dtype, 6, shape);
                if (x.size() > 3) {
                    x.setFlat(1, Double.NaN);
                    x.setFlat(x.size() - 1, Double.POSITIVE_INFINITY);
                }
                assertBitwiseEqual(new Softmax(), List.of(x));
                assertBitwiseEqual(new LogSoftmax(), List.of(x));
                NDArray sm = (NDArray) new Softmax().evaluate(new Object[] {random(dtype, 7, shape)})[0];
                assertBitwiseEqual(new SoftmaxGrad(), List.of(random(dtype, 8, shape), sm));
            }
        }
    }

    private static long size(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** Runs the op's GPU kernel on the fake device and returns the output, copied back. */
    private static NDArray run(Op op, NDArray... inputs) {
        HostDeviceBackend b = HostDeviceBackend.current();
        List<Variable> vars = java.util.Arrays.stream(inputs).map(a -> T.tensor(a.dtype(), new boolean[a.ndim()], null)).toList();
        Kernel kernel = b.kernelFor(Apply.of(op, vars));
        assertNotNull(kernel, op.displayName());
        Object[] args = inputs;
        NDArray out = NDArray.empty(op.outputTypes(vars).get(0) instanceof org.theano4j.graph.TensorType tt ? tt.dtype()
                : DType.FLOAT64, op.outputShapes(args)[0]);
        kernel.run(inputs, new NDArray[] {out});
        b.values().toHost(out);
        return out;
    }

    private static void assertBitwiseEqual(Op op, List<NDArray> inputs) {
        NDArray expected = (NDArray) op.evaluate(inputs.toArray())[0];
        NDArray got = run(op, inputs.toArray(NDArray[]::new));
        assertEquals(expected.dtype(), got.dtype(), op.displayName());
        assertArrayEquals(expected.shape(), got.shape(), op.displayName());
        assertArrayEquals(expected.toDoubleArray(), got.toDoubleArray(), () -> op.displayName() + " of " + inputs);
    }
}
