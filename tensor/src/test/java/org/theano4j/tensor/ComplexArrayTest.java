package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** Complex storage: numpy's interleaved layout, getters, casts (numpy's astype rules) and comparisons. */
class ComplexArrayTest {
    @Test
    void storageIsInterleavedLikeNumpy() {
        NDArray a = NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2, -3, 0.5, 0, -0.0}, 3);
        assertEquals(48, a.segment().byteSize());
        assertEquals(-3, a.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 2));
        assertEquals(0.5, a.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 3));
        assertEquals(-3, a.getFlat(1));
        assertEquals(0.5, a.getFlatImag(1));
        assertEquals(2, a.getImag(0));
        assertArrayEquals(new double[] {1, 2, -3, 0.5, 0, -0.0}, a.toComplexArray());
        assertArrayEquals(new double[] {1, -3, 0}, a.toDoubleArray()); // numpy's complex->real cast keeps .real
    }

    @Test
    void complex64RoundsEachPartToFloat() {
        NDArray a = NDArray.ofComplex(DType.COMPLEX64, new double[] {0.1, 1e-50}, 1);
        assertEquals((float) 0.1, a.getFlat(0));
        assertEquals(0, a.getFlatImag(0));
        assertEquals(8, a.segment().byteSize());
    }

    @Test
    void castsFollowNumpyAstype() {
        NDArray z = NDArray.ofComplex(DType.COMPLEX128, new double[] {2.75, -1, -7.5, 4}, 2, 1);
        assertArrayEquals(new long[] {2, -7}, z.astype(DType.INT64).toLongArray());
        assertArrayEquals(new double[] {2.75, -1, -7.5, 4}, z.astype(DType.COMPLEX64).toComplexArray());
        NDArray fromInt = NDArray.of(new long[] {16777217L, -3}).astype(DType.COMPLEX64);
        assertArrayEquals(new double[] {16777216, 0, -3, 0}, fromInt.toComplexArray()); // int64 -> float32 once
        NDArray fromFloat = NDArray.of(new double[] {1.5}).astype(DType.COMPLEX128);
        assertArrayEquals(new double[] {1.5, 0}, fromFloat.toComplexArray());
        NDArray t = z.transpose().copy();
        assertArrayEquals(new long[] {1, 2}, t.shape());
        assertArrayEquals(z.toComplexArray(), t.toComplexArray());
    }

    @Test
    void equalityAndClosenessSeeTheImaginaryPart() {
        NDArray a = NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2}, 1);
        NDArray b = NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2.5}, 1);
        assertNotEquals(a, b);
        assertEquals(a, NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2}, 1));
        assertEquals(a.hashCode(), NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2}, 1).hashCode());
        assertTrue(!a.allClose(b, 1e-3, 0));
        assertTrue(a.allClose(b, 0.3, 0));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NDArray.ofComplex(DType.FLOAT64, new double[] {1, 2}, 1));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NDArray.ofComplex(DType.COMPLEX64, new double[] {1, 2, 3}, 2));
        assertTrue(e.getMessage().contains("needs 4"), e.getMessage());
    }

    @Test
    void printsAsNumpy() {
        // expected strings are numpy 2.4.6's repr/str of the same arrays
        assertEquals("array([ 1. +2.j , -3.5-0.5j,  nan+1.j ])",
                NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2, -3.5, -0.5, Double.NaN, 1}, 3).toString());
        assertEquals("[[ 1.0e+00+2.j   -3.5e+00-0.5j ]\n [ 0.0e+00+0.25j  1.0e-03+4.j  ]]",
                NDArray.ofComplex(DType.COMPLEX64, new double[] {1, 2, -3.5, -0.5, 0, 0.25, 1e-3, 4}, 2, 2).str());
        assertEquals("(1+2j)", NDArray.ofComplex(DType.COMPLEX128, new double[] {1, 2}).str());
        assertEquals("(-0-2.5j)", NDArray.ofComplex(DType.COMPLEX64, new double[] {-0.0, -2.5}).str());
        assertEquals("(3+0j)", NDArray.ofComplex(DType.COMPLEX128, new double[] {3, 0}).str());
        assertEquals("array(0.+0.5j)", NDArray.ofComplex(DType.COMPLEX128, new double[] {0, 0.5}).toString());
        assertEquals("array([1.e+20+1.j, 2.e+00+0.j])", NDArray.ofComplex(DType.COMPLEX128, new double[] {1e20, 1, 2, 0}, 2).toString());
        assertEquals("array([1.+1.j], dtype=complex64)", NDArray.ofComplex(DType.COMPLEX64, new double[] {1, 1}, 1).toString());
    }
}
