package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** NDArray.toString against numpy's repr (table in the generated {@link ReprCases}). */
class ReprTest {
    /** One table row. */
    record Case(int id, NDArray array, String expected) {
        @Override
        public String toString() {
            return "case " + id + ": " + expected.lines().findFirst().orElse("");
        }
    }

    static Case row(int id, NDArray array, String expected) {
        return new Case(id, array, expected);
    }

    /** 0, 1, ..., n-1 as an array of dtype. */
    static NDArray range(long n, DType dtype) {
        NDArray a = NDArray.empty(dtype, n);
        for (long i = 0; i < n; i++) {
            a.setFlat(i, i);
        }
        return a;
    }

    /** Elementwise a / d in the array's dtype (float32 divides in single precision). */
    static NDArray div(NDArray a, double d) {
        NDArray out = a.copy();
        for (long i = 0; i < a.size(); i++) {
            double v = a.getFlat(i);
            out.setFlat(i, a.dtype() == DType.FLOAT32 ? (float) v / (float) d : v / d);
        }
        return out;
    }

    static Stream<Case> cases() {
        return ReprCases.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesNumpy(Case c) {
        assertEquals(c.expected(), c.array().toString());
    }
}
