package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DType names, predicates and promotion against numpy. */
class DTypeTest {
    /** np.result_type over every dtype, written by tensor/scripts/promotion_reference.py (numpy 2.4.6). */
    private static List<String> promotionTable() throws IOException, URISyntaxException {
        Path p = Path.of(DTypeTest.class.getResource("/numpy-reference/promotion.txt").toURI());
        return Files.readAllLines(p).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void promotionMatchesNumpyResultType() throws IOException, URISyntaxException {
        List<String> table = promotionTable();
        String[] columns = table.get(0).substring("columns: ".length()).split(" ");
        assertEquals(DType.values().length, columns.length, "the table covers every dtype");
        for (String row : table.subList(1, table.size())) {
            String[] parts = row.split(":? ");
            DType a = DType.of(parts[0]);
            for (int j = 0; j < columns.length; j++) {
                DType b = DType.of(columns[j]);
                assertEquals(DType.of(parts[j + 1]), DType.promote(a, b), a + " + " + b);
            }
        }
        assertEquals(DType.values().length, table.size() - 1, "one row per dtype");
    }

    @Test
    void namesRoundTrip() {
        for (DType d : DType.values()) {
            assertEquals(d, DType.of(d.numpyName()));
            assertEquals(d.byteSize(), d.layout().byteSize() * (d.isComplex() ? 2 : 1));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.of("float16"));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void predicates() {
        assertTrue(DType.BOOL.isBool());
        assertFalse(DType.BOOL.isInteger());
        assertTrue(DType.UINT8.isInteger());
        assertFalse(DType.UINT8.isSigned());
        assertTrue(DType.INT8.isSigned());
        assertTrue(DType.FLOAT32.isFloat());
        assertEquals('u', DType.UINT32.kind());
        assertEquals(255, DType.UINT8.maxValue());
        assertEquals(-128, DType.INT8.minValue());
        assertEquals(DType.INT32, DType.ofJavaClass(int.class));
        assertEquals(DType.FLOAT64, DType.ofJavaClass(Double.class));
        assertEquals(DType.BOOL, DType.ofJavaClass(boolean.class));
        assertTrue(DType.COMPLEX64.isComplex());
        assertFalse(DType.COMPLEX64.isFloat());
        assertTrue(DType.COMPLEX128.isSigned());
        assertEquals(DType.FLOAT32, DType.COMPLEX64.componentType());
        assertEquals(DType.COMPLEX128, DType.FLOAT64.complexType());
        assertThrows(IllegalArgumentException.class, () -> DType.FLOAT64.componentType());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DType.COMPLEX64::maxValue);
        assertTrue(e.getMessage().contains("complex64"), e.getMessage());
    }
}
