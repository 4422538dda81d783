package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.grad.GradCheck;
import org.theano4j.nnet.NnetCases.Case;
import org.theano4j.nnet.NnetCases.Setup;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * {@code relu} (with and without alpha), {@code elu}, {@code selu}, {@code hard_sigmoid} and
 * {@code ultra_fast_sigmoid} against Theano 1.0.5, values and gradients (kinks included), float64
 * and float32; ultra_fast_sigmoid's gradient (which Theano lacks) against finite differences.
 */
class ActivationParityTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Setup s : Setup.values()) {
            for (Case c : NnetCases.of("act")) {
                args.add(Arguments.of(s, c));
            }
        }
        return args.stream();
    }

    static Variable apply(String fn, Variable x) {
        return switch (fn) {
            case "relu" -> T.nnet.relu(x);
            case "relu_alpha" -> T.nnet.relu(x, 0.1);
            case "relu_neg_alpha" -> T.nnet.relu(x, -0.3);
            case "elu" -> T.nnet.elu(x);
            case "elu_alpha" -> T.nnet.elu(x, 0.7);
            case "selu" -> T.nnet.selu(x);
            case "hard_sigmoid" -> T.nnet.hardSigmoid(x);
            case "ultra_fast_sigmoid" -> T.nnet.ultraFastSigmoid(x);
            default -> throw new IllegalArgumentException(fn);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheano(Setup setup, Case c) {
        Variable x = T.tensor(c.dtype(), new boolean[1], "x");
        Variable y = apply(c.param("fn"), x);
        if (c.param("fn").equals("ultra_fast_sigmoid")) {
            NnetCases.assertClose(setup + " " + c, c.get("out"), Theano.function(List.of(x), y, setup.options).call(c.get("x")));
            return;
        }
        Variable cc = T.tensor(c.dtype(), new boolean[1], "c");
        Variable gx = T.grad(T.sum(T.mul(y, cc)), x);
        List<NDArray> got = Theano.function(List.of(x, cc), List.of(y, gx), setup.options).callAll(c.get("x"), c.get("c"));
        NnetCases.assertClose(setup + " " + c + " out", c.get("out"), got.get(0));
        NnetCases.assertClose(setup + " " + c + " gx", c.get("gx"), got.get(1));
    }

    @Test
    void ultraFastSigmoidGradientIsItsPiecewiseDerivative() {
        // points away from the breakpoints |x| = 3.4 and 6, on every piece and both signs
        double[] pts = {-7.5, -4.9, -3.1, -1.0, -0.2, 0.3, 1.5, 3.0, 4.4, 5.9, 8.0};
        GradCheck.verifyGrad(v -> T.nnet.ultraFastSigmoid(v.get(0)), List.of(NDArray.of(pts)));
        Variable x = T.dvector("x");
        NDArray g = Theano.function(List.of(x), T.grad(T.sum(T.nnet.ultraFastSigmoid(x)), x)).call(NDArray.of(new double[] {0, 7}));
        assertTrue(g.getDouble(0) == 0.375 && g.getDouble(1) == 0, g.toString());
    }

    @Test
    void integerInputsBecomeFloat() {
        Variable i = T.ivector("i");
        assertTrue(T.nnet.ultraFastSigmoid(i).dtype() == DType.FLOAT64);
        assertTrue(T.nnet.hardSigmoid(T.bvector("b")).dtype() == DType.FLOAT32);
        assertThrows(IllegalArgumentException.class, () -> T.nnet.relu(null));
    }
}
