package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DType names, predicates and promotion against numpy. */
class DTypeTest {
    private static final List<String> NAMES = List.of("bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
            "uint32", "uint64", "float32", "float64");

    /** np.result_type(row, column) for the columns in NAMES order (numpy 2.4.6). */
    private static final List<String> PROMOTION = List.of(
            "bool: bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64",
            "int8: int8 int8 int16 int32 int64 int16 int32 int64 float64 float32 float64",
            "int16: int16 int16 int16 int32 int64 int16 int32 int64 float64 float32 float64",
            "int32: int32 int32 int32 int32 int64 int32 int32 int64 float64 float64 float64",
            "int64: int64 int64 int64 int64 int64 int64 int64 int64 float64 float64 float64",
            "uint8: uint8 int16 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64",
            "uint16: uint16 int32 int32 int32 int64 uint16 uint16 uint32 uint64 float32 float64",
            "uint32: uint32 int64 int64 int64 int64 uint32 uint32 uint32 uint64 float64 float64",
            "uint64: uint64 float64 float64 float64 float64 uint64 uint64 uint64 uint64 float64 float64",
            "float32: float32 float32 float32 float64 float64 float32 float32 float64 float64 float32 float64",
            "float64: float64 float64 float64 float64 float64 float64 float64 float64 float64 float64 float64");

    @Test
    void promotionMatchesNumpyResultType() {
        for (String row : PROMOTION) {
            String[] parts = row.split(":? ");
            DType a = DType.of(parts[0]);
            for (int j = 0; j < NAMES.size(); j++) {
                DType b = DType.of(NAMES.get(j));
                assertEquals(DType.of(parts[j + 1]), DType.promote(a, b), a + " + " + b);
            }
        }
    }

    @Test
    void namesRoundTrip() {
        for (DType d : DType.values()) {
            assertEquals(d, DType.of(d.numpyName()));
            assertEquals(d.byteSize(), d.layout().byteSize());
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
    }
}
