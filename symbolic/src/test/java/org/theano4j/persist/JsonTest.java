package org.theano4j.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON dialect of function files: what it writes it reads back, and it refuses what is not JSON. */
class JsonTest {
    @Test
    void valuesReadBackAsWritten() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 unicode \u00e9\u4e2d");
        m.put("numbers", List.of(new Json.Num("-0.0"), new Json.Num("9223372036854775807"), new Json.Num("4.9E-324")));
        m.put("flags", Arrays.asList(true, false, null));
        m.put("nested", Map.of("empty", List.of(), "object", Map.of()));
        m.put("long", List.of("x".repeat(200)));
        assertEquals(m, Json.parse(Json.write(m), "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1, 2", "{\"a\" 1}", "{\"a\": 1, \"a\": 2}", "[01]", "[1.]", "tru", "\"open", "[1] 2",
            "{\"a\": \"\\q\"}", "NaN"})
    void notJsonIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text, "f.json"));
        assertTrue(e.getMessage().startsWith("f.json is not valid JSON: "), e.getMessage());
    }

    @Test
    void nestingHasALimit() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep, "deep"));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }
}
