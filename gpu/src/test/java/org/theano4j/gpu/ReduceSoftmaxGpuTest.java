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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.op.LogSoftmax;
import org.theano4j.op.Reduce;
import org.theano4j.op.Softmax;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The reduction and softmax kernels on a real GPU against the ops' reference evaluation: every kind,
 * float32/float64 and int32/uint64 inputs, every axis pattern of ranks 1 to 4, shapes with size-1 and
 * empty axes and lengths that take both the block and the thread kernel, inputs with NaN; softmax,
 * log-softmax and the gradient on rows of 1 to 3000 elements with NaN and infinities. Integer results
 * must be exact; float ones within a few roundings (the GPU sums in another order).
 */
@Tag("gpu")
class ReduceSoftmaxGpuTest {

    private final GpuBackend backend = new GpuBackend();

    @BeforeEach
    void needsGpu() {
        GpuTests.assumeGpu();
    }

    static Stream<Arguments> reductions() {
        List<Arguments> out = new ArrayList<>();
        long[][] shapes = {{1000}, {0}, {1}, {7, 300}, {300, 7}, {2, 0, 3}, {1, 1, 1}, {5, 1, 33, 2}, {3, 4, 5, 6}, {2, 2050}};
        for (Reduce.Kind kind : Reduce.Kind.values()) {
            for (long[] shape : shapes) {
                for (int mask = 0; mask < 1 << shape.length; mask++) {
                    out.add(Arguments.of(kind, shape, ReduceKernelSourceTest.axes(mask, shape.length)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} axes {2}")
    @MethodSource("reductions")
    void reductionsMatchTheReference(Reduce.Kind kind, long[] shape, List<Integer> axes) {
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.UINT64)) {
            for (boolean nan : new boolean[] {false, true}) {
                if (nan && !dtype.isFloat()) {
                    continue;
                }
                NDArray x = random(dtype, shape.length * 31L + axes.hashCode(), shape);
                if (nan && x.size() > 0) {
                    x.setFlat(x.size() / 3, Double.NaN);
                }
                Reduce op = new Reduce(kind, axes);
                long outputs = size(op.outputShapes(new Object[] {x})[0]);
                if ((kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN) && x.size() == 0 && outputs > 0) {
                    assertThrows(IllegalArgumentException.class, () -> run(op, x));
                } else {
                    assertClose(op, List.of(x), x.size() == 0 ? 1 : x.size() / Math.max(1, outputs));
                }
            }
        }
    }

    @Test
    void rowOpsMatchTheReference() {
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (long[] shape : new long[][] {{1, 1}, {4, 9}, {3, 1}, {0, 4}, {5, 0}, {17}, {2, 3000}, {600, 33}}) {
                NDArray x = random(dtype, 9, shape);
                if (x.size() > 20) {
                    x.setFlat(1, Double.NaN);
                    x.setFlat(x.size() - 1, Double.POSITIVE_INFINITY);
                    x.setFlat(x.size() - 2, Double.NEGATIVE_INFINITY);
                }
                long cols = shape[shape.length - 1];
                assertClose(new Softmax(), List.of(x), cols);
                assertClose(new LogSoftmax(), List.of(x), cols);
                NDArray sm = (NDArray) new Softmax().evaluate(new Object[] {random(dtype, 10, shape)})[0];
                assertClose(new SoftmaxGrad(), List.of(random(dtype, 11, shape), sm), cols);
            }
        }
    }

    private NDArray run(Op op, NDArray... inputs) {
        List<Variable> vars = java.util.Arrays.stream(inputs).map(a -> T.tensor(a.dtype(), new boolean[a.ndim()], null)).toList();
        Kernel kernel = backend.kernelFor(Apply.of(op, vars));
        assertNotNull(kernel, op.displayName());
        DType outType = ((TensorType) op.outputTypes(vars).get(0)).dtype();
        NDArray out = NDArray.empty(outType, op.outputShapes(inputs)[0]);
        kernel.run(inputs, new NDArray[] {out});
        kernel.run(inputs, new NDArray[] {out}); // buffers reused
        backend.values().toHost(out);
        return out;
    }

    /** Floats within {@code terms} roundings of the output's type (relative to the magnitude summed), NaN where the reference has NaN. */
    private void assertClose(Op op, List<NDArray> inputs, long terms) {
        NDArray expected = (NDArray) op.evaluate(inputs.toArray())[0];
        NDArray got = run(op, inputs.toArray(NDArray[]::new));
        assertEquals(expected.dtype(), got.dtype(), op.displayName());
        assertArrayEquals(expected.shape(), got.shape(), op.displayName());
        double[] e = expected.toDoubleArray();
        double[] g = got.toDoubleArray();
        if (!expected.dtype().isFloat()) {
            assertArrayEquals(e, g, op.displayName() + " is exact on integers");
            return;
        }
        double eps = expected.dtype() == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
        double tol = 4 * eps * Math.max(1, Math.log(Math.max(2, terms)) / Math.log(2)) * 3 * Math.max(1, terms / 64.0);
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) || Double.isInfinite(e[i])) {
                assertEquals(e[i], g[i], op.displayName() + " at " + i);
            } else {
                int at = i;
                assertTrue(Math.abs(e[i] - g[i]) <= tol * Math.max(1, Math.abs(e[i])),
                        () -> op.displayName() + " at " + at + ": expected " + e[at] + " got " + g[at]);
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

    /** Values in [-2, 2) (products of many such factors stay finite in float32 only for short groups; the tolerance is relative). */
    private static NDArray random(DType dtype, long seed, long... shape) {
        NDArray a = NDArray.empty(dtype, shape);
        Random r = new Random(seed);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, dtype.isFloat() ? 4 * r.nextDouble() - 2 : r.nextInt(7));
        }
        return a;
    }
}
