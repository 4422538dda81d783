package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The float32 twins generated from the float64 sources are up to date (run scripts/gen-sgemm.sh
 * after editing Dgemm, scripts/gen-float-registers.sh after editing DoubleRegisters).
 */
class GeneratedSourcesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/theano4j/cpu");

    /** The substitutions of scripts/gen-sgemm.sh. */
    static String toFloat(String doubleSource) {
        return doubleSource.replace("Dgemm", "Sgemm").replace("DoubleVector", "FloatVector").replace("double", "float")
                .replace("Double", "Float").replace("JAVA_DOUBLE", "JAVA_FLOAT").replaceAll("Species\\.D\\b", "Species.F")
                .replace("float64", "float32").replace("dgemm", "sgemm");
    }

    /** The substitutions of scripts/gen-float-registers.sh: those of gen-sgemm.sh and the dtype constant. */
    static String toFloatRegisters(String doubleSource) {
        return toFloat(doubleSource).replace("FLOAT64", "FLOAT32");
    }

    @Test
    void sgemmIsGeneratedFromDgemm() throws Exception {
        String dgemm = Files.readString(SOURCES.resolve("Dgemm.java"));
        String sgemm = Files.readString(SOURCES.resolve("Sgemm.java"));
        assertEquals(toFloat(dgemm), sgemm, "Sgemm.java is stale: run vector-cpu/scripts/gen-sgemm.sh");
    }

    @Test
    void floatRegistersAreGeneratedFromDoubleRegisters() throws Exception {
        String source = Files.readString(SOURCES.resolve("DoubleRegisters.java"));
        String generated = Files.readString(SOURCES.resolve("FloatRegisters.java"));
        assertEquals(toFloatRegisters(source), generated,
                "FloatRegisters.java is stale: run vector-cpu/scripts/gen-float-registers.sh");
    }
}
