package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/**
 * Shared variables and intermediates stay on the device between kernels and calls, checked on the
 * host-memory {@link HostDevice} (device {@code cuda-host}): what is uploaded and downloaded,
 * and that every value read back equals the reference backend's.
 */
class ResidencyTest {

    private static double[] ramp(int n, double scale, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * Math.sin(0.37 * i + shift);
        }
        return v;
    }

    /** {@code w <- w - 0.1 * 2 * (w - t)}: one fused kernel per call. */
    private static Function step(SharedVariable w, Variable t, String device) {
        Variable grad = T.mul(2, w.sub(t));
        return Theano.function(List.of(t), List.of(), Theano.options().device(device).update(w, w.sub(T.mul(0.1, grad))));
    }

    @Test
    void aTrainingLoopUploadsTheWeightsOnceAndDownloadsOnlyOnGetValue() {
        HostDeviceBackend b = HostDeviceBackend.current();
        int n = 1031;
        int calls = 25;
        NDArray target = NDArray.of(ramp(n, 2, 0.5));
        SharedVariable w = Theano.shared(NDArray.of(ramp(n, 1, 0)), "w");
        SharedVariable ref = Theano.shared(NDArray.of(ramp(n, 1, 0)), "ref");
        Variable t = T.dvector("t");
        Function onDevice = step(w, t, HostDeviceBackend.NAME);
        Function onReference = step(ref, t, "reference");
        long up = b.device.uploads.get();
        long down = b.device.downloads.get();
        for (int i = 0; i < calls; i++) {
            onDevice.callAll(target);
            onReference.callAll(target);
            assertTrue(b.values().isResident((NDArray) w.currentValue()), "the new value stays on the device");
        }
        assertEquals(1 + calls, b.device.uploads.get() - up, "w once, the input t each call");
        assertEquals(0, b.device.downloads.get() - down, "nothing comes back while training");
        double[] expected = ref.getValue().toDoubleArray();
        assertArrayEquals(expected, w.getValue().toDoubleArray(), "bit for bit the reference's");
        assertEquals(1, b.device.downloads.get() - down, "getValue copied w back once");
        w.getValue();
        assertEquals(1, b.device.downloads.get() - down, "and only once");
        assertTrue(b.values().isResident((NDArray) w.currentValue()), "a read leaves the value on the device");
        onDevice.callAll(target);
        onReference.callAll(target);
        assertArrayEquals(ref.getValue().toDoubleArray(), w.getValue().toDoubleArray());
        assertEquals(1 + calls + 1, b.device.uploads.get() - up, "reading did not make the next call upload w");
    }

    @Test
    void setValueAndBorrowedWritesReachTheDevice() {
        HostDeviceBackend b = HostDeviceBackend.current();
        int n = 17;
        NDArray target = NDArray.of(ramp(n, 3, 1));
        SharedVariable w = Theano.shared(NDArray.of(ramp(n, 1, 2)), "w");
        SharedVariable ref = Theano.shared(NDArray.of(ramp(n, 1, 2)), "ref");
        Variable t = T.dvector("t");
        Function onDevice = step(w, t, HostDeviceBackend.NAME);
        Function onReference = step(ref, t, "reference");
        onDevice.callAll(target);
        onDevice.callAll(target);
        double[] fresh = ramp(n, 5, 3);
        w.setValue(fresh);
        ref.setValue(fresh);
        onDevice.callAll(target);
        onReference.callAll(target);
        assertArrayEquals(ref.getValue().toDoubleArray(), w.getValue().toDoubleArray(), "setValue replaced the device value");
        NDArray lent = w.getValue(true);
        assertFalse(b.values().isResident(lent), "a lent array's device copy is dropped");
        NDArray mine = ref.getValue(true);
        lent.fill(0.25);
        mine.fill(0.25);
        onDevice.callAll(target);
        onReference.callAll(target);
        assertArrayEquals(ref.getValue().toDoubleArray(), w.getValue().toDoubleArray(), "a write into the lent array counted");
    }

    @Test
    void intermediatesStayOnTheDeviceUntilAHostOpOrTheOutputReadsThem() {
        HostDeviceBackend b = HostDeviceBackend.current();
        int rows = 13;
        int cols = 9;
        Variable x = T.dmatrix("x");
        Variable v = T.dvector("v");
        // dot (device) -> tanh fused (device) -> argmax (host: reads the intermediate) ; the product is also an output
        Variable h = T.tanh(T.dot(x, v).mul(0.5));
        List<Variable> outs = List.of(h, T.argmax(h, 0));
        Function onDevice = Theano.function(List.of(x, v), outs, Theano.options().device(HostDeviceBackend.NAME));
        Function onReference = Theano.function(List.of(x, v), outs, Theano.options().device("reference"));
        NDArray dx = NDArray.of(ramp(rows * cols, 1, 0.1)).reshape(rows, cols);
        NDArray dv = NDArray.of(ramp(cols, 1, 0.7));
        long launches = b.device.launches.get();
        long down = b.device.downloads.get();
        List<NDArray> got = onDevice.callAll(dx, dv);
        List<NDArray> want = onReference.callAll(dx, dv);
        assertEquals(2, b.device.launches.get() - launches, "gemv and the fused tanh ran on the device");
        assertEquals(1, b.device.downloads.get() - down, "h came back once, for the host's argmax and the output alike");
        assertArrayEquals(want.get(0).toDoubleArray(), got.get(0).toDoubleArray(), 1e-15);
        assertEquals(want.get(1).toDoubleArray()[0], got.get(1).toDoubleArray()[0]);
        assertFalse(b.values().isResident(got.get(0)), "an output handed to the caller is the caller's");
    }

    @Test
    void deviceMemoryStaysBoundedOverManyCalls() {
        HostDeviceBackend b = HostDeviceBackend.current();
        SharedVariable w = Theano.shared(NDArray.of(ramp(64, 1, 0)), "w");
        Variable t = T.dvector("t");
        Function f = step(w, t, HostDeviceBackend.NAME);
        NDArray target = NDArray.of(ramp(64, 1, 1));
        f.callAll(target);
        int live = b.device.live.size();
        for (int i = 0; i < 200; i++) {
            f.callAll(target);
        }
        assertTrue(b.device.live.size() <= live + 1, "live blocks grew from " + live + " to " + b.device.live.size());
    }
}
