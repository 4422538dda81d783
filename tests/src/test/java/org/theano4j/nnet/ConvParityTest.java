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
 * {@code T.nnet.conv2d} against Theano 1.0.5 over border modes, subsampling, dilation and flip,
 * float64 and float32: the output, both gradients of {@code sum(out * c)}, and three second
 * derivatives (through the gradient ops' own gradients), on the CPU backend and the reference one.
 */
class ConvParityTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Setup s : Setup.values()) {
            for (Case c : NnetCases.of("conv")) {
                args.add(Arguments.of(s, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheano(Setup setup, Case c) {
        Variable x = T.tensor(c.dtype(), new boolean[4], "x");
        Variable w = T.tensor(c.dtype(), new boolean[4], "w");
        Variable cc = T.tensor(c.dtype(), new boolean[4], "c");
        Variable d = T.tensor(c.dtype(), new boolean[4], "d");
        Variable e = T.tensor(c.dtype(), new boolean[4], "e");
        Variable out = T.nnet.conv2d(x, w, NnetCases.convOptions(c));
        List<Variable> g = T.grad(T.sum(T.mul(out, cc)), List.of(x, w));
        Variable hxw = T.grad(T.sum(T.mul(g.get(0), d)), w);
        Variable hwx = T.grad(T.sum(T.mul(g.get(1), e)), x);
        Variable hxc = T.grad(T.sum(T.mul(g.get(0), d)), cc);
        List<NDArray> got = Theano.function(List.of(x, w, cc, d, e), List.of(out, g.get(0), g.get(1), hxw, hwx, hxc),
                setup.options).callAll(c.get("x"), c.get("w"), c.get("c"), c.get("d"), c.get("e"));
        String[] names = {"out", "gx", "gw", "hxw", "hwx", "hxc"};
        for (int i = 0; i < names.length; i++) {
            NnetCases.assertClose(setup + " " + c + " " + names[i], c.get(names[i]), got.get(i));
        }
    }
}
