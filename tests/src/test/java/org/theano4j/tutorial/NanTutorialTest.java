package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Theano tutorial "Dealing with NaNs" (nan_tutorial.txt): NanGuardMode, in Java. */
class NanTutorialTest {

    private static String guardFailure(Function f, Object... args) {
        return assertThrows(IllegalStateException.class, () -> f.callAll(args)).getMessage();
    }

    @Test
    void nanGuardModeStopsAnInfiniteInput() {
        Variable x = T.matrix();
        SharedVariable w = Theano.shared(NDArray.full(DType.FLOAT64, 0.5, 5, 7), "w");
        Variable y = T.dot(x, w);
        Function fun = Theano.function(List.of(x), y, Theano.options().nanGuard(true, true, true));
        NDArray infa = NDArray.full(DType.FLOAT64, Double.POSITIVE_INFINITY, 3, 5);  // tile(100. ** 1000000, (3, 5))
        String m = guardFailure(fun, infa);
        assertTrue(m.contains("input 0") && m.contains("inf"), m);
        assertEquals(3, fun.call(NDArray.full(DType.FLOAT64, 1, 3, 5)).shape()[0]);
    }

    @Test
    void namesTheFirstNodeThatProducesANaN() {
        Variable x = T.dvector("x");
        Variable y = T.log(x).mul(2).sum();
        Function plain = Theano.function(List.of(x), y);
        assertTrue(Double.isNaN(plain.call(new double[] {1, -1}).item()));
        Function guarded = Theano.function(List.of(x), y, Theano.options().nanGuard(true));
        String m = guardFailure(guarded, new double[] {1, -1});
        assertTrue(m.startsWith("NaN guard: node ") && m.contains("produced NaN"), m);
        assertTrue(m.contains("log"), m);
        assertTrue(m.contains("flat index 1"), m);
        assertEquals(0.0, guarded.call(new double[] {1, 1}).item());
    }

    @Test
    void whichValuesAreErrorsIsConfigurable() {
        Variable x = T.dvector("x");
        Variable y = x.mul(1e11);
        double[] arg = {1};
        record Case(FunctionOptions options, boolean fails) {
        }
        List<Case> table = List.of(
                new Case(Theano.options(), false),
                new Case(Theano.options().nanGuard(true), false),
                new Case(Theano.options().nanGuard(false, false, true), true),
                new Case(Theano.options().mode("NanGuardMode"), true),
                new Case(Theano.options().nanGuard(true, true, true).nanGuard(false), false));
        for (Case c : table) {
            Function f = Theano.function(List.of(x), y, c.options());
            if (c.fails()) {
                assertTrue(guardFailure(f, (Object) arg).contains("big value"));
            } else {
                assertEquals(1e11, f.call(arg).item());
            }
        }
        Function inf = Theano.function(List.of(x), x.div(0.0), Theano.options().nanGuard(false, true, false));
        assertTrue(guardFailure(inf, (Object) arg).contains("inf"));
        Function nanOnly = Theano.function(List.of(x), x.div(0.0), Theano.options().nanGuard(true, false, false));
        assertEquals(Double.POSITIVE_INFINITY, nanOnly.call(arg).item());
    }

    @Test
    void aStoppedCallChangesNoSharedState() {
        SharedVariable acc = Theano.shared(new double[] {1, 2}, "acc");
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), acc, Theano.options().update(acc, T.sqrt(acc.add(x))).nanGuard(true));
        guardFailure(f, new double[] {-5, 0});
        assertArrayEquals(new double[] {1, 2}, acc.getValue().toDoubleArray());
        f.call(new double[] {3, 7});
        assertArrayEquals(new double[] {2, 3}, acc.getValue().toDoubleArray());
    }

    @Test
    void integerResultsAreNotChecked() {
        Variable i = T.lvector("i");
        Function f = Theano.function(List.of(i), i.mul(3), Theano.options().nanGuard(true, true, true));
        assertArrayEquals(new long[] {3, 6}, f.call(new long[] {1, 2}).toLongArray());
    }
}
