package org.theano4j.nnet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.nnet.NnetCases.Case;
import org.theano4j.nnet.NnetCases.Setup;
import org.theano4j.tensor.NDArray;

/**
 * {@code T.signal.pool.pool2d} against Theano 1.0.5 (its C code): every mode with and without
 * {@code ignore_border}, strides, padding, tied maxima and a 3-d input, float64 and float32; the
 * output, the gradient of {@code sum(out * c)} (MaxPoolGrad / AveragePoolGrad) and the gradient
 * of {@code sum(gx * d)} w.r.t. {@code c} (DownsampleFactorMaxGradGrad / Pool).
 */
class PoolParityTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Setup s : Setup.values()) {
            for (Case c : NnetCases.of("pool")) {
                args.add(Arguments.of(s, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheano(Setup setup, Case c) {
        int ndim = c.ints("x").length;
        Variable x = T.tensor(c.dtype(), new boolean[ndim], "x");
        Variable cc = T.tensor(c.dtype(), new boolean[ndim], "c");
        Variable d = T.tensor(c.dtype(), new boolean[ndim], "d");
        Variable out = T.signal.pool.pool2d(x, c.ints("ws"), c.param("ignore_border").equals("1"), c.ints("stride"),
                c.ints("pad"), c.param("mode"));
        Variable gx = T.grad(T.sum(T.mul(out, cc)), x);
        Variable ggc = T.grad(T.sum(T.mul(gx, d)), cc);
        List<NDArray> got = Theano.function(List.of(x, cc, d), List.of(out, gx, ggc), setup.options)
                .callAll(c.get("x"), c.get("c"), c.get("d"));
        String[] names = {"out", "gx", "ggc"};
        for (int i = 0; i < names.length; i++) {
            NnetCases.assertClose(setup + " " + c + " " + names[i], c.get(names[i]), got.get(i));
        }
    }
}
