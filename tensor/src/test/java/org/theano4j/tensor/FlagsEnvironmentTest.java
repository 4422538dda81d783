package org.theano4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** THEANO4J_FLAGS in a child JVM (a process cannot change its own environment). */
class FlagsEnvironmentTest {
    private static List<String> probe(String env, String flag) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FlagsProbe.class.getName(), flag);
        pb.environment().put(Flags.ENV, env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "floatX=float32,mode=FAST_COMPILE | floatX | value: float32",
        "floatX=float32,mode=FAST_COMPILE | mode | value: FAST_COMPILE",
        "floatX | floatX | error: THEANO4J_FLAGS: expected name=value, got 'floatX'",
        "floatx=float32 | device | error: THEANO4J_FLAGS: unknown flag 'floatx'; did you mean 'floatX'?",
        "floatX=float16 | floatX | error: THEANO4J_FLAGS: flag floatX cannot be 'float16'; valid: float64, float32",
        "cpu_threads=2 | device | error: THEANO4J_FLAGS: unknown flag 'cpu_threads'; did you mean 'cpu.threads'?"})
    void theEnvironmentSetsFlagsAndBadEntriesAreClearErrorsEveryTime(String env, String flag, String expected)
            throws Exception {
        List<String> lines = probe(env, flag);
        assertEquals(2, lines.stream().filter(l -> l.startsWith("value:") || l.startsWith("error:")).count(), lines.toString());
        for (String line : lines.stream().filter(l -> l.startsWith("value:") || l.startsWith("error:")).toList()) {
            assertEquals(expected, line.length() > expected.length() ? line.substring(0, expected.length()) : line);
        }
    }
}
