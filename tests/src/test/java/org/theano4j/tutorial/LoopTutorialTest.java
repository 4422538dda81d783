package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.control.Scan;
import org.theano4j.control.ScanResult;
import org.theano4j.e2e.parity.ScanReference;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.NDArray;

/**
 * Theano's tutorial page "Loop" (loop.txt) and the scan examples of "Computing the Jacobian /
 * Hessian" (gradients.txt), in Java. The expected numbers are the ones the pages print (Theano
 * 1.0.5 prints the same, see tests/scripts/scan_reference.py; ScanParityTest compares the
 * full-precision values).
 */
class LoopTutorialTest {
    private static final double PRINTED = 5e-9;

    static void assertRows(double[][] expected, NDArray got, double tol) {
        double[][] m = got.toDoubleMatrix();
        assertEquals(expected.length, m.length, "rows");
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], m[r], tol, "row " + r);
        }
    }

    static double[][] eye(int n, int m) {
        double[][] e = new double[n][m];
        for (int i = 0; i < Math.min(n, m); i++) {
            e[i][i] = 1;
        }
        return e;
    }

    static double[][] filled(int n, int m, double v) {
        double[][] a = new double[n][m];
        for (double[] row : a) {
            java.util.Arrays.fill(row, v);
        }
        return a;
    }

    @Test
    void tanhOfRowsTimesWPlusB() {
        // results, updates = theano.scan(lambda v: T.tanh(T.dot(v, W) + b_sym), sequences=X)
        Variable x = T.matrix("X");
        Variable w = T.matrix("W");
        Variable b = T.vector("b_sym");
        ScanResult r = Scan.builder(a -> List.of(T.tanh(T.add(T.dot(a.get(0), w), b)))).sequences(x).build();
        Function computeElementwise = Theano.function(List.of(x, w, b), r.output());
        assertRows(new double[][] {{0.96402758, 0.99505475}, {0.96402758, 0.99505475}},
                computeElementwise.call(eye(2, 2), filled(2, 2, 1), new double[] {1, 2}), PRINTED);
    }

    @Test
    void recurrenceOverTwoSequencesOneReversed() {
        // x(t) = tanh(x(t - 1).dot(W) + y(t).dot(U) + p(T - t).dot(V)): sequences=[Y, P[::-1]], outputs_info=[X]
        Variable x = T.vector("X");
        Variable w = T.matrix("W");
        Variable u = T.matrix("U");
        Variable y = T.matrix("Y");
        Variable v = T.matrix("V");
        Variable p = T.matrix("P");
        ScanResult r = Scan.builder(a -> List.of(T.tanh(T.dot(a.get(2), w).add(T.dot(a.get(0), u)).add(T.dot(a.get(1), v)))))
                .sequences(y, p.get(Slice.of(null, null, -1))).outputsInfo(x).build();
        Function computeSeq = Theano.function(List.of(x, w, y, u, p, v), r.output());
        double[][] yv = filled(5, 2, 1);
        yv[0] = new double[] {-3, -3};
        double[][] pv = filled(5, 2, 1);
        pv[0] = new double[] {3, 3};
        NDArray got = computeSeq.call(new double[] {0, 1}, filled(2, 2, 1), yv, filled(2, 2, 1), pv, filled(2, 2, 1));
        assertRows(new double[][] {{-0.99505475, -0.99505475}, {0.96471973, 0.96471973}, {0.99998585, 0.99998585},
            {0.99998771, 0.99998771}, {1, 1}}, got, PRINTED);
    }

    @Test
    void normsOfRowsAndColumnsAndTrace() {
        Variable x = T.matrix("X");
        Scan.StepFunction norm = a -> List.of(T.sqrt(T.sum(T.sqr(a.get(0)))));
        Function rows = Theano.function(List.of(x), Scan.builder(norm).sequences(x).build().output());
        Function cols = Theano.function(List.of(x), Scan.builder(norm).sequences(x.T()).build().output());
        double[][] diag = new double[6][6];
        for (int i = 0; i < 5; i++) {
            diag[i][i + 1] = i + 1;
        }
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 0}, rows.call((Object) diag).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, cols.call((Object) diag).toDoubleArray(), 1e-15);
        // trace: sequences=[arange(X.shape[0]), arange(X.shape[1])], outputs_info=np.asarray(0.)
        ScanResult tr = Scan.builder(a -> List.of(T.add(x.get(a.get(0), a.get(1)), a.get(2))))
                .sequences(T.arange(T.shape(x).get(0)), T.arange(T.shape(x).get(1))).outputsInfo(0.0).build();
        double[][] xt = eye(5, 5);
        xt[0] = new double[] {0, 1, 2, 3, 4};
        assertEquals(4.0, Theano.function(List.of(x), tr.output().get(-1)).call((Object) xt).item());
    }

    @Test
    void twoTapsOfTheOutput() {
        // outputs_info=[dict(initial=X, taps=[-2, -1])], n_steps=n_sym
        Variable x = T.matrix("X");
        Variable w = T.matrix("W");
        Variable b = T.vector("b_sym");
        Variable u = T.matrix("U");
        Variable v = T.matrix("V");
        Variable n = T.iscalar("n_sym");
        ScanResult r = Scan.builder(a -> List.of(T.dot(a.get(0), u).add(T.dot(a.get(1), v)).add(T.tanh(T.dot(a.get(1), w).add(b)))))
                .outputsInfo(Scan.Output.of(x).taps(-2, -1)).nSteps(n).build();
        Function computeSeq2 = Theano.function(List.of(x, u, v, w, b, n), r.output());
        double[][] uv = {{0, 0.5}, {0.5, 0}};
        NDArray got = computeSeq2.call(new double[][] {{0, 0}, {0, 1}}, uv, filled(2, 2, 0.5), filled(2, 2, 0.5), new double[] {1, 1}, 10);
        assertRows(new double[][] {{1.40514825, 1.40514825}, {2.88898899, 2.38898899}, {4.34018291, 4.34018291},
            {6.53463142, 6.78463142}, {9.82972243, 9.82972243}, {14.22203814, 14.09703814}, {20.07439936, 20.07439936},
            {28.12291843, 28.18541843}, {39.1913681, 39.1913681}, {54.28407732, 54.25282732}}, got, 1e-8);
    }

    @Test
    void jacobianOfTanhVDotA() {
        // results = scan(lambda i: T.grad(y[i], v), sequences=[T.arange(y.shape[0])]), y = tanh(v.dot(A))
        Variable v = T.vector();
        Variable a = T.matrix();
        Variable y = T.tanh(T.dot(v, a));
        ScanResult r = Scan.builder(s -> List.of(T.grad(y.get(s.get(0)), v))).sequences(T.arange(T.shape(y).get(0))).build();
        Function computeJacT = Theano.function(List.of(a, v), r.output());
        double[][] wv = eye(5, 3);
        wv[2] = new double[] {1, 1, 1};
        assertRows(new double[][] {{0.41997434, 0, 0.41997434, 0, 0}, {0, 1, 1, 0, 0}, {0, 0, 1, 0, 0}},
                computeJacT.call(wv, eye(5, 5)[0]), PRINTED);
    }

    @Test
    void accumulatorWithUpdates() {
        // results, updates = theano.scan(lambda: {k: (k + 1)}, n_steps=n_sym)
        SharedVariable k = Theano.shared(0);
        Variable n = T.iscalar("n_sym");
        ScanResult r = Scan.builder(a -> List.of(Map.of(k, k.add(1)))).nSteps(n).build();
        Function accumulator = Theano.function(List.of(n), List.of(), Theano.options().updates(r.updates()));
        assertEquals(0, k.getValue().getLong());
        accumulator.callAll(5);
        assertEquals(5, k.getValue().getLong());
        accumulator.callAll(3);
        assertEquals(8, k.getValue().getLong());
    }

    @Test
    void binomialNoiseDrawnAtEveryStep() {
        // d = trng.binomial(size=W[1].shape); scan(lambda v: T.tanh(T.dot(v, W) + b_sym) * d, sequences=X)
        Variable x = T.matrix("X");
        Variable w = T.matrix("W");
        Variable b = T.vector("b_sym");
        RandomStreams trng = new RandomStreams(1234);
        Variable d = trng.binomial(new long[] {2}, 1, 0.5);
        ScanResult r = Scan.builder(a -> List.of(T.tanh(T.dot(a.get(0), w).add(b)).mul(d))).sequences(x).build();
        Function computeWithBnoise = Theano.function(List.of(x, w, b), r.output(), Theano.options().updates(r.updates()));
        double t1 = 0.96402758;
        double t2 = 0.76159416;
        NDArray got = computeWithBnoise.call(eye(10, 2), filled(2, 2, 1), new double[] {1, 1});
        assertRows(new double[][] {{t1, 0}, {0, t1}, {0, 0}, {t2, t2}, {t2, 0}, {0, t2}, {0, t2}, {0, t2}, {0, 0}, {t2, t2}}, got, PRINTED);
        // the updates advanced the generator: the next call draws the numbers Theano draws next
        ScanReference.assertMatches("loop_binomial_noise", "call2", computeWithBnoise.call(eye(10, 2), filled(2, 2, 1),
                new double[] {1, 1}), 1e-12);
    }

    @Test
    void powerOfA() {
        // result, updates = theano.scan(fn=inner_fct, outputs_info=T.ones_like(A), non_sequences=A, n_steps=k)
        Variable k = T.iscalar("k");
        Variable a = T.vector("A");
        ScanResult r = Scan.builder(s -> List.of(T.mul(s.get(0), s.get(1)))).outputsInfo(T.onesLike(a)).nonSequences(a).nSteps(k)
                .build();
        Function power = Theano.function(List.of(a, k), r.output().get(-1), Theano.options().updates(r.updates()));
        double[] range = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new double[] {0, 1, 4, 9, 16, 25, 36, 49, 64, 81}, power.call(range, 2).toDoubleArray());
    }

    @Test
    void polynomial() {
        // components = scan(lambda coeff, power, free_var: coeff * (free_var ** power), outputs_info=None,
        //     sequences=[coefficients, full_range], non_sequences=x); components.sum() at [1, 0, 2], 3
        Variable coefficients = T.vector("coefficients");
        Variable x = T.scalar("x");
        ScanResult r = Scan.builder(a -> List.of(T.mul(a.get(0), T.pow(a.get(2), a.get(1))))).outputsInfo((Object) null)
                .sequences(coefficients, T.arange(10000)).nonSequences(x).build();
        Function calculatePolynomial = Theano.function(List.of(coefficients, x), T.sum(r.output()));
        assertEquals(19.0, calculatePolynomial.call(new double[] {1, 0, 2}, 3).item());
    }

    @Test
    void jacobianAndHessianWithScan() {
        // J, updates = theano.scan(lambda i, y, x: T.grad(y[i], x), sequences=T.arange(y.shape[0]), non_sequences=[y, x])
        Variable x = T.dvector("x");
        Variable y = T.pow(x, 2);
        Scan.StepFunction row = a -> List.of(T.grad(a.get(1).get(a.get(0)), a.get(2)));
        Variable jac = Scan.builder(row).sequences(T.arange(T.shape(y).get(0))).nonSequences(y, x).build().output();
        assertRows(new double[][] {{8, 0}, {0, 8}}, Theano.function(List.of(x), jac).call(new double[] {4, 4}), 0);
        Variable gy = T.grad(T.sum(y), x);
        Variable hess = Scan.builder(row).sequences(T.arange(T.shape(gy).get(0))).nonSequences(gy, x).build().output();
        assertRows(new double[][] {{2, 0}, {0, 2}}, Theano.function(List.of(x), hess).call(new double[] {4, 4}), 0);
        assertRows(new double[][] {{2, 0, 0}, {0, -4, 0}, {0, 0, 6}}, Theano.function(List.of(x), jac).call(new double[] {1, -2, 3}), 0);
    }
}
