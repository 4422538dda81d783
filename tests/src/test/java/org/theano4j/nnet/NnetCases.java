package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.ConvOptions;
import org.theano4j.FunctionOptions;
import org.theano4j.Theano;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.io.Npz;

/**
 * The Theano 1.0.5 reference cases of {@code tests/resources/nnet} (written by
 * {@code tests/scripts/nnet_reference.py}): {@code cases.txt} names each case with its dtype and
 * parameters, {@code <family>.npz} holds its inputs and Theano's results as {@code <case>.<name>}.
 */
final class NnetCases {
    private static final Map<String, Map<String, NDArray>> ARRAYS = new HashMap<>();

    private NnetCases() {
    }

    /** How a case is compiled: the CPU backend in FAST_RUN, or the reference backend (no kernels). */
    enum Setup {
        CPU(Theano.options()),
        REFERENCE(Theano.options().device("reference"));

        final FunctionOptions options;

        Setup(FunctionOptions options) {
            this.options = options;
        }
    }

    /** One reference case. */
    record Case(String family, String name, DType dtype, Map<String, String> params) {
        /** Array {@code key} of this case. */
        NDArray get(String key) {
            NDArray a = arrays(family).get(name + "." + key);
            if (a == null) {
                throw new IllegalStateException("no array " + name + "." + key + " in " + family + ".npz");
            }
            return a;
        }

        int[] ints(String key) {
            String[] parts = params.get(key).split(",");
            int[] v = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Integer.parseInt(parts[i]);
            }
            return v;
        }

        String param(String key) {
            return params.get(key);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case of {@code family}, in file order. */
    static List<Case> of(String family) {
        List<Case> cases = new ArrayList<>();
        for (String line : lines()) {
            String[] f = line.trim().split(" ");
            if (line.startsWith("#") || line.isBlank() || !f[0].equals(family)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 3; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                params.put(f[i].substring(0, eq), f[i].substring(eq + 1));
            }
            cases.add(new Case(f[0], f[1], DType.of(f[2]), params));
        }
        return cases;
    }

    /** Theano's {@code conv2d} keywords of a conv case. */
    static ConvOptions convOptions(Case c) {
        String border = c.param("border");
        ConvOptions o = ConvOptions.defaults();
        if (border.matches("[a-z]+")) {
            o = o.borderMode(border);
        } else {
            int[] p = c.ints("border");
            o = p.length == 1 ? o.borderMode(p[0]) : o.borderMode(p[0], p[1]);
        }
        int[] s = c.ints("subsample");
        int[] d = c.ints("dilation");
        return o.subsample(s[0], s[1]).filterDilation(d[0], d[1]).filterFlip(c.param("flip").equals("1"));
    }

    /**
     * {@code got} equals Theano's {@code expected} (same shape and dtype): float64 to 1e-12 relative
     * (and 1e-12 of the array's largest magnitude), float32 to 1e-5 (the sums run in another order
     * than Theano's float32 ones).
     */
    static void assertClose(String where, NDArray expected, NDArray got) {
        assertArrayEquals(expected.shape(), got.shape(), where + ": shape");
        assertTrue(got.dtype() == expected.dtype(), where + ": dtype " + got.dtype() + ", Theano's " + expected.dtype());
        double tol = expected.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12;
        double[] e = expected.toDoubleArray();
        double[] g = got.toDoubleArray();
        double max = 0;
        for (double v : e) {
            max = Math.max(max, Math.abs(v));
        }
        double scale = max;
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs(g[i] - e[i]);
            int at = i;
            assertTrue(err <= tol * Math.abs(e[i]) + tol * scale,
                    () -> where + ": element " + at + " is " + g[at] + ", Theano's " + e[at] + " (array scale " + scale + ")");
        }
    }

    private static synchronized Map<String, NDArray> arrays(String family) {
        return ARRAYS.computeIfAbsent(family, f -> Npz.load(resources().resolve(f + ".npz")));
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(resources().resolve("cases.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resources() {
        try {
            return Path.of(NnetCases.class.getResource("/nnet/cases.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
