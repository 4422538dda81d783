package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Shape arithmetic. */
class ShapesTest {
    @Test
    void sizesAndStrides() {
        assertEquals(1, Shapes.size(new long[0]));
        assertEquals(0, Shapes.size(new long[] {3, 0}));
        assertArrayEquals(new long[] {12, 4, 1}, Shapes.cStrides(new long[] {2, 3, 4}));
    }

    @Test
    void broadcasting() {
        assertArrayEquals(new long[] {2, 3}, Shapes.broadcast(new long[] {2, 1}, new long[] {3}));
        assertArrayEquals(new long[] {4, 0}, Shapes.broadcast(new long[] {4, 1}, new long[] {0}));
        assertArrayEquals(new long[] {}, Shapes.broadcast());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.broadcast(new long[] {2, 3}, new long[] {4}));
        assertEquals("shapes (2, 3) and (4,) are not broadcastable", e.getMessage());
    }

    @Test
    void text() {
        assertEquals("(2, 3)", Shapes.toString(new long[] {2, 3}));
        assertEquals("(4,)", Shapes.toString(new long[] {4}));
        assertEquals("()", Shapes.toString(new long[] {}));
    }

    @Test
    void axesAndReshape() {
        assertEquals(1, Shapes.normalizeAxis(-1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shapes.normalizeAxis(3, 2));
        assertEquals("axis 3 is out of range for an array of ndim 2", e.getMessage());
        assertArrayEquals(new long[] {3, 4}, Shapes.reshapeTarget(new long[] {2, 6}, new long[] {3, -1}));
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> Shapes.reshapeTarget(new long[] {2, 6}, new long[] {5, -1}));
        assertEquals("cannot reshape array of shape (2, 6) (size 12) into shape (5, -1)", r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shapes.reshapeTarget(new long[] {2}, new long[] {3}));
    }
}
