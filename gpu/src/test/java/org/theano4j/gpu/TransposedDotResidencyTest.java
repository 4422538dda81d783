package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code T.dot} of a shared weight's transpose (tied weights, gradients {@code x.T · g}) on the
 * host-memory fake device {@code cuda-host}: the view is read from the weight's device memory
 * through cuBLAS's transpose flag, so the weight is uploaded once over many calls, and a value the
 * device computed is read in place too. Inputs are small integers, so every result is exact and must
 * be bit for bit the reference backend's.
 */
class TransposedDotResidencyTest {

    private static final int CALLS = 20;


    private static Variable matrix(DType t, String name) {
        return t == DType.FLOAT32 ? T.fmatrix(name) : T.dmatrix(name);
    }

    private static Variable vector(DType t, String name) {
        return t == DType.FLOAT32 ? T.fvector(name) : T.dvector(name);
    }

    private static HostDevice device() {
        return HostDeviceBackend.current().device;
    }

    /**
     * Compiles {@code product(input, W)} for the fake device and the reference backend over two equal
     * shared weights, calls both {@value #CALLS} times and checks that the weight went up once (each
     * call uploads the input only) and that the results are the reference's, bit for bit.
     */
    private static void readsTheWeightOnce(DType t, long[] weightShape, Variable input, long[] inputShape,
            BinaryOperator<Variable> product) {
        SharedVariable w = Theano.shared(ExactData.integers(t, 1, weightShape), "w");
        SharedVariable rw = Theano.shared(ExactData.integers(t, 1, weightShape), "rw");
        Function onDevice = Theano.function(List.of(input), product.apply(input, w),
                Theano.options().device(HostDeviceBackend.NAME));
        Function onReference = Theano.function(List.of(input), product.apply(input, rw), Theano.options().device("reference"));
        HostDevice d = device();
        long uploads = d.uploads.get();
        long bytes = d.uploadedBytes.get();
        long launches = d.launches.get();
        long inputBytes = NDArray.empty(t, inputShape).size() * t.byteSize();
        for (int i = 0; i < CALLS; i++) {
            NDArray x = ExactData.integers(t, 10 + i, inputShape);
            assertArrayEquals(onReference.call(x).toDoubleArray(), onDevice.call(x).toDoubleArray(), "call " + i);
        }
        assertEquals(1 + CALLS, d.uploads.get() - uploads, "w once, the input each call");
        assertEquals(ExactData.integers(t, 1, weightShape).size() * t.byteSize() + CALLS * inputBytes, d.uploadedBytes.get() - bytes,
                "w's bytes once, the input's each call");
        assertEquals(CALLS, d.launches.get() - launches, "one BLAS call per call");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dotOfAnInputAndTheTransposedWeight(DType t) {
        readsTheWeightOnce(t, new long[] {6, 4}, matrix(t, "x"), new long[] {3, 4}, (x, w) -> T.dot(x, w.T()));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dotOfTheTransposedWeightAndAVector(DType t) {
        readsTheWeightOnce(t, new long[] {6, 4}, vector(t, "v"), new long[] {6}, (v, w) -> T.dot(w.T(), v));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dotOfTheTransposedWeightAndAMatrix(DType t) {
        readsTheWeightOnce(t, new long[] {6, 4}, matrix(t, "g"), new long[] {6, 5}, (g, w) -> T.dot(w.T(), g));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void dotOfAVectorAndTheTransposedWeight(DType t) {
        readsTheWeightOnce(t, new long[] {6, 4}, vector(t, "v"), new long[] {4}, (v, w) -> T.dot(v, w.T()));
    }

    /**
     * A training loop whose forward pass reads {@code W.T} while an update on the device changes
     * {@code W} each call: every call's product sees the current device value (bit for bit the
     * reference's), and W is uploaded only once, before its first update.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void theTransposeOfAnUpdatedWeightIsItsCurrentDeviceValue(DType t) {
        SharedVariable w = Theano.shared(ExactData.integers(t, 2, 6, 4), "w");
        SharedVariable rw = Theano.shared(ExactData.integers(t, 2, 6, 4), "rw");
        Function onDevice = train(t, w, HostDeviceBackend.NAME);
        Function onReference = train(t, rw, "reference");
        HostDevice d = device();
        long uploads = d.uploads.get();
        for (int i = 0; i < CALLS; i++) {
            NDArray x = ExactData.integers(t, 30 + i, 3, 4);
            assertArrayEquals(onReference.call(x).toDoubleArray(), onDevice.call(x).toDoubleArray(), "call " + i);
        }
        assertEquals(1 + CALLS, d.uploads.get() - uploads, "w once, the input each call");
        assertArrayEquals(rw.getValue().toDoubleArray(), w.getValue().toDoubleArray(), "the trained weights");
        NDArray fresh = ExactData.integers(t, 3, 6, 4);
        w.setValue(fresh.copy());
        rw.setValue(fresh.copy());
        long before = d.uploads.get();
        NDArray x = ExactData.integers(t, 99, 3, 4);
        assertArrayEquals(onReference.call(x).toDoubleArray(), onDevice.call(x).toDoubleArray(), "after setValue");
        assertEquals(2, d.uploads.get() - before, "setValue's array once, and the input");
    }

    /** {@code dot(x, W.T)} and the update {@code W <- W - 1} (an elementwise kernel on the device). */
    private static Function train(DType t, SharedVariable w, String device) {
        Variable x = matrix(t, "x");
        return Theano.function(List.of(x), List.of(T.dot(x, w.T())),
                Theano.options().device(device).update(w, T.sub(w, 1)));
    }
}
