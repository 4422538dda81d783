package org.theano4j.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.theano4j.Theano;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.io.Npz;

/**
 * Functions saved in this JVM and loaded in a fresh one compute the same outputs bit for bit and
 * leave the same state behind: training continues identically, random streams draw the same
 * numbers, keywords and defaults work, and both JVMs describe the same optimized graph.
 */
class CrossJvmPersistTest {
    @Test
    void aSavedFunctionRunsIdenticallyInAnotherJvm(@TempDir Path dir) throws Exception {
        List<CrossJvmCases.Case> cases = CrossJvmCases.all();
        List<String> args = new ArrayList<>();
        for (CrossJvmCases.Case c : cases) {
            c.function().save(dir.resolve(c.name() + ".t4j"));
            CrossJvmCases.saveCalls(dir.resolve(c.name() + ".calls.npz"), c.calls());
            args.add(c.sharesWith() == null ? c.name() : c.name() + "=" + c.sharesWith());
        }
        Map<String, Map<String, NDArray>> expected = new LinkedHashMap<>();
        for (CrossJvmCases.Case c : cases) {
            expected.put(c.name(), CrossJvmCases.run(c.function(), c.calls()));
        }
        String out = runChild(dir, args);
        assertTrue(out.contains("probe done"), out);
        for (CrossJvmCases.Case c : cases) {
            SameBits.assertSame(c.name(), expected.get(c.name()), Npz.load(dir.resolve(c.name() + ".out.npz")));
            assertEquals(CrossJvmCases.describe(c.function()),
                    Files.readString(dir.resolve(c.name() + ".describe.txt"), StandardCharsets.UTF_8), c.name());
        }
    }

    @Test
    void aJvmWhoseFloatXChangesADrawsTypeRefusesTheFileAndSaysWhy(@TempDir Path dir) throws Exception {
        Theano.function(List.of(), new RandomStreams(3).uniform(2)).save(dir.resolve("draw.t4j"));
        String out = runChild(dir, List.of("-Dtheano4j.floatX=float32"), List.of("--refused", "draw"));
        assertTrue(out.contains("refused: ") && out.contains("gives TensorType(float32, vector) in this JVM but the file says"
                + " TensorType(float64, vector) (the file was saved with floatX=float64 and this JVM has floatX=float32;"
                + " load it with -Dtheano4j.floatX=float64)"), out);
    }

    private static String runChild(Path dir, List<String> cases) throws Exception {
        return runChild(dir, List.of(), cases);
    }

    private static String runChild(Path dir, List<String> jvmFlags, List<String> cases) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PersistProbe.class.getName(), dir.toString()));
        cmd.addAll(cases);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
