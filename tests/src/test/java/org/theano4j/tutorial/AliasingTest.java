package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.In;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Theano tutorial "Understanding Memory Aliasing for Speed and Correctness" (aliasing.txt), in Java. */
class AliasingTest {

    private static void addOneInPlace(NDArray a) {
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, a.getFlat(i) + 1);
        }
    }

    @Test
    void borrowingWhenCreatingSharedVariables() {
        NDArray npArray = NDArray.of(new float[] {1, 1});          // numpy.ones(2, dtype='float32')
        SharedVariable sDefault = Theano.shared(npArray);
        SharedVariable sFalse = Theano.shared(npArray, null, false);
        SharedVariable sTrue = Theano.shared(npArray, null, true);
        addOneInPlace(npArray);                                       // np_array += 1
        assertArrayEquals(new float[] {1, 1}, sDefault.getValue().toFloatArray());
        assertArrayEquals(new float[] {1, 1}, sFalse.getValue().toFloatArray());
        assertArrayEquals(new float[] {2, 2}, sTrue.getValue().toFloatArray());
        assertEquals(DType.FLOAT32, sTrue.dtype());
    }

    @Test
    void borrowingWhenAccessingValues() {
        NDArray backing = NDArray.of(new double[] {1, 2, 3});
        SharedVariable s = Theano.shared(backing, "s", true);
        assertSame(backing, s.getValue(true));
        NDArray copy = s.getValue(false);
        assertNotSame(backing, copy);
        addOneInPlace(copy);
        assertArrayEquals(new double[] {1, 2, 3}, s.getValue().toDoubleArray());
        addOneInPlace(s.getValue(true));
        assertArrayEquals(new double[] {2, 3, 4}, s.getValue().toDoubleArray());
    }

    @Test
    void borrowingWhenAssigningValues() {
        SharedVariable s = Theano.shared(new double[] {0, 0}, "s");
        NDArray given = NDArray.of(new double[] {5, 6});
        s.setValue(given, true);
        assertSame(given, s.getValue(true));
        // The page's idiom: s.set_value(some_inplace_fn(s.get_value(borrow=True)), borrow=True)
        NDArray internal = s.getValue(true);
        addOneInPlace(internal);
        s.setValue(internal, true);
        assertArrayEquals(new double[] {6, 7}, s.getValue().toDoubleArray());
        NDArray notBorrowed = NDArray.of(new double[] {1, 1});
        s.setValue(notBorrowed, false);
        addOneInPlace(notBorrowed);
        assertArrayEquals(new double[] {1, 1}, s.getValue().toDoubleArray());
    }

    @Test
    void functionsSeeTheBorrowedValueAndReturnFreshOutputs() {
        NDArray backing = NDArray.of(new double[] {1, 2});
        SharedVariable s = Theano.shared(backing, "s", true);
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(In.of(x).borrow(true)), x.add(s));
        NDArray first = f.call(new double[] {10, 10});
        assertArrayEquals(new double[] {11, 12}, first.toDoubleArray());
        addOneInPlace(backing);
        NDArray second = f.call(new double[] {10, 10});
        assertArrayEquals(new double[] {12, 13}, second.toDoubleArray());
        assertNotSame(first, second);
        assertArrayEquals(new double[] {11, 12}, first.toDoubleArray());
    }

    @Test
    void updatesGiveTheSharedVariableItsNewValue() {
        NDArray backing = NDArray.of(new double[] {1, 2});
        SharedVariable s = Theano.shared(backing, "s", true);
        Function inc = Theano.function(List.of(), s, Theano.options().update(s, s.add(1)));
        NDArray old = inc.call();
        assertArrayEquals(new double[] {1, 2}, old.toDoubleArray());
        assertArrayEquals(new double[] {2, 3}, s.getValue().toDoubleArray());
        // As in Theano, whether an update reuses a borrowed array's memory is left unspecified.
    }
}
