package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * numpy's {@code str(a)} (what {@code print(a)} shows). Expected strings from numpy 2.4.6:
 * {@code str(np.array(value, dtype=dtype))}.
 */
class StrTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(NDArray.of(new double[] {68.0}), "[68.]"),
                Arguments.of(NDArray.of(0.1), "0.1"),
                Arguments.of(NDArray.of(1e-5), "1e-05"),
                Arguments.of(NDArray.of(1.5e16), "1.5e+16"),
                Arguments.of(NDArray.of(123456789.0), "123456789.0"),
                Arguments.of(NDArray.of(-0.00012), "-0.00012"),
                Arguments.of(NDArray.of(3.0e-4), "0.0003"),
                Arguments.of(NDArray.of(0L), "0"),
                Arguments.of(NDArray.of(301L), "301"),
                Arguments.of(NDArray.of(true), "True"),
                Arguments.of(NDArray.of(0.1f), "0.1"),
                Arguments.of(NDArray.of(new double[] {0.5, 0.73105858, 1}), "[0.5        0.73105858 1.        ]"),
                Arguments.of(NDArray.of(new double[][] {{1, 2}, {3, 4}}), "[[1. 2.]\n [3. 4.]]"),
                Arguments.of(NDArray.of(new long[][] {{1, -2}, {3, 4}}), "[[ 1 -2]\n [ 3  4]]"),
                Arguments.of(NDArray.of(new boolean[] {true, false}), "[ True False]"),
                Arguments.of(NDArray.of(new double[] {1e-10, 1}), "[1.e-10 1.e+00]"),
                Arguments.of(NDArray.of(Double.NaN), "nan"),
                Arguments.of(NDArray.of(Math.pow(2, 60)), "1.152921504606847e+18"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void strMatchesNumpy(NDArray a, String expected) {
        assertEquals(expected, a.str());
    }
}
