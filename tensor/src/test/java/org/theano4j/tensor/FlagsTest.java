package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flags: defaults, properties, validation of names and values, errors that do not outlive their cause. */
class FlagsTest {
    @AfterEach
    void clear() {
        System.clearProperty("theano4j.floatx");
        System.clearProperty("theano4j.floatX");
        System.clearProperty("theano4j.mode");
        System.clearProperty("theano4j.gcTriggerBytes");
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        assertEquals("float64", Flags.get("floatX"));
        assertEquals("FAST_RUN", Flags.get("mode"));
        assertNull(Flags.get("cpu.threads"));
        assertEquals(256L << 20, Flags.getLong("gcTriggerBytes"));
    }

    @Test
    void aPropertySetsAFlagAndChoicesIgnoreCase() {
        System.setProperty("theano4j.floatX", "FLOAT32");
        assertEquals("float32", Flags.get("floatX"));
        System.setProperty("theano4j.mode", "fast_compile");
        assertEquals("FAST_COMPILE", Flags.get("mode"));
    }

    @Test
    void aMisspelledPropertyIsAnErrorNamingTheFlagItMeant() {
        System.setProperty("theano4j.floatx", "float32");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Flags.get("device"));
        assertTrue(e.getMessage().contains("unknown flag 'floatx'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'floatX'?"), e.getMessage());
        assertTrue(e.getMessage().contains("cpu.threads"), "lists the known flags: " + e.getMessage());
        System.clearProperty("theano4j.floatx");
        assertEquals("cpu", Flags.get("device"), "the error does not outlive its cause");
    }

    @Test
    void anInvalidValueNamesTheValidOnes() {
        System.setProperty("theano4j.floatX", "float16");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Flags.get("floatX"));
        assertTrue(e.getMessage().contains("-Dtheano4j.floatX: flag floatX cannot be 'float16'; valid: float64, float32"), e.getMessage());
        System.setProperty("theano4j.gcTriggerBytes", "lots");
        e = assertThrows(IllegalArgumentException.class, () -> Flags.getLong("gcTriggerBytes"));
        assertTrue(e.getMessage().contains("must be an integer, got 'lots'"), e.getMessage());
    }

    @Test
    void askingForAnUnknownFlagIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Flags.get("nosuch"));
        assertTrue(e.getMessage().contains("no flag 'nosuch'"), e.getMessage());
    }

    @Test
    void theReadmeDocumentsEveryFlag() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        for (Flags.Flag f : Flags.all()) {
            assertTrue(text.contains("`" + f.name() + "`"), "README.md does not document flag " + f.name());
        }
    }
}
