package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.theano4j.Function;
import org.theano4j.In;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;

/** Bad input gets a clear IllegalArgumentException, and a failed call changes nothing. */
class ErrorsTest {
    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void wrongArityUnknownAndDuplicateKeywords() {
        Variable[] xy = T.dscalars("x", "y");
        Function f = Theano.function(List.of(xy[0], In.of(xy[1]).value(1)), xy[0].add(xy[1]));
        assertTrue(message(() -> f.call(1, 2, 3)).contains("at most 2 arguments"));
        assertTrue(message(() -> f.call()).contains("missing argument"));
        assertTrue(message(() -> f.callKw(Map.of("z", 1), 1)).contains("'z'"));
        assertTrue(message(() -> f.callKw(Map.of("x", 1), 1)).contains("given twice"));
    }

    @Test
    void lossyConversionsAreRejected() {
        Variable i = T.iscalar("i");
        Function f = Theano.function(List.of(i), i.add(1));
        assertEquals(3, f.call(2).getLong());
        String m = message(() -> f.call(1.5));
        assertTrue(m.contains("int32") && m.contains("'i'") || m.contains("input 0"), m);
        assertTrue(message(() -> f.call(1L << 40)).contains("int32"));
        Variable v = T.ivector("v");
        Function g = Theano.function(List.of(v), v.sum());
        assertTrue(message(() -> g.call(new double[] {1, 2})).contains("float64"));
    }

    @Test
    void wrongNdimAndShapes() {
        Variable x = T.dmatrix("x");
        Variable y = T.dmatrix("y");
        Function f = Theano.function(List.of(x, y), x.add(y));
        String m = message(() -> f.call(new double[] {1, 2}, new double[][] {{1}}));
        assertTrue(m.contains("(2,)") && m.contains("ndim 2"), m);
        String b = message(() -> f.call(new double[][] {{1, 2, 3}}, new double[][] {{1, 2}}));
        assertTrue(b.contains("(1, 3)") && b.contains("(1, 2)"), b);
    }

    @Test
    void dotWithMismatchedInnerDimensions() {
        Variable a = T.dmatrix("a");
        Variable v = T.dvector("v");
        Function f = Theano.function(List.of(a, v), T.dot(a, v));
        String m = message(() -> f.call(new double[][] {{1, 2, 3}}, new double[] {1, 2}));
        assertTrue(m.contains("(1, 3)") && m.contains("(2,)"), m);
    }

    @Test
    void raggedArraysAndBadAxes() {
        Variable x = T.dmatrix("x");
        Function f = Theano.function(List.of(x), x.sum());
        assertThrows(IllegalArgumentException.class, () -> f.call((Object) new double[][] {{1, 2}, {3}}));
        assertTrue(message(() -> T.sum(x, 2)).contains("2"));
    }

    @Test
    void updateTypeMustMatchAndMissingInputsAreNamed() {
        SharedVariable s = Theano.shared(new double[] {1, 2}, "s");
        Variable fv = T.fvector("fv");
        assertTrue(message(() -> Theano.function(List.of(fv), fv, Theano.options().update(s, fv))).contains("float32"));
        Variable x = T.dscalar("x");
        Variable y = T.dscalar("y");
        assertTrue(message(() -> Theano.function(List.of(x), x.add(y))).contains("'y'"));
        assertTrue(message(() -> s.setValue(new float[] {1, 2})).contains("float32"));
        assertTrue(message(() -> s.setValue(new double[][] {{1}})).contains("ndim"));
    }

    @Test
    void failedCallChangesNoSharedVariable() {
        SharedVariable w = Theano.shared(new double[] {1, 2}, "w");
        SharedVariable n = Theano.shared(0, "n");
        Variable v = T.dvector("v");
        Function f = Theano.function(List.of(v), w.add(v),
                Theano.options().update(n, n.add(1)).update(w, w.add(v)));
        f.call(new double[] {1, 1});
        assertThrows(IllegalArgumentException.class, () -> f.call(new double[] {1, 1, 1}));
        assertEquals(1, n.getValue().getLong());
        assertEquals("array([2., 3.])", w.getValue().toString());
    }

    @Test
    void cudaWithoutGpuSaysWhy() {
        Variable x = T.dscalar("x");
        String m = message(() -> Theano.function(List.of(x), x.add(1), Theano.options().device("cuda")));
        assertTrue(m.contains("cuda"), m);
    }

    @Test
    void weakScalarsFollowNumpy() {
        assertEquals(DType.FLOAT32, T.fvector("f").add(1.5).dtype());
        assertEquals(DType.INT32, T.ivector("i").add(1).dtype());
        assertEquals(DType.FLOAT64, T.ivector("i").add(1.5).dtype());
        assertEquals(DType.FLOAT64, T.div(T.ivector("i"), T.ivector("j")).dtype());
        assertEquals(DType.BOOL, T.gt(T.dvector("d"), 0).dtype());
    }
}
