package org.theano4j.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.grad.GradCheck;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Back-propagation through scan, checked against finite differences (and one closed form). */
class ScanGradTest {
    record Case(String name, GradCheck.GraphBuilder fn, List<Object> point) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Random RNG = new Random(7);

    static NDArray uniform(double lo, double hi, long... shape) {
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (long i = 0; i < a.size(); i++) {
            a.setFlat(i, lo + (hi - lo) * RNG.nextDouble());
        }
        return a;
    }

    static List<Object> nulls(int n) {
        return Arrays.asList(new Object[n]);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("power A**3 via scan (state and non-sequence)", in -> Scan.scan(a -> List.of(T.mul(a.get(0), a.get(1))),
                        List.of(), List.of(T.onesLike(in.get(0))), List.of(in.get(0)), 3).output(), List.of(uniform(0.5, 1.5, 4))),
                new Case("polynomial (two sequences, int powers)", in -> T.sum(Scan.scan(a -> List.of(T.mul(a.get(0), T.pow(a.get(2), a.get(1)))),
                        List.of(in.get(0), T.arange(10)), nulls(1), List.of(in.get(1))).output()),
                        List.of(uniform(-1, 1, 3), NDArray.of(1.3))),
                new Case("tanh(x W + b) over rows (closures)", in -> Scan.scan(a -> List.of(T.tanh(T.add(T.dot(a.get(0), in.get(1)), in.get(2)))),
                        List.of(in.get(0)), nulls(1), List.of()).output(), List.of(uniform(-1, 1, 3, 2), uniform(-1, 1, 2, 2), uniform(-1, 1, 2))),
                new Case("RNN h = tanh(x W + h U + b)", ScanGradTest::rnn,
                        List.of(uniform(-1, 1, 4, 2), uniform(-1, 1, 2, 3), uniform(-1, 1, 3, 3), uniform(-1, 1, 3), uniform(-1, 1, 3))),
                new Case("backwards running product, nSteps shorter than the sequence", in -> Scan.scan(a -> List.of(T.mul(a.get(1), a.get(0))),
                        List.of(in.get(0)), List.of(in.get(1)), List.of(), 3, true).output(), List.of(uniform(0.5, 1.5, 5), NDArray.of(0.7))),
                new Case("forward, nSteps shorter, two outputs", in -> {
                    ScanResult r = Scan.scan(a -> List.of(T.add(a.get(1), T.sin(a.get(0))), T.mul(a.get(0), a.get(1))),
                            List.of(in.get(0)), Arrays.asList(in.get(1), null), List.of(), 2);
                    return T.add(T.sum(r.output(0)), T.sum(T.sqr(r.output(1))));
                }, List.of(uniform(-1, 1, 4, 2), uniform(-1, 1, 2))),
                new Case("sequence taps [-2, 0, 1] and output taps [-3, -1]", in -> Scan.builder(a -> List.of(
                        T.tanh(a.get(0).mul(a.get(5)).add(a.get(1)).sub(a.get(2).mul(a.get(3))).add(a.get(4).mul(0.5)))))
                        .sequences(Scan.Sequence.of(in.get(0)).taps(-2, 0, 1)).outputsInfo(Scan.Output.of(in.get(1)).taps(-3, -1))
                        .nonSequences(in.get(2)).build().output(), List.of(uniform(-1, 1, 8, 2), uniform(-1, 1, 4, 2), uniform(-1, 1, 2))),
                new Case("backwards over sequence taps, matrix state", in -> Scan.builder(a -> List.of(
                        T.tanh(T.dot(a.get(2), a.get(3)).add(a.get(0)).sub(a.get(1)))))
                        .sequences(Scan.Sequence.of(in.get(0)).taps(-1, 1)).outputsInfo(in.get(1)).nonSequences(in.get(2)).goBackwards(true)
                        .build().output(), List.of(uniform(-1, 1, 6, 3), uniform(-1, 1, 3), uniform(-1, 1, 3, 3))),
                new Case("until (far from the stopping point)", in -> Scan.builder(a -> {
                    Variable h = a.get(1).mul(a.get(2)).add(a.get(0));
                    return List.of(h, Scan.until(T.gt(h, 4.5)));
                }).sequences(in.get(0)).outputsInfo(in.get(1)).nonSequences(in.get(2)).build().output(),
                        List.of(NDArray.of(new double[] {1, 1.2, 0.9, 1.1, 1, 1}), NDArray.of(0.3), NDArray.of(1.05))),
                new Case("float shared state updated in the loop (its update is differentiated)", in -> {
                    SharedVariable acc = Theano.shared(new double[] {0.5, -0.25});
                    ScanResult r = Scan.builder(a -> List.of(T.sin(acc.add(a.get(0))), Map.of(acc, acc.mul(a.get(1)).add(a.get(0)))))
                            .sequences(in.get(0)).nonSequences(in.get(1)).build();
                    return T.add(T.sum(r.output()), T.sum(T.sqr(r.updates().get(acc))));
                }, List.of(uniform(-1, 1, 3, 2), NDArray.of(0.8))),
                new Case("integer counter beside a float state", in -> Scan.builder(a -> List.of(a.get(1).add(1),
                        T.tanh(a.get(2).mul(a.get(3)).add(T.mul(a.get(0), T.cast(a.get(1), DType.FLOAT64))))))
                        .sequences(in.get(0)).outputsInfo(NDArray.of(1L), in.get(1)).nonSequences(in.get(2)).build().output(1),
                        List.of(uniform(-1, 1, 4), NDArray.of(0.2), NDArray.of(0.7))),
                new Case("nested loops", in -> Scan.builder(a -> List.of(Scan.builder(b -> List.of(T.tanh(b.get(1).mul(b.get(2)).add(b.get(0)))))
                        .sequences(a.get(0)).outputsInfo(T.constant(0.1)).nonSequences(a.get(1)).build().output().get(-1)))
                        .sequences(in.get(0)).nonSequences(in.get(1)).build().output(), List.of(uniform(-1, 1, 3, 4), NDArray.of(0.9))),
                new Case("map without outputsInfo, two outputs", in -> {
                    ScanResult r = Scan.builder(a -> List.of(T.sum(T.exp(a.get(0))), T.mul(a.get(0), a.get(1)))).sequences(in.get(0))
                            .nonSequences(in.get(1)).build();
                    return T.add(T.sum(r.output(0)), T.sum(T.sqr(r.output(1))));
                }, List.of(uniform(-1, 1, 3, 2), uniform(-1, 1, 2))));
    }

    static Variable rnn(List<Variable> in) {
        Variable w = in.get(1);
        Variable u = in.get(2);
        Variable b = in.get(3);
        ScanResult r = Scan.scan(a -> List.of(T.tanh(T.add(T.add(T.dot(a.get(0), a.get(2)), T.dot(a.get(1), a.get(3))), a.get(4)))),
                List.of(in.get(0)), List.of(in.get(4)), List.of(w, u, b));
        return r.output();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scanGradientsMatchFiniteDifferences(Case c) {
        GradCheck.verifyGrad(c.fn(), c.point());
    }

    @Test
    void gradientWithRespectToSharedNonSequencesMatchesFiniteDifferences() {
        // GradCheck takes symbolic inputs; a shared W is checked by perturbing its value
        SharedVariable w = Theano.shared(uniform(-1, 1, 3, 3), "W");
        SharedVariable b = Theano.shared(uniform(-1, 1, 3), "b");
        Variable x = T.dmatrix("x");
        Variable h0 = T.dvector("h0");
        Variable h = Scan.builder(a -> List.of(T.tanh(T.dot(a.get(1), a.get(2)).add(a.get(0)).add(a.get(3)))))
                .sequences(x).outputsInfo(h0).nonSequences(w, b).strict(true).build().output();
        Variable cost = T.sum(T.mul(h, T.constant(uniform(0.5, 1.5, 4, 3))));
        List<Variable> grads = T.grad(cost, List.of(w, b));
        Function f = Theano.function(List.of(x, h0), cost);
        Function g = Theano.function(List.of(x, h0), grads);
        NDArray xv = uniform(-1, 1, 4, 3);
        NDArray hv = uniform(-1, 1, 3);
        List<NDArray> symbolic = g.callAll(xv, hv);
        List<SharedVariable> shared = List.of(w, b);
        for (int s = 0; s < shared.size(); s++) {
            NDArray value = shared.get(s).getValue();
            for (long i = 0; i < value.size(); i++) {
                double[] at = new double[2];
                for (int side = 0; side < 2; side++) {
                    NDArray moved = value.copy();
                    moved.setFlat(i, value.getFlat(i) + (side == 0 ? 1e-6 : -1e-6));
                    shared.get(s).setValue(moved);
                    at[side] = f.call(xv, hv).item();
                }
                shared.get(s).setValue(value);
                assertEquals((at[0] - at[1]) / 2e-6, symbolic.get(s).getFlat(i), 1e-7, shared.get(s) + "[" + i + "]");
            }
        }
    }

    @Test
    void gradientOfAPowerLoopHasTheClosedForm() {
        // d/dA sum(A ** k) = k * A ** (k - 1)
        Variable a = T.dvector("A");
        Variable k = T.iscalar("k");
        Variable power = T.scan(args -> List.of(T.mul(args.get(0), args.get(1))), List.of(), List.of(T.onesLike(a)), List.of(a), k)
                .output().get(-1);
        Function g = Theano.function(List.of(a, k), T.grad(T.sum(power), a));
        assertArrayEquals(new double[] {3, 12, 27}, g.call(new double[] {1, 2, 3}, 3).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {4, 32}, g.call(new double[] {1, 2}, 4).toDoubleArray(), 1e-12);
    }
}
