package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;

/**
 * Calls made from inside a running call on the same thread (a Print sink): allowed where they
 * are safe, refused with a clear error where the running call holds the shared state it updates,
 * never corrupting a value and never hanging.
 */
class ReentrancyTest {
    /** A sink that runs {@code action} on every printed line. */
    private static Consumer<String> calling(Runnable action) {
        return line -> action.run();
    }

    @Test
    void aNestedCallWithoutSharedStateRunsInsideAnUpdatingCall() {
        SharedVariable s = Theano.shared(new double[] {1, 2}, "s");
        Variable y = T.dvector("y");
        Function inner = Theano.function(List.of(y), T.mul(y, 3));
        AtomicReference<double[]> seen = new AtomicReference<>();
        Variable printed = T.print("p", s, calling(() -> seen.set(inner.call((Object) new double[] {1, 1}).toDoubleArray())));
        Function outer = Theano.function(List.of(), T.sum(printed), Theano.options().update(s, s.add(1)));
        assertEquals(3.0, outer.call().item());
        assertArrayEquals(new double[] {3, 3}, seen.get());
        assertArrayEquals(new double[] {2, 3}, s.getValue().toDoubleArray());
    }

    @Test
    void aNestedCallThatUsesSharedStateIsRefusedAndTheOuterCallChangesNothing() {
        SharedVariable s = Theano.shared(new double[] {1, 2}, "s");
        Function reader = Theano.function(List.of(), T.sum(s), Theano.options().name("reader"));
        Variable printed = T.print("p", s, calling(reader::call));
        Function outer = Theano.function(List.of(), T.sum(printed), Theano.options().update(s, s.add(1)).name("outer"));
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::call);
        assertTrue(e.getMessage().contains("function 'reader' uses shared state"), e.getMessage());
        assertTrue(e.getMessage().contains("function 'outer'"), e.getMessage());
        assertArrayEquals(new double[] {1, 2}, s.getValue().toDoubleArray());
        assertEquals(3.0, reader.call().item(), "the variable is usable again once the outer call failed");
        assertEquals(3.0, Theano.function(List.of(), T.sum(s), Theano.options().update(s, s.add(1))).call().item());
    }

    @Test
    void updatesNestedInAReadOnlyCallNeverRecycleTheValueItReads() {
        SharedVariable s = Theano.shared(new double[] {5, 5, 5}, "s");
        Function bump = Theano.function(List.of(), T.sum(s), Theano.options().update(s, s.add(1)));
        bump.call();
        bump.call();                                 // s now alternates between two recycled buffers
        Variable x = T.dvector("x");
        Variable printed = T.print("p", x, calling(() -> {
            for (int i = 0; i < 6; i++) {
                bump.call();
            }
        }));
        Function outer = Theano.function(List.of(x), T.add(printed, s));
        assertArrayEquals(new double[] {7, 8, 9}, outer.call((Object) new double[] {0, 1, 2}).toDoubleArray());
        assertArrayEquals(new double[] {13, 13, 13}, s.getValue().toDoubleArray());
    }

    @Test
    void crossUpdatingFunctionsCalledNestedAndFromAnotherThreadNeverHang() {
        SharedVariable a = Theano.shared(new double[] {0}, "a");
        SharedVariable b = Theano.shared(new double[] {0}, "b");
        Function g = Theano.function(List.of(), T.sum(a), Theano.options().update(b, b.add(1)).name("g"));
        Variable printed = T.print("p", b, calling(g::call));
        Function f = Theano.function(List.of(), T.sum(printed), Theano.options().update(a, a.add(1)).name("f"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<?> background = other.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    g.call();
                }
            });
            int refused = 0;
            for (int i = 0; i < 500; i++) {
                try {
                    f.call();
                } catch (IllegalStateException e) {
                    refused++;
                }
            }
            background.get();
            other.shutdown();
            assertEquals(500, refused);
        });
        assertArrayEquals(new double[] {0}, a.getValue().toDoubleArray(), "every refused call of f changed nothing");
        assertArrayEquals(new double[] {2_000}, b.getValue().toDoubleArray());
    }
}
