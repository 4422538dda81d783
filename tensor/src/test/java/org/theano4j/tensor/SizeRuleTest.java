package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * numpy's size rule (the lengths, a zero counting as one, times the item size must fit a signed
 * 64-bit integer) over shapes of huge and zero lengths: which arrays numpy accepts (sizes.txt,
 * written by numpy) is exactly which ones a broadcast view or an allocation here accepts.
 */
class SizeRuleTest {
    /** One line of sizes.txt: {@code dtype d0,d1,...|ok size} or {@code dtype shape|error message}. */
    record Case(DType dtype, long[] shape, boolean ok, long size, String message) {
        static Case parse(String line) {
            String[] io = line.split("\\|");
            String[] in = io[0].split(" ", -1);
            long[] shape = in[1].isEmpty() ? new long[0] : Arrays.stream(in[1].split(",")).mapToLong(Long::parseLong).toArray();
            boolean ok = io[1].startsWith("ok ");
            return new Case(DType.of(in[0]), shape, ok, ok ? Long.parseLong(io[1].substring(3)) : -1,
                    ok ? null : io[1].substring("error ".length()));
        }

        @Override
        public String toString() {
            return dtype.numpyName() + " " + Shapes.toString(shape);
        }
    }

    static Stream<Case> cases() {
        return NumpyReference.lines("sizes.txt").stream().map(Case::parse);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void viewsAndAllocationsFollowNumpy(Case c) {
        NDArray scalar = NDArray.zeros(c.dtype);
        if (c.ok) {
            NDArray v = scalar.broadcastTo(c.shape);
            assertEquals(c.size, v.size());
            assertEquals(c.size, Shapes.size(c.shape));
            assertEquals(c.size * c.dtype.byteSize(), Shapes.checkByteSize(c.shape, c.dtype));
            if (c.size <= 4096) {
                assertEquals(c.size, NDArray.zeros(c.dtype, c.shape).size());
            }
            return;
        }
        IllegalArgumentException view = assertThrows(IllegalArgumentException.class, () -> scalar.broadcastTo(c.shape));
        assertTrue(view.getMessage().startsWith(c.message), view.getMessage());
        IllegalArgumentException alloc = assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(c.dtype, c.shape));
        assertTrue(alloc.getMessage().startsWith(c.message), alloc.getMessage());
    }
}
