package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.io.Npz;

/** Shared variables saved and loaded by name as .npz: a trained model restored into fresh variables. */
class SaveSharedTest {
    @Test
    void aTrainedModelRestoresIntoFreshVariables(@TempDir Path tmp) {
        SharedVariable w = Theano.shared(new double[] {1, 2, 3}, "w");
        SharedVariable b = Theano.shared(0.5, "b");
        Function step = Theano.function(List.of(), T.sum(w), Theano.options().update(w, w.mul(2)).update(b, b.add(1)));
        step.call();
        step.call();
        Path file = tmp.resolve("model.npz");
        Theano.saveShared(file, List.of(w, b));
        Map<String, NDArray> raw = Npz.load(file);
        assertArrayEquals(new double[] {4, 8, 12}, raw.get("w").toDoubleArray());
        assertEquals(2.5, raw.get("b").item());

        SharedVariable w2 = Theano.shared(new double[] {0, 0, 0}, "w");
        SharedVariable b2 = Theano.shared(0.0, "b");
        Theano.loadShared(file, List.of(b2, w2));
        assertArrayEquals(new double[] {4, 8, 12}, w2.getValue().toDoubleArray());
        assertEquals(2.5, b2.getValue().item());
        Function again = Theano.function(List.of(), T.sum(w2), Theano.options().update(w2, w2.mul(2)));
        assertEquals(24.0, again.call().item());
        assertArrayEquals(new double[] {8, 16, 24}, w2.getValue().toDoubleArray());
    }

    @Test
    void aFailedLoadChangesNoVariable(@TempDir Path tmp) {
        Path file = tmp.resolve("m.npz");
        Npz.save(file, Map.of("w", NDArray.of(new double[] {7, 7}), "n", NDArray.of(new float[] {1})));
        SharedVariable w = Theano.shared(new double[] {1, 1}, "w");
        SharedVariable n = Theano.shared(NDArray.zeros(DType.FLOAT64, 1), "n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theano.loadShared(file, List.of(w, n)));
        assertTrue(e.getMessage().contains("'n'") && e.getMessage().contains("float32"), e.getMessage());
        assertArrayEquals(new double[] {1, 1}, w.getValue().toDoubleArray(), "w untouched although it came first");
        SharedVariable q = Theano.shared(1.0, "q");
        e = assertThrows(IllegalArgumentException.class, () -> Theano.loadShared(file, List.of(w, q)));
        assertTrue(e.getMessage().contains("no value for [q]"), e.getMessage());
        assertArrayEquals(new double[] {1, 1}, w.getValue().toDoubleArray());
    }

    @Test
    void namesMustBeGivenAndDistinct(@TempDir Path tmp) {
        Path file = tmp.resolve("m.npz");
        SharedVariable anon = Theano.shared(1.0);
        assertThrows(IllegalArgumentException.class, () -> Theano.saveShared(file, List.of(anon)));
        SharedVariable a = Theano.shared(1.0, "a");
        SharedVariable a2 = Theano.shared(2.0, "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theano.saveShared(file, List.of(a, a2)));
        assertTrue(e.getMessage().contains("two shared variables are named 'a'"), e.getMessage());
    }
}
