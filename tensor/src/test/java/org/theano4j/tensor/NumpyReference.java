package org.theano4j.tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lines of a case file under {@code numpy-reference/}, written by {@code tensor/scripts/numpy_lengths_reference.py}. */
final class NumpyReference {
    private NumpyReference() {
    }

    static List<String> lines(String file) {
        try (InputStream in = NumpyReference.class.getResourceAsStream("/numpy-reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource numpy-reference/" + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number, or null for Python's {@code None}. */
    static Long parse(String s) {
        return s.equals("None") ? null : Long.valueOf(s);
    }
}
