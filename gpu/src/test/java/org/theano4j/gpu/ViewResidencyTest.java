package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Views of values only the device holds, on the host-memory fake device {@code cuda-host}: the host
 * ops that make them ({@code W.T}, {@code W[1:3]}, a reshape of a C-contiguous array) read no
 * elements, so they copy nothing back, and {@code Dot} reads the view from the base's device
 * memory; whoever reads a view's elements on the host (a host op, a function's output, an update,
 * an ifelse condition) gets the base copied back first. Data are small integers halved at most once
 * per call, so every result is exact and must be bit for bit the reference backend's.
 */
class ViewResidencyTest {

    private static final int CALLS = 20;
    private static final int ROWS = 5;
    private static final int COLS = 4;


    /** Two one-hot rows, at columns {@code call} and {@code call + 1} (mod {@value #COLS}). */
    private static NDArray oneHot(DType t, int call) {
        NDArray x = NDArray.zeros(t, 2, COLS);
        x.setFlat(call % COLS, 1);
        x.setFlat(COLS + (call + 1) % COLS, 1);
        return x;
    }

    private static Variable matrix(DType t, String name) {
        return t == DType.FLOAT32 ? T.fmatrix(name) : T.dmatrix(name);
    }

    private static HostDevice device() {
        return HostDeviceBackend.current().device;
    }

    /**
     * {@code W <- W - lr * dot(dot(x, W.T).T, x)} with a shared {@code lr} of 0.5, no outputs: both
     * products read a transposed view of a value only the device holds (W after its first update, the
     * intermediate {@code dot(x, W.T)}), and the update is one elementwise kernel (a constant rate
     * would make it a {@code Gemm}, tested in {@code GemmResidencyTest}). With one-hot rows in {@code x} it halves
     * two columns of W per call.
     */
    private static Function train(DType t, SharedVariable w, String device) {
        Variable x = matrix(t, "x");
        Variable h = T.dot(x, w.T());
        SharedVariable lr = Theano.shared(NDArray.full(t, 0.5), "lr");
        return Theano.function(List.of(x), List.of(), Theano.options().device(device).update(w, w.sub(T.mul(lr, T.dot(h.T(), x)))));
    }

    /** A shared {@value #ROWS}x{@value #COLS} weight of small integers. */
    private static SharedVariable weight(DType t, String name) {
        return Theano.shared(ExactData.integers(t, 2, ROWS, COLS), name);
    }

