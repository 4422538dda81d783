package org.theano4j.rng;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code numpy-reference/randomstate.txt}, written by {@code rng/scripts/numpy_reference.py}:
 * one {@code name|seed|values} line per case.
 */
final class NumpyReference {
    /** One reference case: the seed and the value tokens (call results, then 3 random_sample()). */
    record Entry(long seed, String[] tokens) {
        int callLength() {
            return tokens.length - 3;
        }

        double[] trailingSamples() {
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                out[i] = Double.parseDouble(tokens[callLength() + i]);
            }
            return out;
        }
    }

    private static final Map<String, Entry> ENTRIES = load("/numpy-reference/randomstate.txt");

    private NumpyReference() {
    }

    static Entry get(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no numpy reference case " + name);
        }
        return e;
    }

    private static Map<String, Entry> load(String resource) {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (var in = NumpyReference.class.getResourceAsStream(resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split("\\|", 3);
                out.put(parts[0], new Entry(Long.parseLong(parts[1]), parts[2].trim().split(" ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
