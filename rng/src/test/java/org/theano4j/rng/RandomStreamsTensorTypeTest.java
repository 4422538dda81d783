package org.theano4j.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;

/**
 * The sample types (dtype, broadcastable pattern) of tensor-parameter draws, against Theano 1.0.5
 * ({@code theano-reference/randomstreams_tensor_types.txt}, the BCAST lines of
 * {@code rng/scripts/randomstreams_tensor_theano_check.py}).
 */
class RandomStreamsTensorTypeTest {
    private static final Map<String, String> REF = reference();

    private static Map<String, String> reference() {
        try (InputStream in = RandomStreamsTensorTypeTest.class.getResourceAsStream("/theano-reference/randomstreams_tensor_types.txt")) {
            Map<String, String> m = new HashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .forEach(l -> m.put(l.split(" ", 3)[1], l.split(" ", 3)[2]));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertType(String name, Variable sample) {
        TensorType t = (TensorType) sample.type();
        StringBuilder flags = new StringBuilder();
        for (boolean b : t.broadcastable()) {
            flags.append(flags.isEmpty() ? "" : ", ").append(b ? 1 : 0);
        }
        String tuple = t.ndim() == 1 ? "(" + flags + ",)" : "(" + flags + ")";
        assertEquals(REF.get(name), t.dtype().numpyName() + " " + tuple, name);
    }

    @Test
    void broadcastablePatternsFollowTheano() {
        RandomStreams s = new RandomStreams(0);
        Variable row = T.row("r");
        Variable col = T.col("c");
        Variable m = T.matrix("m");
        assertType("uniform_size_1_3", s.uniform(List.of(1, 3), 0.0, 1.0, null));
        assertType("uniform_row_col_no_size", s.uniform(null, row, col, null));
        assertType("normal_row_no_size", s.normal(null, row, 1.0, null));
        assertType("binomial_size_1_3", s.binomial(new long[] {1, 3}, 1, 0.5, null));
        assertType("binomial_p_row_no_size", s.binomial(null, 1, row, null));
        assertType("random_integers_size_1_m0", s.randomIntegers(List.of(1, T.shape(m).get(0)), 0, 3, null));
        assertType("multinomial_size_1_auto", s.multinomial(List.of(1, -1), 1, m, null));
        assertType("multinomial_row_pvals", s.multinomial(null, 1, row, null));
        assertType("multinomial_col_pvals_auto", s.multinomial(List.of(-1), 1, col, null));
        assertType("uniform_size_shape", s.uniform(T.shape(m), 0.0, 1.0, null));
        assertEquals(10, REF.size());
    }
}
