package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/** The background warm-up: it runs its models to the end and changes nothing a user computes. */
class WarmupTest {
    @Test
    void theModelsCompileAndRunInBothDtypes() {
        Warmup.run(3);
    }

    @Test
    void aUsersFunctionComputesTheSameBitsBeforeAndAfterAWarmUp() {
        SharedVariable w = Theano.shared(NDArray.of(new double[] {0.25, -1.5, 3.0}), "w");
        Variable x = T.dmatrix("x");
        Function f = Theano.function(List.of(x), T.sum(T.tanh(T.dot(x, w)), 0), Theano.options().update(w, T.mul(w, 1.5)));
        NDArray in = NDArray.of(new double[] {1, 2, 3, 4, 5, 6}).reshape(2, 3);
        double before = f.call(in).item();
        Thread t = new Thread(() -> Warmup.run(2));
        t.start();
        double during = f.call(in).item();
        assertDoesNotThrowJoin(t);
        double after = f.call(in).item();
        SharedVariable w2 = Theano.shared(NDArray.of(new double[] {0.25, -1.5, 3.0}), "w2");
        Function g = Theano.function(List.of(x), T.sum(T.tanh(T.dot(x, w2)), 0), Theano.options().update(w2, T.mul(w2, 1.5)));
        assertArrayEquals(new double[] {before, during, after},
                new double[] {g.call(in).item(), g.call(in).item(), g.call(in).item()});
    }

    @Test
    void theFlagKeepsItOff() {
        assertEquals("false", System.getProperty("theano4j.cpu.warmup"));
        assertNull(Warmup.startOnce());
    }

    private static void assertDoesNotThrowJoin(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
