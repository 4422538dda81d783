package org.theano4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * Forward values of the non-elementwise ops against numpy (the table in the generated
 * {@link OpCases}): every op is run through its reference {@code evaluate}, on awkward shapes and
 * on transposed, strided and reversed views.
 */
class OpEvaluationTest {

    /** One input: generated values (kind 'v' or 'p') in a layout, or literal values. */
    record Input(char kind, DType dtype, long[] shape, char layout, double[] literal) {
        NDArray array() {
            if (literal != null) {
                NDArray a = NDArray.empty(dtype, shape);
                for (int i = 0; i < literal.length; i++) {
                    a.setFlat(i, literal[i]);
                }
                return a;
            }
            int n = shape.length;
            return switch (layout) {
                case 't' -> base(reversed(shape)).transpose();
                case 's' -> {
                    long[] s = shape.clone();
                    s[n - 1] *= 2;
                    yield base(s).slice(n - 1, 0, s[n - 1], 2);
                }
                case 'r' -> base(shape).slice(n - 1, shape[n - 1] - 1, -1, -1);
                default -> base(shape);
            };
        }

        private NDArray base(long[] s) {
            NDArray a = NDArray.empty(dtype, s);
            for (long i = 0; i < a.size(); i++) {
                a.setFlat(i, value(i));
            }
            return a;
        }

        private double value(long i) {
            long m = (i * 7) % 11;
            if (kind == 'p') {
                return (m + 1) / 13.0;
            }
            return switch (dtype.kind()) {
                case 'f' -> (m - 5) * 0.25 + (i % 3) * 0.125;
                case 'u' -> m;
                case 'b' -> m % 3 == 0 ? 1 : 0;
                default -> m - 5;
            };
        }

        private static long[] reversed(long[] s) {
            long[] r = new long[s.length];
            for (int i = 0; i < s.length; i++) {
                r[i] = s[s.length - 1 - i];
            }
            return r;
        }

        Variable variable(int k) {
            boolean[] bc = new boolean[shape.length];
            for (int i = 0; i < bc.length; i++) {
                bc[i] = shape[i] == 1;
            }
            return T.tensor(dtype, bc, "v" + k);
        }
    }

    /** One table row. */
    record Case(String name, Function<Variable[], Variable> build, List<Input> inputs, DType dtype, long[] shape,
                double[] values) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Function<Variable[], Variable> build, List<Input> inputs, String dtype, long[] shape,
                  double[] values) {
        return new Case(name, build, inputs, DType.of(dtype), shape, values);
    }

    static Input gen(char kind, String dtype, long[] shape, char layout) {
        return new Input(kind, DType.of(dtype), shape, layout, null);
    }

    static Input lit(String dtype, long[] shape, double[] values) {
        return new Input('l', DType.of(dtype), shape, 'c', values);
    }

    static Stream<Case> cases() {
        return OpCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpy(Case c) {
        Variable[] vars = new Variable[c.inputs().size()];
        Map<Variable, NDArray> values = new HashMap<>();
        for (int k = 0; k < vars.length; k++) {
            vars[k] = c.inputs().get(k).variable(k);
            values.put(vars[k], c.inputs().get(k).array());
        }
        Variable out = c.build().apply(vars);
        assertEquals(c.dtype(), out.dtype(), "symbolic dtype");
        assertEquals(c.shape().length, out.ndim(), "symbolic ndim");
        NDArray r = GraphEval.eval(out, values);
        assertEquals(c.dtype(), r.dtype(), "dtype");
        assertArrayEquals(c.shape(), r.shape(), () -> "shape " + Shapes.toString(r.shape()));
        assertClose(c.values(), r.toDoubleArray(), c.dtype());
    }

    static void assertClose(double[] expected, double[] actual, DType dtype) {
        assertEquals(expected.length, actual.length, "size");
        double rtol = dtype == DType.FLOAT32 ? 1e-6 : 1e-12;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean ok = dtype.isFloat() ? (e != e && a != a) || e == a || Math.abs(e - a) <= rtol * (1 + Math.abs(e))
                    : e == a;
            int at = i;
            assertTrue(ok, () -> "element " + at + ": expected " + e + " but got " + a);
        }
    }
}
