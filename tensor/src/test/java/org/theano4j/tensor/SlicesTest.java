package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * numpy's slice rules over awkward lengths, bounds and steps (up to {@code Long.MAX_VALUE}, steps
 * of {@code Long.MIN_VALUE}): {@link Slices#resolve} and the view {@link NDArray#slice} makes of
 * the result agree with what numpy did to a fake array of that length.
 */
class SlicesTest {
    /** A segment over the whole address space: a view of any extent fits it (nothing here reads it). */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    /** One line of slices.txt: {@code n start stop step|length first adjustedStop}. */
    record Case(long n, Long start, Long stop, Long step, long length, Long first, long stopAdjusted) {
        static Case parse(String line) {
            String[] io = line.split("\\|");
            String[] in = io[0].split(" ");
            String[] out = io[1].split(" ");
            return new Case(Long.parseLong(in[0]), NumpyReference.parse(in[1]), NumpyReference.parse(in[2]),
                    NumpyReference.parse(in[3]), Long.parseLong(out[0]), NumpyReference.parse(out[1]),
                    Long.parseLong(out[2]));
        }

        @Override
        public String toString() {
            return "n=" + n + " [" + start + ":" + stop + ":" + step + "]";
        }
    }

    static Stream<Case> cases() {
        return NumpyReference.lines("slices.txt").stream().map(Case::parse);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void resolveAndSliceLikeNumpy(Case c) {
        Slices.Range r = Slices.resolve(c.start, c.stop, c.step, c.n);
        assertEquals(c.length, r.length(), "length");
        assertEquals(c.stopAdjusted, r.stop(), "adjusted stop");
        if (c.length > 0) {
            assertEquals(c.first, r.start(), "first index");
        }
        NDArray axis = NDArray.view(EVERYTHING, DType.INT8, new long[] {c.n}, new long[] {1}, 0);
        NDArray v = axis.slice(0, r.start(), r.stop(), r.step());
        assertEquals(c.length, v.shape(0), "view length");
        if (c.length > 0) {
            assertEquals(c.first, v.offset(), "view offset");
        }
        if (c.length > 1) {
            assertEquals(r.step(), v.stride(0), "view stride");
        }
    }
}
