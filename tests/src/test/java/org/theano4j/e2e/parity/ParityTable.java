package org.theano4j.e2e.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The gradient parity table: the inputs and expressions of {@code grad-parity/cases.txt} (the
 * format is described at its top; tests/scripts/grad_parity.py reads the same file) and the
 * values Theano computed for them ({@code grad-parity/theano-1.0.5.txt}).
 *
 * @param inputs the declared inputs by name
 * @param cases the expressions, in file order
 * @param reference Theano's value and gradients per expression text
 */
public record ParityTable(Map<String, Input> inputs, List<String> cases, Map<String, Reference> reference) {

    /** A declared input: its value and which axes are broadcastable. */
    public record Input(String name, NDArray value, boolean[] broadcastable) {
    }

    /**
     * Theano's results for one expression in FAST_RUN: the value and the gradient for each float
     * input; and FAST_COMPILE's results ({@code "value"} or an input name) where they differ.
     */
    public record Reference(NDArray value, Map<String, NDArray> grads, Map<String, NDArray> fastCompile) {
    }

    private static final Pattern INPUT = Pattern.compile("(\\w+)\\s*=\\s*(\\w+)\\[([^\\]]*)\\]\\s*:(.*)");
    private static final Pattern ARRAY = Pattern.compile("\\[([^\\]]*)\\]:(.*)");

    /** Reads the table from the test resources. */
    public static ParityTable load() {
        Map<String, Input> inputs = new LinkedHashMap<>();
        List<String> cases = new ArrayList<>();
        for (String line : lines("grad-parity/cases.txt")) {
            if (line.startsWith("(")) {
                cases.add(line);
            } else {
                Input in = parseInput(line);
                inputs.put(in.name(), in);
            }
        }
        return new ParityTable(inputs, cases, readReference(lines("grad-parity/theano-1.0.5.txt")));
    }

    private static Input parseInput(String line) {
        Matcher m = INPUT.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad input line: " + line);
        }
        String[] dims = m.group(3).isBlank() ? new String[0] : m.group(3).split(",");
        long[] shape = new long[dims.length];
        boolean[] bc = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            String d = dims[i].strip();
            bc[i] = d.endsWith("b");
            shape[i] = Long.parseLong(bc[i] ? d.substring(0, d.length() - 1) : d);
        }
        return new Input(m.group(1), array(DType.of(m.group(2)), shape, m.group(4)), bc);
    }

    /** Lines {@code case E}, {@code value A}, {@code grad x A}, {@code fast_compile value A}, {@code fast_compile grad x A}. */
    private static Map<String, Reference> readReference(List<String> lines) {
        Map<String, Reference> refs = new LinkedHashMap<>();
        Reference current = null;
        for (String line : lines) {
            boolean fastCompile = line.startsWith("fast_compile ");
            String[] head = (fastCompile ? line.substring("fast_compile ".length()) : line).split(" ", 2);
            if (head[0].equals("case")) {
                current = new Reference(null, new LinkedHashMap<>(), new LinkedHashMap<>());
                refs.put(head[1], current);
                continue;
            }
            if (current == null || !(head[0].equals("value") || head[0].equals("grad"))) {
                throw new IllegalArgumentException("bad reference line: " + line);
            }
            String[] nameAndArray = head[0].equals("value") ? new String[] {"value", head[1]} : head[1].split(" ", 2);
            // FAST_RUN's value is read into the grads map under "value" and taken out at the end
            Map<String, NDArray> target = fastCompile ? current.fastCompile() : current.grads();
            target.put(nameAndArray[0], parseArray(nameAndArray[1]));
        }
        refs.replaceAll((k, r) -> new Reference(r.grads().remove("value"), r.grads(), r.fastCompile()));
        return refs;
    }

    private static NDArray parseArray(String text) {
        Matcher m = ARRAY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad array: " + text);
        }
        long[] shape = m.group(1).isBlank() ? new long[0]
                : java.util.Arrays.stream(m.group(1).split(",")).mapToLong(d -> Long.parseLong(d.strip())).toArray();
        return array(DType.FLOAT64, shape, m.group(2));
    }

    private static NDArray array(DType dtype, long[] shape, String values) {
        String[] tokens = values.strip().isEmpty() ? new String[0] : values.strip().split("\\s+");
        NDArray a = NDArray.zeros(dtype, shape);
        if (tokens.length != a.size()) {
            throw new IllegalArgumentException(tokens.length + " values for shape " + java.util.Arrays.toString(shape));
        }
        for (int i = 0; i < tokens.length; i++) {
            a.setFlat(i, parseDouble(tokens[i]));
        }
        return a;
    }

    /** Python's float repr: also {@code nan}, {@code inf}, {@code -inf}. */
    static double parseDouble(String token) {
        return switch (token) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(token);
        };
    }

    /** The non-blank lines of a resource, stripped, without comment lines. */
    private static List<String> lines(String resource) {
        try (InputStream in = ParityTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
