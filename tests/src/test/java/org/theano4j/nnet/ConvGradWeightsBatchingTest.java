package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.ConvOptions;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The CPU backend's filter gradient, which multiplies runs of images side by side, against the
 * reference backend's direct loop, on geometries that make the runs split differently: several
 * runs per thread, one image per run (deep outputs), one run per thread (small outputs), and
 * the cap on a run's patch elements (many channels); float64 and float32.
 */
class ConvGradWeightsBatchingTest {
    static Stream<Arguments> cases() {
        ConvOptions valid = ConvOptions.defaults();
        return Stream.of(
                Arguments.of("runs of 2 images", new long[] {9, 2, 35, 34}, new long[] {3, 2, 3, 3}, valid),
                Arguments.of("one image per run", new long[] {3, 1, 50, 50}, new long[] {2, 1, 2, 2}, valid),
                Arguments.of("the whole batch in a run", new long[] {40, 3, 6, 6}, new long[] {4, 3, 3, 3},
                        ConvOptions.defaults().borderMode("half")),
                Arguments.of("capped by patch elements", new long[] {4, 64, 24, 24}, new long[] {2, 64, 5, 5}, valid),
                Arguments.of("strided, dilated, padded, flipped", new long[] {7, 2, 40, 40}, new long[] {3, 2, 3, 3},
                        ConvOptions.defaults().subsample(2, 1).filterDilation(2, 2).borderMode(1, 2).filterFlip(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(String name, long[] xs, long[] ws, ConvOptions o) {
        for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            Variable x = T.tensor(dtype, new boolean[4], "x");
            Variable w = T.tensor(dtype, new boolean[4], "w");
            long[] top = Theano.function(List.of(x, w), T.nnet.conv2d(x, w, o))
                    .call(NDArray.zeros(dtype, xs), NDArray.zeros(dtype, ws)).shape();
            Variable g = T.tensor(dtype, new boolean[4], "top");
            Variable gw = T.nnet.conv2dGradWrtWeights(x, g, ws, o);
            RandomState rs = new RandomState(xs[0] * 31 + ws[1]);
            NDArray xa = NDArray.of(rs.uniform(-1, 1, xs)).reshape(xs).astype(dtype);
            NDArray ga = NDArray.of(rs.uniform(-1, 1, top)).reshape(top).astype(dtype);
            Function cpu = Theano.function(List.of(x, g), gw);
            Function ref = Theano.function(List.of(x, g), gw, Theano.options().device("reference"));
            assertEquals("vector-cpu", cpu.backendName());
            NnetCases.assertClose(name + " " + dtype, ref.call(xa, ga), cpu.call(xa, ga));
        }
    }
}
