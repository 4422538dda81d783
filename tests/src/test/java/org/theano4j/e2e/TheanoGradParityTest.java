package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
 * names, compiled in FAST_RUN and FAST_COMPILE, must give Theano's value and gradients
 * (grad-parity/theano-1.0.5.txt, from tests/scripts/grad_parity.py) to rel 1e-12 / abs 1e-14,
 * with NaN and infinities at exactly the same positions.
 */
class TheanoGradParityTest {
    private static final ParityTable TABLE = ParityTable.load();
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-14;

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (String mode : List.of("FAST_RUN", "FAST_COMPILE")) {
            for (String c : TABLE.cases()) {
                args.add(Arguments.of(mode, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void valueAndGradientsMatchTheano(String mode, String expression) {
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
        FunctionOptions options = Theano.options().mode(mode);
        Object[] args = env.keySet().stream().map(n -> TABLE.inputs().get(n).value()).toArray();
        List<NDArray> got = Theano.function(List.copyOf(env.values()), outputs, options).callAll(args);
        String where = mode + " " + expression + ": ";
        assertClose(where + "value", ref.value(), got.get(0));
        assertArrayEquals(ref.grads().keySet().toArray(), wrt.toArray(), where + "gradient inputs");
        for (int i = 0; i < wrt.size(); i++) {
            assertClose(where + "grad " + wrt.get(i), ref.grads().get(wrt.get(i)), got.get(i + 1));
        }
    }

    /** Same shape; each element within tolerance, NaN where Theano has NaN, the same infinities. */
    static void assertClose(String what, NDArray expected, NDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if (!close(e[i], a[i])) {
                bad.add("[" + i + "] theano " + e[i] + " ours " + a[i]);
            }
        }
        assertTrue(bad.isEmpty(), what + " differs at " + bad.size() + " of " + e.length + " elements: " + bad);
    }

    static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return Double.compare(expected, actual) == 0 || (Double.isNaN(expected) && Double.isNaN(actual));
        }
        return Math.abs(expected - actual) <= ATOL + RTOL * Math.abs(expected);
    }
}
