package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.FunctionOptions;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.e2e.parity.ParityExpressions;
import org.theano4j.e2e.parity.ParityTable;
import org.theano4j.op.Operands;
import org.theano4j.tensor.NDArray;

/**
 * Differential gradient check against Theano 1.0.5: every expression of grad-parity/cases.txt,
 * built with {@link T}, differentiated with {@link T#grad} with respect to each float input it
 * names, must give Theano's value and gradients (grad-parity/theano-1.0.5.txt, from
 * tests/scripts/grad_parity.py) to rel 1e-12 / abs 1e-14, with NaN and infinities at exactly the
 * same positions. It runs compiled in FAST_RUN on the CPU backend, in FAST_RUN on the reference
 * backend (no kernels: tells graph bugs from kernel bugs), and in FAST_COMPILE, which may also
 * give Theano's FAST_COMPILE result where Theano's two modes differ (forward values that only
 * FAST_RUN stabilizes).
 */
class TheanoGradParityTest {
    private static final ParityTable TABLE = ParityTable.load();
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-14;

    /** How a case is compiled. */
    enum Setup {
        FAST_RUN(Theano.options()),
        REFERENCE_BACKEND(Theano.options().device("reference")),
        FAST_COMPILE(Theano.options().mode("FAST_COMPILE"));

        final FunctionOptions options;

        Setup(FunctionOptions options) {
            this.options = options;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Setup setup : Setup.values()) {
            for (String c : TABLE.cases()) {
                args.add(Arguments.of(setup, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void valueAndGradientsMatchTheano(Setup setup, String expression) {
        ParityTable.Reference ref = TABLE.reference().get(expression);
        assertNotNull(ref, "no Theano reference for " + expression + ": rerun tests/scripts/grad_parity.py");
        Object tree = ParityExpressions.parse(expression);
        Map<String, Variable> env = new LinkedHashMap<>();
        for (String name : ParityExpressions.names(tree, TABLE.inputs().keySet())) {
            ParityTable.Input in = TABLE.inputs().get(name);
            env.put(name, T.tensor(in.value().dtype(), in.broadcastable(), name));
        }
        Variable cost = Operands.of(ParityExpressions.build(tree, env));
        List<String> wrt = env.keySet().stream().filter(n -> env.get(n).dtype().isFloat()).toList();
        List<Variable> outputs = new ArrayList<>(List.of(cost));
        outputs.addAll(T.grad(cost, wrt.stream().map(env::get).toList()));
        Object[] args = env.keySet().stream().map(n -> TABLE.inputs().get(n).value()).toArray();
        List<NDArray> got = Theano.function(List.copyOf(env.values()), outputs, setup.options).callAll(args);
        String where = setup + " " + expression + ": ";
        assertArrayEquals(ref.grads().keySet().toArray(), wrt.toArray(), where + "gradient inputs");
        check(where + "value", setup, ref.value(), ref.fastCompile().get("value"), got.get(0));
        for (int i = 0; i < wrt.size(); i++) {
            String w = wrt.get(i);
            check(where + "grad " + w, setup, ref.grads().get(w), ref.fastCompile().get(w), got.get(i + 1));
        }
    }

    /** FAST_RUN's result, or in FAST_COMPILE Theano's FAST_COMPILE result where there is one. */
    private static void check(String what, Setup setup, NDArray fastRun, NDArray fastCompile, NDArray actual) {
        List<String> bad = mismatches(fastRun, actual);
        if (!bad.isEmpty() && setup == Setup.FAST_COMPILE && fastCompile != null && mismatches(fastCompile, actual).isEmpty()) {
            return;
        }
        assertTrue(bad.isEmpty(), what + " differs at " + bad.size() + " of " + fastRun.size() + " elements: " + bad);
    }

    /** Shape and elements: within tolerance, NaN where Theano has NaN, the same infinities. */
    static List<String> mismatches(NDArray expected, NDArray actual) {
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return List.of("shape " + Arrays.toString(actual.shape()) + ", theano "
                    + Arrays.toString(expected.shape()));
        }
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if (!close(e[i], a[i])) {
                bad.add("[" + i + "] theano " + e[i] + " ours " + a[i]);
            }
        }
        return bad;
    }

    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return Double.compare(expected, actual) == 0 || (Double.isNaN(expected) && Double.isNaN(actual));
        }
        return Math.abs(expected - actual) <= ATOL + RTOL * Math.abs(expected);
    }
}
