package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.FunctionOptions;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * complex64/complex128 elementwise ops, reductions and mixed-dtype promotion against numpy's
 * results (tests/scripts/complex_reference.py), on the reference backend and on the default one.
 */
class ComplexOpsTest {
    /** float64 parts: within 1e-15 of |want| (a few ulps); float32 parts: float32's tolerance. */
    private static final double DOUBLE_RTOL = 1e-15;
    private static final double SINGLE_RTOL = 1e-6;

    private static final Map<String, Variable> VARS = new LinkedHashMap<>();

    static {
        VARS.put("a", T.zmatrix("a"));
        VARS.put("b", T.zvector("b"));
        VARS.put("c", T.cmatrix("c"));
        VARS.put("d", T.cvector("d"));
        VARS.put("x", T.dmatrix("x"));
        VARS.put("y", T.dmatrix("y"));
        VARS.put("f", T.fvector("f"));
        VARS.put("g", T.fvector("g"));
        VARS.put("i", T.ivector("i"));
        VARS.put("w", T.wvector("w"));
        VARS.put("u", T.vector("u", DType.UINT8));
    }

    private static Variable v(String name) {
        return VARS.get(name);
    }

    private static final Map<String, Function<Void, Variable>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("add_ab", n -> T.add(v("a"), v("b")));
        CASES.put("sub_ab", n -> T.sub(v("a"), v("b")));
        CASES.put("mul_ab", n -> T.mul(v("a"), v("b")));
        CASES.put("div_ab", n -> T.div(v("a"), v("b")));
        CASES.put("div_ba", n -> T.div(v("b"), v("a")));
        CASES.put("neg_a", n -> T.neg(v("a")));
        CASES.put("exp_a", n -> T.exp(v("a")));
        CASES.put("log_a", n -> T.log(v("a")));
        CASES.put("sqrt_a", n -> T.sqrt(v("a")));
        CASES.put("abs_a", n -> T.abs(v("a")));
        CASES.put("angle_a", n -> T.angle(v("a")));
        CASES.put("conj_a", n -> T.conj(v("a")));
        CASES.put("real_a", n -> T.real(v("a")));
        CASES.put("imag_a", n -> T.imag(v("a")));
        CASES.put("complex_xy", n -> T.complex(v("x"), v("y")));
        CASES.put("complex_fg", n -> T.complex(v("f"), v("g")));
        CASES.put("complex_xf", n -> T.complex(v("x"), v("f")));
        CASES.put("sum_a", n -> T.sum(v("a")));
        CASES.put("sum_a0", n -> T.sum(v("a"), 0));
        CASES.put("sum_a1", n -> T.sum(v("a"), 1));
        CASES.put("prod_a", n -> T.prod(v("a")));
        CASES.put("prod_a1", n -> T.prod(v("a"), 1));
        CASES.put("mean_a0", n -> T.mean(v("a"), 0));
        CASES.put("add_cd", n -> T.add(v("c"), v("d")));
        CASES.put("mul_cd", n -> T.mul(v("c"), v("d")));
        CASES.put("div_cd", n -> T.div(v("c"), v("d")));
        CASES.put("exp_c", n -> T.exp(v("c")));
        CASES.put("log_c", n -> T.log(v("c")));
        CASES.put("sqrt_c", n -> T.sqrt(v("c")));
        CASES.put("abs_c", n -> T.abs(v("c")));
        CASES.put("angle_c", n -> T.angle(v("c")));
        CASES.put("sum_c1", n -> T.sum(v("c"), 1));
        CASES.put("add_cf", n -> T.add(v("c"), v("f")));
        CASES.put("mul_cx", n -> T.mul(v("c"), v("x")));
        CASES.put("add_ci", n -> T.add(v("c"), v("i")));
        CASES.put("mul_cw", n -> T.mul(v("c"), v("w")));
        CASES.put("div_cu", n -> T.div(v("c"), v("u")));
        CASES.put("sub_ai", n -> T.sub(v("a"), v("i")));
        CASES.put("div_fc", n -> T.div(v("f"), v("c")));
        CASES.put("mul_c_weak", n -> T.mul(v("c"), 2.5));
        CASES.put("add_a_weak", n -> T.add(v("a"), 1));
    }

    /** One line of the reference file. */
    record Entry(String name, DType dtype, long[] shape, double[] reIm) {
        NDArray array() {
            if (dtype.isComplex()) {
                return NDArray.ofComplex(dtype, reIm, shape);
            }
            double[] re = new double[reIm.length / 2];
            for (int k = 0; k < re.length; k++) {
                re[k] = reIm[2 * k];
            }
            return NDArray.of(re).astype(dtype).reshape(shape);
        }
    }

    static List<Entry> reference() throws IOException, URISyntaxException {
        Path p = Path.of(ComplexOpsTest.class.getResource("/complex/reference.txt").toURI());
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long[] shape = f[2].isEmpty() ? new long[0] : Stream.of(f[2].split(",")).mapToLong(Long::parseLong).toArray();
            String[] values = f[3].isEmpty() ? new String[0] : f[3].split(" ");
            double[] reIm = new double[2 * values.length];
            for (int k = 0; k < values.length; k++) {
                String[] parts = values[k].split(",");
                reIm[2 * k] = Double.parseDouble(parts[0]);
                reIm[2 * k + 1] = parts.length > 1 ? Double.parseDouble(parts[1]) : 0;
            }
            out.add(new Entry(f[0], DType.of(f[1]), shape, reIm));
        }
        return out;
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        List<Arguments> args = new ArrayList<>();
        for (Entry e : reference()) {
            if (!e.name().startsWith("in:")) {
                args.add(Arguments.of(e.name() + " reference", e, Theano.options().device("reference")));
                args.add(Arguments.of(e.name() + " default", e, Theano.options()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumpy(String label, Entry want, FunctionOptions options) throws IOException, URISyntaxException {
        Function<Void, Variable> build = CASES.get(want.name());
        assertTrue(build != null, "no Java case for " + want.name());
        Variable out = build.apply(null);
        assertEquals(want.dtype(), out.dtype(), label + " dtype");
        Map<String, NDArray> inputs = new LinkedHashMap<>();
        for (Entry e : reference()) {
            if (e.name().startsWith("in:")) {
                inputs.put(e.name().substring(3), e.array());
            }
        }
        List<Variable> used = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Variable> in : VARS.entrySet()) {
            if (org.theano4j.graph.Graphs.dependsOn(out, in.getValue())) {
                used.add(in.getValue());
                args.add(inputs.get(in.getKey()));
            }
        }
        NDArray got = Theano.function(used, out, options).call(args.toArray());
        assertEquals(want.dtype(), got.dtype(), label);
        assertArrayEquals(want.shape(), got.shape(), label);
        assertClose(label, want, got.toComplexArray());
    }

    private static void assertClose(String label, Entry want, double[] got) {
        boolean single = want.dtype() == DType.COMPLEX64 || want.dtype() == DType.FLOAT32;
        double rtol = single ? SINGLE_RTOL : DOUBLE_RTOL;
        double[] w = want.reIm();
        for (int k = 0; k < w.length; k += 2) {
            double modulus = Math.hypot(w[k], w[k + 1]);
            double err = Math.hypot(got[k] - w[k], got[k + 1] - w[k + 1]);
            boolean same = Double.compare(got[k], w[k]) == 0 && Double.compare(got[k + 1], w[k + 1]) == 0;
            if (!same && !(err <= rtol * modulus)) {
                fail(label + " element " + k / 2 + ": want " + w[k] + (w[k + 1] >= 0 ? "+" : "") + w[k + 1] + "j, got "
                        + got[k] + (got[k + 1] >= 0 ? "+" : "") + got[k + 1] + "j (error " + err / modulus + " relative)");
            }
        }
    }
}