    /** Trains {@code w} on the device and {@code rw} on the reference backend for {@code calls} calls each. */
    private static void trainBoth(DType t, SharedVariable w, SharedVariable rw, int calls, int first) {
        Function onDevice = train(t, w, HostDeviceBackend.NAME);
        Function onReference = train(t, rw, "reference");
        for (int i = first; i < first + calls; i++) {
            onDevice.callAll(oneHot(t, i));
            onReference.callAll(oneHot(t, i));
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aTrainingLoopReadingTheTransposeDownloadsNothingUntilGetValue(DType t) {
        SharedVariable w = weight(t, "w");
        SharedVariable rw = weight(t, "rw");
        Function onDevice = train(t, w, HostDeviceBackend.NAME);
        Function onReference = train(t, rw, "reference");
        HostDevice d = device();
        long uploads = d.uploads.get();
        long downloads = d.downloads.get();
        for (int i = 0; i < CALLS; i++) {
            onDevice.callAll(oneHot(t, i));
            onReference.callAll(oneHot(t, i));
            assertTrue(HostDeviceBackend.current().values().isResident((NDArray) w.currentValue()), "call " + i);
        }
        assertEquals(0, d.downloads.get() - downloads, "neither W.T nor dot(x, W.T).T copied anything back");
        assertEquals(2 + 2 * CALLS, d.uploads.get() - uploads, "W and lr once (its broadcast is read in place); each call x for each product");
        assertArrayEquals(rw.getValue().toDoubleArray(), w.getValue().toDoubleArray(), "the trained weights, bit for bit");
        assertEquals(1, d.downloads.get() - downloads, "getValue copied W back once");
    }

    /**
     * After device training, a function returning {@code W.T}, and one whose only effect is updating
     * shared {@code V} to {@code W.T} and {@code U} to {@code W}, hand out W's current value (copied
     * back once by each).
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aViewAsOutputOrUpdateIsTheCurrentDeviceValue(DType t) {
        SharedVariable w = weight(t, "w");
        SharedVariable rw = weight(t, "rw");
        SharedVariable v = Theano.shared(NDArray.zeros(t, COLS, ROWS), "v");
        Function output = Theano.function(List.of(), List.of(w.T()), Theano.options().device(HostDeviceBackend.NAME));
        SharedVariable u = Theano.shared(NDArray.zeros(t, ROWS, COLS), "u");
        Function update = Theano.function(List.of(), List.of(),
                Theano.options().device(HostDeviceBackend.NAME).update(v, w.T()).update(u, w));
        trainBoth(t, w, rw, 3, 0);
        long downloads = device().downloads.get();
        NDArray out = output.call();
        long afterCall = device().downloads.get();
        assertArrayEquals(rw.getValue().transpose().toDoubleArray(), out.toDoubleArray(), "the output W.T");
        assertEquals(1, afterCall - downloads, "the output copied W back once");
        trainBoth(t, w, rw, 3, 3);
        downloads = device().downloads.get();
        update.callAll();
        afterCall = device().downloads.get();
        assertArrayEquals(rw.getValue().transpose().toDoubleArray(), v.getValue().toDoubleArray(), "the update V <- W.T");
        assertArrayEquals(rw.getValue().toDoubleArray(), u.getValue().toDoubleArray(), "the update U <- W");
        assertEquals(1, afterCall - downloads, "the updates copied W back once");
        assertArrayEquals(rw.getValue().toDoubleArray(), w.getValue().toDoubleArray(), "W itself");
    }

    /**
     * Between device training calls, host ops (argmax, argmin: no GPU kernel) read {@code W.T},
     * {@code W[1:3]}, a reshape of W (a view) and of {@code W.T} (a copy), and a lazy ifelse takes
     * {@code W[0, 0]} as its condition, each in a function of its own: each sees the current value,
     * W copied back once per call.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void hostOpsReadingViewsSeeTheCurrentDeviceValue(DType t) {
        SharedVariable w = weight(t, "w");
        SharedVariable rw = weight(t, "rw");
        List<Function> onDevice = readers(w, HostDeviceBackend.NAME);
        List<Function> onReference = readers(rw, "reference");
        HostDevice d = device();
        int call = 0;
        for (int k = 0; k < onDevice.size(); k++) {
            for (int i = 0; i < 3; i++, call++) {
                trainBoth(t, w, rw, 1, call);
                long downloads = d.downloads.get();
                NDArray got = onDevice.get(k).call();
                assertArrayEquals(onReference.get(k).call().toDoubleArray(), got.toDoubleArray(), "reader " + k + ", call " + i);
                assertEquals(1, d.downloads.get() - downloads, "W copied back once, reader " + k + ", call " + i);
            }
        }
    }

    /** One function per host op over a view of {@code w}: argmax of W.T, argmin of W[1:3], argmax of two reshapes, an ifelse on W[0, 0]. */
    private static List<Function> readers(SharedVariable w, String device) {
        long size = ROWS * COLS;
        return java.util.stream.Stream.of(
                T.argmax(w.T(), 0),
                T.argmin(w.get(Slice.of(1, 3)), 1),
                T.argmax(w.reshape(size)),
                T.argmax(w.T().reshape(size)),
                T.ifelse(w.get(0, 0), w.get(1), w.get(2)))
                .map(out -> Theano.function(List.of(), List.of(out), Theano.options().device(device)))
                .toList();
    }
}
