package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * Training updates the gemm rewrite turns into {@code Gemm}/{@code Gemv} nodes, on the host-memory
 * fake device {@code cuda-host}: {@code W <- W - 0.5·dot(x.T, dot(x, W))} (a Gemm reading the
 * shared W as z and {@code x.T} through the transpose flag) and {@code v <- v - 0.5·dot(x.T, dot(x, v))}
 * (a Gemv). W stays on the device over {@value #CALLS} calls: nothing is downloaded until
 * {@code getValue}, W is uploaded once, and each call copies W into the update's memory on the
 * device (the kernel's {@code beta·z}). With one-hot rows in {@code x} each call halves two rows of W,
 * so every value is exact and must be bit for bit the reference backend's.
 */
class GemmResidencyTest {

    private static final int CALLS = 20;
    private static final int ROWS = 5;
    private static final int COLS = 4;


    /** Two one-hot rows of {@value #ROWS}, at columns {@code call} and {@code call + 1} (mod {@value #ROWS}). */
    private static NDArray oneHot(DType t, int call) {
        NDArray x = NDArray.zeros(t, 2, ROWS);
        x.setFlat(call % ROWS, 1);
        x.setFlat(ROWS + (call + 1) % ROWS, 1);
        return x;
    }

    private static HostDevice device() {
        return HostDeviceBackend.current().device;
    }

    /** {@code w <- w - 0.5·dot(x.T, dot(x, w))}, no outputs, on a device. */
    private static Function train(DType t, SharedVariable w, String device) {
        Variable x = t == DType.FLOAT32 ? T.fmatrix("x") : T.dmatrix("x");
        Variable step = T.dot(x.T(), T.dot(x, w)).mul(0.5);
        return Theano.function(List.of(x), List.of(), Theano.options().device(device).update(w, w.sub(step)));
    }

    /**
     * Trains a shared value of {@code shape} on the fake device and an equal one on the reference
     * backend {@value #CALLS} times ({@code what} names the case in messages), checking residency and the device copies that show the Gemm or
     * Gemv kernel ran, then that the values are equal bit for bit.
     */
    private static void trainsOnTheDevice(DType t, long[] shape, String what) {
        SharedVariable w = Theano.shared(ExactData.integers(t, 2, shape), "w");
        SharedVariable rw = Theano.shared(ExactData.integers(t, 2, shape), "rw");
        Function onDevice = train(t, w, HostDeviceBackend.NAME);
        Function onReference = train(t, rw, "reference");
        HostDevice d = device();
        long uploads = d.uploads.get();
        long downloads = d.downloads.get();
        long copies = d.copies.get();
        for (int i = 0; i < CALLS; i++) {
            onDevice.callAll(oneHot(t, i));
            onReference.callAll(oneHot(t, i));
            assertTrue(HostDeviceBackend.current().values().isResident((NDArray) w.currentValue()), "call " + i);
        }
        assertEquals(0, d.downloads.get() - downloads, what + ": W never copied back during training");
        assertEquals(CALLS, d.copies.get() - copies, what + ": each call copies W (z) into the update on the device");
        assertEquals(1 + 2 * CALLS, d.uploads.get() - uploads, what + ": W once; each call x (the Dot) and x.T (the Gemm)");
        assertArrayEquals(rw.getValue().toDoubleArray(), w.getValue().toDoubleArray(), what + ": bit for bit");
        assertEquals(1, d.downloads.get() - downloads, what + ": getValue copied W back once");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aGemmUpdateOfASharedWeightStaysOnTheDevice(DType t) {
        trainsOnTheDevice(t, new long[] {ROWS, COLS}, "Gemm " + t);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aGemvUpdateOfASharedVectorStaysOnTheDevice(DType t) {
        trainsOnTheDevice(t, new long[] {ROWS}, "Gemv " + t);
    }
}
