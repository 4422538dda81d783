package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.Dropout;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomState;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Dropout masks are the streams' binomial draws (numpy's for RandomStreams), fresh each call, in x's dtype. */
class DropoutTest {
    @Test
    void randomStreamsMaskIsNumpysBinomial() {
        Variable x = T.fmatrix("x");
        Function f = Theano.function(List.of(x), Dropout.dropout(new RandomStreams(42), x, 0.3, 4, 5));
        NDArray twos = NDArray.full(DType.FLOAT32, 2, 4, 5);
        // Theano 1.0 seeds the k-th variable of RandomStreams(42) with RandomState(42).randint(2**30)
        RandomState state = new RandomState(new RandomState(42).randint(1L << 30));
        for (int call = 0; call < 3; call++) {
            NDArray out = f.call(twos);
            assertEquals(DType.FLOAT32, out.dtype());
            long[] mask = state.binomial(1, 0.7, 4, 5);
            double[] expected = new double[mask.length];
            for (int i = 0; i < mask.length; i++) {
                expected[i] = 2.0 * mask[i];
            }
            assertArrayEquals(expected, out.toDoubleArray(), "call " + call);
        }
    }

    @Test
    void mrgMaskIsTheMrgBinomial() {
        Variable x = T.dvector("x");
        NDArray ones = NDArray.full(DType.FLOAT64, 1, 1000);
        NDArray out = Theano.function(List.of(x), Dropout.dropout(new MRGRandomStreams(7), x, 0.25, 1000)).call(ones);
        NDArray mask = Theano.function(List.of(), T.cast(new MRGRandomStreams(7).binomial(new long[] {1000}, 0.75),
                DType.FLOAT64)).call();
        assertEquals(mask, out);
        double kept = T.eval(T.mean(T.constant(out)), java.util.Map.of()).item();
        assertEquals(0.75, kept, 0.05);
    }

    @Test
    void badArgumentsAreRefused() {
        Variable x = T.dmatrix("x");
        RandomStreams s = new RandomStreams(1);
        assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(s, x, 1.0, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(s, x, -0.1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Dropout.dropout(s, x, 0.5, 4));
    }
}
