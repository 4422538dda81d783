package org.theano4j.e2e.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The values Theano 1.0.5 computed for the scan tests ({@code scan/theano-1.0.5.txt}, written by
 * tests/scripts/scan_reference.py; its docstring gives the format): inputs ({@code in.*}),
 * results and expected error types, by case and name.
 */
public final class ScanReference {
    private static final Map<String, String> LINES = load();

    private ScanReference() {
    }

    private static Map<String, String> load() {
        InputStream in = ScanReference.class.getClassLoader().getResourceAsStream("scan/theano-1.0.5.txt");
        if (in == null) {
            throw new IllegalStateException("scan/theano-1.0.5.txt is missing: run tests/scripts/scan_reference.py");
        }
        Map<String, String> lines = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] head = line.split(" ", 3);
                    lines.put(head[0] + " " + head[1], head[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String line(String scanCase, String name) {
        String line = LINES.get(scanCase + " " + name);
        assertNotNull(line, "no Theano reference for " + scanCase + " " + name + ": rerun tests/scripts/scan_reference.py");
        return line;
    }

    /** The array {@code name} of {@code scanCase}. */
    public static NDArray array(String scanCase, String name) {
        String[] parts = line(scanCase, name).split(" ", 3);
        DType dtype = DType.of(parts[0]);
        long[] shape = parts[1].equals("-") ? new long[0] : Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray();
        String[] values = parts.length > 2 ? parts[2].trim().split(" ") : new String[0];
        NDArray a = NDArray.zeros(dtype, shape);
        assertEquals(a.size(), values.length == 1 && values[0].isEmpty() ? 0 : values.length, scanCase + " " + name + ": size");
        for (int i = 0; i < a.size(); i++) {
            if (dtype.isFloat()) {
                a.setFlat(i, Double.parseDouble(values[i]));
            } else {
                a.setFlatLong(i, Long.parseLong(values[i]));
            }
        }
        return a;
    }

    /** Input {@code name} of {@code scanCase} (stored as {@code in.name}). */
    public static NDArray input(String scanCase, String name) {
        return array(scanCase, "in." + name);
    }

    /** The Python exception type Theano raised for {@code name} of {@code scanCase}. */
    public static String error(String scanCase, String name) {
        String[] parts = line(scanCase, name).split(" ", 2);
        assertEquals("error", parts[0], scanCase + " " + name + " is not an error entry");
        return parts[1];
    }

    /** Asserts that {@code got} has Theano's shape and values (relative and absolute tolerance {@code tol}). */
    public static void assertMatches(String scanCase, String name, NDArray got, double tol) {
        NDArray want = array(scanCase, name);
        String where = scanCase + " " + name;
        assertArrayEquals(want.shape(), got.shape(), where + ": shape");
        double[] w = want.toDoubleArray();
        double[] g = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            assertTrue(Math.abs(w[i] - g[i]) <= tol * (1 + Math.abs(w[i])), where + " [" + i + "]: Theano " + w[i] + ", got " + g[i]);
        }
    }
}
