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
 * {@code T.nnet.bn.batchNormalizationTrain/Test} against Theano 1.0.5: per-activation, spatial and
 * explicit axes, parameters in reduced and in full ndim, running averages, epsilon and factor
 * given; outputs, statistics and the gradients of {@code sum(out * c)} w.r.t. input, gamma and beta
 * (and, in inference, mean and var), float64 and float32.
 */
class BatchNormParityTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Setup s : Setup.values()) {
            for (Case c : NnetCases.of("bn")) {
                args.add(Arguments.of(s, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheano(Setup setup, Case c) {
        int nd = c.ints("x").length;
        int[] pshape = c.ints("p");
        boolean[] pb = new boolean[pshape.length];
        for (int i = 0; i < pb.length; i++) {
            pb[i] = pshape.length == nd && pshape[i] == 1;
        }
        Variable x = T.tensor(c.dtype(), new boolean[nd], "x");
        Variable cc = T.tensor(c.dtype(), new boolean[nd], "c");
        Variable gamma = T.tensor(c.dtype(), pb, "gamma");
        Variable beta = T.tensor(c.dtype(), pb, "beta");
        Variable rm = T.tensor(c.dtype(), pb, "rm");
        Variable rv = T.tensor(c.dtype(), pb, "rv");
        Object axes = c.param("axes").matches("[a-z-]+") ? c.param("axes") : c.ints("axes");
        double eps = Double.parseDouble(c.param("epsilon"));
        double factor = Double.parseDouble(c.param("factor"));
        List<Variable> train = T.nnet.bn.batchNormalizationTrain(x, gamma, beta, axes, eps, factor, rm, rv);
        List<Variable> g = T.grad(T.sum(T.mul(train.get(0), cc)), List.of(x, gamma, beta));
        Variable test = T.nnet.bn.batchNormalizationTest(x, gamma, beta, rm, rv, axes, eps);
        List<Variable> tg = T.grad(T.sum(T.mul(test, cc)), List.of(x, gamma, beta, rm, rv));
        List<Variable> outs = new ArrayList<>(train);
        outs.addAll(g);
        outs.add(test);
        outs.addAll(tg);
        List<NDArray> got = Theano.function(List.of(x, gamma, beta, rm, rv, cc), outs, setup.options)
                .callAll(c.get("x"), c.get("gamma"), c.get("beta"), c.get("rm"), c.get("rv"), c.get("c"));
        String[] names = {"out", "mean", "invstd", "new_rm", "new_rv", "gx", "ggamma", "gbeta",
            "test", "tgx", "tggamma", "tgbeta", "tgmean", "tgvar"};
        for (int i = 0; i < names.length; i++) {
            NnetCases.assertClose(setup + " " + c + " " + names[i], c.get(names[i]), got.get(i));
        }
    }
}
