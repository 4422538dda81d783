package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.In;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;

/** Every non-random example of the seed page ("More Examples"), with the numbers it prints. */
class SeedPageTest {
    private static final double[][] LOGISTIC_IN = {{0, 1}, {-1, -2}};

    @Test
    void logisticFunction() {
        Variable x = T.dmatrix("x");
        Function logistic = Theano.function(List.of(x), T.div(1, T.add(1, T.exp(T.neg(x)))));
        NDArray out = logistic.call((Object) LOGISTIC_IN);
        assertEquals("array([[0.5       , 0.73105858],\n       [0.26894142, 0.11920292]])", out.toString());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(1 / (1 + Math.exp(-LOGISTIC_IN[i][j])), out.getDouble(i, j), 1e-16);
            }
        }
    }

    @Test
    void logisticViaTanhGivesTheSameValues() {
        Variable x = T.dmatrix("x");
        Function logistic2 = Theano.function(List.of(x), T.div(T.add(1, T.tanh(T.div(x, 2))), 2));
        assertEquals("array([[0.5       , 0.73105858],\n       [0.26894142, 0.11920292]])",
                logistic2.call((Object) LOGISTIC_IN).toString());
    }

    @Test
    void severalOutputs() {
        Variable[] ab = T.dmatrices("a", "b");
        Variable diff = ab[0].sub(ab[1]);
        Function f = Theano.function(List.of(ab[0], ab[1]), List.of(diff, T.abs(diff), diff.pow(2)));
        List<NDArray> out = f.callAll(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 1}, {2, 3}});
        assertArrayEquals(new double[] {1, 0, -1, -2}, out.get(0).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 1, 2}, out.get(1).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 1, 4}, out.get(2).toDoubleArray());
    }

    @Test
    void defaultValuesAndKeywords() {
        Variable[] xy = T.dscalars("x", "y");
        Function f = Theano.function(List.of(xy[0], In.of(xy[1]).value(1)), xy[0].add(xy[1]));
        assertEquals("array(34.)", f.call(33).toString());
        assertEquals(35.0, f.call(33, 2).item());
        Variable[] xyw = T.dscalars("x", "y", "w");
        Function g = Theano.function(List.of(xyw[0], In.of(xyw[1]).value(1), In.of(xyw[2]).value(2).name("w_by_name")),
                xyw[0].add(xyw[1]).mul(xyw[2]));
        assertEquals(68.0, g.call(33).item());
        assertEquals(70.0, g.call(33, 2).item());
        assertEquals(33.0, g.call(33, 0, 1).item());
        assertEquals(34.0, g.callKw(Map.of("w_by_name", 1), 33).item());
        assertEquals(33.0, g.callKw(Map.of("w_by_name", 1, "y", 0), 33).item());
    }

    @Test
    void accumulatorWithUpdatesAndGivens() {
        SharedVariable state = Theano.shared(0);
        Variable inc = T.iscalar("inc");
        Function accumulator = Theano.function(List.of(inc), state, Theano.options().update(state, state.add(inc)));
        assertEquals("array(0)", state.getValue().toString());
        assertEquals("array(0)", accumulator.call(1).toString());
        assertEquals(1, state.getValue().getLong());
        assertEquals(1, accumulator.call(300).getLong());
        assertEquals(301, state.getValue().getLong());
        state.setValue(-1);
        assertEquals(-1, accumulator.call(3).getLong());
        assertEquals(2, state.getValue().getLong());
        Function decrementor = Theano.function(List.of(inc), state, Theano.options().update(state, state.sub(inc)));
        assertEquals(2, decrementor.call(2).getLong());
        assertEquals(0, state.getValue().getLong());
        Variable foo = T.scalar(state.dtype());
        Function skipShared = Theano.function(List.of(inc, foo), state.mul(2).add(inc), Theano.options().givens(state, foo));
        assertEquals("array(7)", skipShared.call(1, 3).toString());
        assertEquals(0, state.getValue().getLong());
    }

    @Test
    void copyingFunctions() {
        SharedVariable state = Theano.shared(0);
        Variable inc = T.iscalar("inc");
        Function accumulator = Theano.function(List.of(inc), state, Theano.options().update(state, state.add(inc)));
        assertEquals(0, accumulator.call(10).getLong());
        assertEquals(10, state.getValue().getLong());
        SharedVariable newState = Theano.shared(0);
        Function newAccumulator = accumulator.copy(Map.of(state, newState), false);
        assertEquals(0, newAccumulator.call(100).getLong());
        assertEquals(100, newState.getValue().getLong());
        assertEquals(10, state.getValue().getLong());
        Function nullAccumulator = accumulator.copy(Map.of(), true);
        assertEquals(10, nullAccumulator.call(9000).getLong());
        assertEquals(10, state.getValue().getLong());
    }
}
