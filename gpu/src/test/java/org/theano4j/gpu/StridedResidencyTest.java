package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.SharedVariable;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Elementwise kernels over views of shared values, on the host-memory fake device {@code cuda-host}:
 * a transposed, sliced, reversed or broadcast shared value ({@code W.T}, {@code W[::-1, ::2]}, a
 * bias {@code b} broadcast over a batch, a shared scalar rate) is read from the value's device
 * memory in place, so it is uploaded once, never per call, and a training loop copies nothing back
 * until {@code getValue}. Every result is bit for bit the reference backend's.
 */
class StridedResidencyTest {

    private static final int CALLS = 20;
    private static final int N = 5;

    private static HostDevice device() {
        return HostDeviceBackend.current().device;
    }

    private static Variable matrix(DType t, String name) {
        return T.matrix(name, t);
    }

    private static SharedVariable shared(DType t, long seed, String name, long... shape) {
        return Theano.shared(ExactData.integers(t, seed, shape), name);
    }

    /**
     * {@code W <- W - lr * (W.T * x + b)} with shared W, lr and b: one fused kernel reading the
     * transpose of W's current device value, the broadcast rate and the broadcast bias in place.
     */
    private static org.theano4j.Function train(DType t, SharedVariable w, SharedVariable lr, SharedVariable b, String device) {
        Variable x = matrix(t, "x");
        Variable step = T.mul(lr, T.add(T.mul(w.T(), x), b));
        return Theano.function(List.of(x), List.of(), Theano.options().device(device).update(w, w.sub(step)));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aTrainingLoopOverWTAndABroadcastBiasUploadsEachSharedValueOnce(DType t) {
        SharedVariable w = shared(t, 1, "w", N, N);
        SharedVariable b = shared(t, 2, "b", N);
        SharedVariable lr = Theano.shared(NDArray.full(t, 0.5), "lr");
        SharedVariable rw = shared(t, 1, "rw", N, N);
        org.theano4j.Function onDevice = train(t, w, lr, b, HostDeviceBackend.NAME);
        org.theano4j.Function onReference = train(t, rw, Theano.shared(NDArray.full(t, 0.5), "rlr"), shared(t, 2, "rb", N),
                "reference");
        HostDevice d = device();
        long uploads = d.uploads.get();
        long downloads = d.downloads.get();
        long strided = d.stridedLaunches.get();
        for (int i = 0; i < CALLS; i++) {
            NDArray x = ExactData.integers(t, 10 + i, N, N);
            onDevice.callAll(x);
            onReference.callAll(x);
            assertTrue(HostDeviceBackend.current().values().isResident((NDArray) w.currentValue()), "call " + i);
        }
        assertEquals(3 + CALLS, d.uploads.get() - uploads, "W, lr and b once; x each call");
        assertEquals(0, d.downloads.get() - downloads, "nothing copied back while training");
        assertEquals(CALLS, d.stridedLaunches.get() - strided, "each call's update read W.T, lr and b in place");
        assertArrayEquals(rw.getValue().toDoubleArray(), w.getValue().toDoubleArray(), "the trained W, bit for bit");
        assertEquals(1, d.downloads.get() - downloads, "getValue copied W back once");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aForwardPassReadsTheSharedBiasInPlace(DType t) {
        SharedVariable w = shared(t, 3, "w", N, N + 2);
        SharedVariable b = shared(t, 4, "b", N + 2);
        Variable x = matrix(t, "x");
        org.theano4j.Function onDevice = Theano.function(List.of(x), List.of(T.tanh(T.add(T.dot(x, w), b))),
                Theano.options().device(HostDeviceBackend.NAME));
        org.theano4j.Function onReference = Theano.function(List.of(x), List.of(T.tanh(T.add(T.dot(x, w), b))),
                Theano.options().device("reference"));
        HostDevice d = device();
        long uploads = d.uploads.get();
        long downloads = d.downloads.get();
        for (int i = 0; i < CALLS; i++) {
            NDArray batch = ExactData.integers(t, 20 + i, 3, N);
            assertArrayEquals(onReference.call(batch).toDoubleArray(), onDevice.call(batch).toDoubleArray(), "call " + i);
        }
        assertEquals(2 + CALLS, d.uploads.get() - uploads, "W and b once; x each call");
        assertEquals(CALLS, d.downloads.get() - downloads, "only each call's output comes back");
    }

    /** Shared values a, bT (a's shape transposed), v (a row), s (a scalar), each of one dtype. */
    private record Values(Variable a, Variable bT, Variable v, Variable s) {
    }

    private static Values values(DType t) {
        return new Values(shared(t, 5, "a", N, 4), shared(t, 6, "bT", 4, N), shared(t, 7, "v", 4),
                Theano.shared(ExactData.integers(t, 8), "s"));
    }

    /** Expressions over views of the shared values, numeric dtypes. */
    static Stream<Arguments> numeric() {
        List<Function<Values, Variable>> exprs = List.of(
                m -> T.add(m.a(), m.bT().T()),
                m -> T.sub(T.mul(m.a().get(Slice.of(null, null, -1), Slice.of(null, null, 2)),
                        m.bT().T().get(Slice.all(), Slice.of(1, null, 2))), m.s()),
                m -> T.mul(T.sub(m.a(), m.v()), m.s()),
                m -> T.maximum(m.a().get(Slice.of(1, 4)), m.v().get(Slice.of(null, null, -1))),
                m -> T.add(m.a().T(), m.a().T().get(Slice.of(null, null, -1))),
                m -> T.switchOp(T.gt(m.a(), m.bT().T()), m.v(), m.s()));
        return Stream.of(DType.FLOAT64, DType.FLOAT32, DType.INT32, DType.INT64)
                .flatMap(t -> java.util.stream.IntStream.range(0, exprs.size()).mapToObj(k -> Arguments.of(t, k, exprs.get(k))));
    }

    /**
     * Each expression on the device and on the reference backend: the same numbers, bit for bit;
     * after the first call (which uploads each shared value once) nothing is uploaded.
     */
    @ParameterizedTest(name = "{0} expression {1}")
    @MethodSource("numeric")
    void viewsOfSharedValuesMatchTheReferenceAndUploadNothingAfterTheFirstCall(DType t, int k, Function<Values, Variable> expr) {
        compare(expr.apply(values(t)), expr.apply(values(t)), "expression " + k);
    }

    /** Bool expressions over views of shared bool values (a comparison of ints, then logic). */
    @org.junit.jupiter.api.Test
    void boolViewsMatchTheReference() {
        List<Function<Values, Variable>> exprs = List.of(
                m -> T.xor(T.and(m.a(), m.bT().T()), m.v()),
                m -> T.or(m.a().get(Slice.of(null, null, -1), Slice.of(1, 3)),
                        T.and(m.v().get(Slice.of(null, null, -2)), m.a().get(Slice.all(), Slice.of(1, 3)))));
        for (int k = 0; k < exprs.size(); k++) {
            compare(exprs.get(k).apply(boolValues()), exprs.get(k).apply(boolValues()), "bool expression " + k);
        }
    }

    private static Values boolValues() {
        Values ints = values(DType.INT32);
        return new Values(cast(ints.a()), cast(ints.bT()), cast(ints.v()), cast(ints.s()));
    }

    /** A shared bool value: whether the shared integers are positive. */
    private static Variable cast(Variable shared) {
        NDArray ints = ((SharedVariable) shared).getValue();
        NDArray bools = NDArray.empty(DType.BOOL, ints.shape());
        for (long i = 0; i < ints.size(); i++) {
            bools.setFlat(i, ints.getFlatLong(i) > 0 ? 1 : 0);
        }
        return Theano.shared(bools, shared.name() + "b");
    }

    private static void compare(Variable onDevice, Variable onReference, String what) {
        org.theano4j.Function device = Theano.function(List.of(), List.of(onDevice), Theano.options().device(HostDeviceBackend.NAME));
        org.theano4j.Function reference = Theano.function(List.of(), List.of(onReference), Theano.options().device("reference"));
        HostDevice d = device();
        assertArrayEquals(reference.call().toDoubleArray(), device.call().toDoubleArray(), what + ", first call");
        long uploads = d.uploads.get();
        long strided = d.stridedLaunches.get();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(reference.call().toDoubleArray(), device.call().toDoubleArray(), what + ", call " + i);
        }
        assertEquals(0, d.uploads.get() - uploads, what + ": the views were read in place");
        assertTrue(d.stridedLaunches.get() - strided >= 3, what + ": read strided");
    }
}
