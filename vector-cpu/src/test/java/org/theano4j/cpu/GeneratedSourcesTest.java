package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The float32 twins are what scripts/gen-float-twins.sh makes of their float64 sources: this test
 * regenerates each twin the script names, with the substitutions of scripts/float-twins.sed (the
 * one list both read), and compares it with the checked-in file.
 */
class GeneratedSourcesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/theano4j/cpu");
    private static final Path SCRIPTS = Path.of("scripts");
    private static final Pattern SUBSTITUTION = Pattern.compile("s/((?:[^/\\\\]|\\\\.)+)/([^/]*)/g");
    private static final Pattern TWINS = Pattern.compile("TWINS=\"([^\"]+)\"");

    /** One {@code s/pattern/replacement/g} line of the sed script. */
    record Substitution(Pattern pattern, String replacement) {
        String apply(String text) {
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
        }
    }

    static List<Substitution> substitutions() throws Exception {
        List<Substitution> out = new ArrayList<>();
        for (String line : Files.readAllLines(SCRIPTS.resolve("float-twins.sed"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SUBSTITUTION.matcher(line.trim());
            assertTrue(m.matches(), "float-twins.sed: not an s/pattern/replacement/g line: " + line);
            out.add(new Substitution(Pattern.compile(m.group(1)), m.group(2)));
        }
        return out;
    }

    /** The (64-bit, 32-bit) class names the script generates. */
    static List<String[]> twins() throws Exception {
        Matcher m = TWINS.matcher(Files.readString(SCRIPTS.resolve("gen-float-twins.sh")));
        assertTrue(m.find(), "gen-float-twins.sh names no TWINS");
        List<String[]> out = new ArrayList<>();
        for (String pair : m.group(1).trim().split("\\s+")) {
            out.add(pair.split(":"));
        }
        return out;
    }

    @Test
    void everyTwinIsRegeneratedUnchanged() throws Exception {
        List<Substitution> subs = substitutions();
        List<String[]> twins = twins();
        assertEquals(List.of("Dgemm:Sgemm", "DoubleRegisters:FloatRegisters"),
                twins.stream().map(t -> t[0] + ":" + t[1]).toList());
        for (String[] t : twins) {
            String generated = Files.readString(SOURCES.resolve(t[0] + ".java"));
            for (Substitution s : subs) {
                generated = s.apply(generated);
            }
            assertEquals(generated, Files.readString(SOURCES.resolve(t[1] + ".java")),
                    t[1] + ".java is stale: run vector-cpu/scripts/gen-float-twins.sh");
        }
    }

    @Test
    void theSubstitutionsChangeTheSources() throws Exception {
        // A stale twin must not pass by an empty or broken list: each line changes a source.
        List<String> sources = new ArrayList<>();
        for (String[] t : twins()) {
            sources.add(Files.readString(SOURCES.resolve(t[0] + ".java")));
        }
        for (Substitution s : substitutions()) {
            assertTrue(sources.stream().anyMatch(src -> !s.apply(src).equals(src)), "float-twins.sed: " + s + " changes nothing");
        }
    }
}
