package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Shared values a function only reads are uploaded once and stay on the (host-memory fake) device
 * until their value changes: each way of changing it re-uploads exactly once, and every result is
 * bit for bit the reference backend's.
 */
class SharedResidencyTest {

    private static final int N = 257;

    private static double[] wave(int n, double scale, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * Math.cos(0.23 * i + shift) + 0.01 * shift;
        }
        return v;
    }

    /** A pair of equal shared variables, one read by a device function, one by a reference one. */
    private record Model(SharedVariable s, SharedVariable w, SharedVariable rs, SharedVariable rw,
            Function device, Function reference) {

        static Model make(int n) {
            return make(n, HostDeviceBackend.NAME);
        }

        static Model make(int n, String device) {
            SharedVariable s = Theano.shared(NDArray.of(wave(n, 1.5, 0.3)), "s");
            SharedVariable w = Theano.shared(NDArray.of(wave(n, 0.7, 1.1)), "w");
            SharedVariable rs = Theano.shared(NDArray.of(wave(n, 1.5, 0.3)), "rs");
            SharedVariable rw = Theano.shared(NDArray.of(wave(n, 0.7, 1.1)), "rw");
            return new Model(s, w, rs, rw, predict(s, w, device), predict(rs, rw, "reference"));
        }

        /** {@code tanh(x * s + w)}: one fused kernel reading two shared values and the input. */
        private static Function predict(SharedVariable s, SharedVariable w, String device) {
            Variable x = T.dvector("x");
            return Theano.function(List.of(x), List.of(T.tanh(x.mul(s).add(w))), Theano.options().device(device));
        }

        /** Calls both with {@code x} and checks the device's result is the reference's, bit for bit. */
        void check(NDArray x, String what) {
            double[] got = device.callAll(x).get(0).toDoubleArray();
            double[] want = reference.callAll(x).get(0).toDoubleArray();
            assertArrayEquals(want, got, what);
        }
    }

    private static long uploadsDuring(Runnable r) {
        HostDevice d = HostDeviceBackend.current().device;
        long before = d.uploads.get();
        r.run();
        return d.uploads.get() - before;
    }

    @Test
    void aPredictLoopUploadsTheWeightsOnce() {
        Model m = Model.make(N);
        int calls = 30;
        long uploads = uploadsDuring(() -> {
            for (int i = 0; i < calls; i++) {
                m.check(NDArray.of(wave(N, 1, i)), "call " + i);
            }
        });
        assertEquals(2 + calls, uploads, "s and w once, the input x each call");
        assertTrue(HostDeviceBackend.current().values().isResident((NDArray) m.w().currentValue()), "w stays on the device");
    }

    @Test
    void setValueWithANewArrayUploadsItOnce() {
        Model m = Model.make(N);
        m.check(NDArray.of(wave(N, 1, 0)), "first");
        double[] next = wave(N, 2, 5);
        m.w().setValue(next);
        m.rw().setValue(next);
        long uploads = uploadsDuring(() -> {
            for (int i = 0; i < 5; i++) {
                m.check(NDArray.of(wave(N, 1, i)), "after setValue, call " + i);
            }
        });
        assertEquals(1 + 5, uploads, "the new w once, x each call");
    }

    @Test
    void settingTheSameArrayAgainAfterWritingItUploadsItOnce() {
        Model m = Model.make(N);
        NDArray mine = NDArray.of(wave(N, 1, 2));
        NDArray theirs = NDArray.of(wave(N, 1, 2));
        m.s().setValue(mine, true);
        m.rs().setValue(theirs, true);
        m.check(NDArray.of(wave(N, 1, 0)), "borrowed value");
        mine.fill(-0.375);
        theirs.fill(-0.375);
        m.s().setValue(mine, true);
        m.rs().setValue(theirs, true);
        long uploads = uploadsDuring(() -> {
            for (int i = 0; i < 4; i++) {
                m.check(NDArray.of(wave(N, 1, i)), "after the in-place write, call " + i);
            }
        });
        assertEquals(1 + 4, uploads, "s once, x each call");
    }

    @Test
    void replacingTheValueWithAWrittenArrayUploadsItOnce() {
        Model m = Model.make(N);
        NDArray mine = NDArray.of(wave(N, 1, 4));
        NDArray theirs = NDArray.of(wave(N, 1, 4));
        m.w().replaceValue(mine);
        m.rw().replaceValue(theirs);
        m.check(NDArray.of(wave(N, 1, 0)), "replaced value");
        mine.fill(1.0625);
        theirs.fill(1.0625);
        m.w().replaceValue(mine);
        m.rw().replaceValue(theirs);
        long uploads = uploadsDuring(() -> {
            for (int i = 0; i < 3; i++) {
                m.check(NDArray.of(wave(N, 1, i)), "after replacing with the written array, call " + i);
            }
        });
        assertEquals(1 + 3, uploads, "w once, x each call");
    }

    @Test
    void writingABorrowedValueUploadsItOnce() {
        Model m = Model.make(N);
        m.check(NDArray.of(wave(N, 1, 0)), "first");
        m.check(NDArray.of(wave(N, 1, 1)), "second");
        NDArray lent = m.w().getValue(true);
        NDArray refLent = m.rw().getValue(true);
        lent.fill(0.8125);
        refLent.fill(0.8125);
        long uploads = uploadsDuring(() -> {
            for (int i = 0; i < 4; i++) {
                m.check(NDArray.of(wave(N, 1, i)), "after writing the borrowed w, call " + i);
            }
        });
        assertEquals(1 + 4, uploads, "w once, x each call");
    }

    @Test
    void anUpdateByAnotherFunctionIsReadFromTheDeviceOrUploadedOnce() {
        updatesByAnotherFunction("reference");
    }

    @Test
    void anUpdateAHostKernelWritesIntoARecycledBufferIsUploadedOnce() {
        updatesByAnotherFunction(HostKernelBackend.NAME);
    }

    @Test
    void hostKernelsReadTheValueADeviceUpdateLeftOnTheDevice() {
        Model m = Model.make(N, HostKernelBackend.NAME);
        Variable t = T.dvector("t");
        Function trainOnDevice = train(m.w(), t, HostDeviceBackend.NAME);
        Function trainRef = train(m.rw(), t, "reference");
        NDArray target = NDArray.of(wave(N, 2, 0.4));
        for (int round = 0; round < 4; round++) {
            trainOnDevice.callAll(target);
            trainRef.callAll(target);
            m.check(NDArray.of(wave(N, 1, round)), "host kernels after device update " + round);
        }
    }

    private static void updatesByAnotherFunction(String hostDevice) {
        Model m = Model.make(N);
        Variable t = T.dvector("t");
        Function trainOnDevice = train(m.w(), t, HostDeviceBackend.NAME);
        Function trainOnHost = train(m.w(), t, hostDevice);
        Function trainRef = train(m.rw(), t, "reference");
        NDArray target = NDArray.of(wave(N, 3, 0.9));
        m.check(target, "first");
        for (int round = 0; round < 6; round++) {
            Function trainer = round % 3 == 2 ? trainOnHost : trainOnDevice;
            HostDevice d = HostDeviceBackend.current().device;
            long down = d.downloads.get();
            trainer.callAll(target);
            assertEquals(trainer == trainOnHost ? 1 : 0, d.downloads.get() - down,
                    "round " + round + ": a host update reads w back once; the recycled buffer it writes is not downloaded");
            trainRef.callAll(target);
            long uploads = uploadsDuring(() -> {
                m.check(NDArray.of(wave(N, 1, 0.1)), "predict after an update");
                m.check(NDArray.of(wave(N, 1, 0.2)), "predict again");
            });
            long expected = trainer == trainOnHost ? 1 + 2 : 2;
            assertEquals(expected, uploads, "round " + round + ": a host update once, a device update never, x each call");
        }
        assertArrayEquals(m.rw().getValue().toDoubleArray(), m.w().getValue().toDoubleArray(), "the trained w");
    }

    /** {@code w <- w - 0.25 (w - t)}: the update is written into the variable's recycled buffer. */
    private static Function train(SharedVariable w, Variable t, String device) {
        return Theano.function(List.of(t), List.of(), Theano.options().device(device).update(w, w.sub(T.mul(0.25, w.sub(t)))));
    }

    @Test
    void deviceMemoryStaysBoundedWhileValuesAreReplaced() {
        HostDeviceBackend b = HostDeviceBackend.current();
        Model m = Model.make(64);
        m.check(NDArray.of(wave(64, 1, 0)), "first");
        int live = b.device.live.size();
        for (int i = 0; i < 300; i++) {
            double[] next = wave(64, 1, i * 0.01);
            m.w().setValue(next);
            m.rw().setValue(next);
            if (i % 2 == 0) {
                m.s().getValue(true);
                m.rs().getValue(true);
            }
            m.check(NDArray.of(wave(64, 1, i)), "call " + i);
        }
        assertTrue(b.device.live.size() <= live, "live blocks grew from " + live + " to " + b.device.live.size());
    }
}
