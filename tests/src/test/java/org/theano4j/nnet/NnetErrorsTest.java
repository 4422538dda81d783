package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.ConvOptions;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Bad inputs of conv2d, pool2d and batch normalization: IllegalArgumentExceptions that name the input, nothing changed. */
class NnetErrorsTest {
    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void conv2dWrongNdimNamesTheInput() {
        Variable m = T.dmatrix("img");
        Variable w = T.dtensor4("w");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.conv2d(m, w)), "input img", "4-d", "matrix");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.conv2d(w, T.dtensor3("f"))), "filters f");
    }

    @Test
    void conv2dMismatchedChannelsAtCallTimeChangesNothing() {
        Variable x = T.dtensor4("x");
        Variable w = T.dtensor4("w");
        SharedVariable calls = Theano.shared(0.0, "calls");
        Function f = Theano.function(List.of(x, w), T.sum(T.nnet.conv2d(x, w)), Theano.options().update(calls, calls.add(1)));
        NDArray img = NDArray.zeros(DType.FLOAT64, 2, 3, 5, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.call(img, NDArray.zeros(DType.FLOAT64, 4, 2, 3, 3)));
        assertMessage(e, "3 channels", "(2, 3, 5, 5)", "filters expect 2", "(4, 2, 3, 3)");
        assertEquals(0.0, calls.getValue().item());
        f.call(img, NDArray.zeros(DType.FLOAT64, 4, 3, 3, 3));
        assertEquals(1.0, calls.getValue().item());
    }

    @Test
    void filterLargerThanInputInValidMode() {
        Variable x = T.ftensor4("x");
        Variable w = T.ftensor4("w");
        Function f = Theano.function(List.of(x, w), T.nnet.conv2d(x, w));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.call(NDArray.zeros(DType.FLOAT32, 1, 1, 4, 6), NDArray.zeros(DType.FLOAT32, 1, 1, 5, 3)));
        assertMessage(e, "filter height 5", "input's height 4", "'valid'");
        // the same filters fit in full mode, and with a dilation they no longer fit in valid mode
        Function full = Theano.function(List.of(x, w), T.nnet.conv2d(x, w, ConvOptions.defaults().borderMode("full")));
        assertEquals(List.of(1L, 1L, 8L, 8L), boxed(full.call(NDArray.zeros(DType.FLOAT32, 1, 1, 4, 6),
                NDArray.zeros(DType.FLOAT32, 1, 1, 5, 3)).shape()));
        Function dilated = Theano.function(List.of(x, w), T.nnet.conv2d(x, w, ConvOptions.defaults().filterDilation(1, 3)));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> dilated.call(NDArray.zeros(DType.FLOAT32, 1, 1, 4, 6),
                NDArray.zeros(DType.FLOAT32, 1, 1, 2, 3))), "filter width 3 (dilated 7)");
    }

    @Test
    void badOptionsAreRefused() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ConvOptions.defaults().borderMode("same")), "'same'");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ConvOptions.defaults().subsample(0, 1)), "subsample");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ConvOptions.defaults().filterDilation(1, 0)),
                "filter_dilation");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> ConvOptions.defaults().borderMode(-1)), "padding");
    }

    @Test
    void poolRefusesWhatTheanoRefuses() {
        Variable x = T.dtensor4("x");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.signal.pool.pool2d(T.dvector("v"), new int[] {2, 2},
                true)), "input v", "at least 2 axes");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.signal.pool.pool2d(x, new int[] {2, 2}, false,
                null, new int[] {1, 1}, "max")), "ignore_border=True");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.signal.pool.pool2d(x, new int[] {2, 2}, true,
                null, new int[] {2, 0}, "max")), "smaller than ws");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.signal.pool.pool2d(x, new int[] {2, 2}, true,
                null, new int[] {0, 0}, "avg")), "'avg'");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.signal.pool.pool2d(x, new int[] {2}, true)), "ws");
    }

    @Test
    void batchNormRefusesBadArguments() {
        Variable x = T.dmatrix("x");
        Variable g = T.dvector("g");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.bn.batchNormalizationTrain(x, g, g, "channel")),
                "axes");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.bn.batchNormalizationTrain(x, g, g,
                "per-activation", 1e-6, 0.1, null, null)), "epsilon must be at least 1e-5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.bn.batchNormalizationTrain(x, g, g,
                "per-activation", 1e-4, 0.1, g, null)), "both");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.bn.batchNormalizationTrain(x, T.dmatrix("g2"),
                g)), "dimensionality");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> T.nnet.bn.batchNormalizationTrain(x, g, g,
                new int[] {2})), "less than ndim");
    }

    private static List<Long> boxed(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
