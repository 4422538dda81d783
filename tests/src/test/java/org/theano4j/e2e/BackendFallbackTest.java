package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules=jdk.incubator.vector} still works, on the reference
 * backend, and says so: one warning with the fix, and {@code backendName()} names the reason.
 */
class BackendFallbackTest {
    private static String run(boolean vectorModule) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        if (vectorModule) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FallbackProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void withoutTheVectorModuleOneWarningNamesTheFix() throws Exception {
        String out = run(false);
        assertTrue(out.contains("backend: reference (vector-cpu unavailable: the JVM lacks --add-modules=jdk.incubator.vector)"), out);
        assertTrue(out.contains("result: 2.0"), out);
        assertEquals(1, out.split("run on the reference backend, which is much slower", -1).length - 1, "one warning: " + out);
        assertTrue(out.contains("Start the JVM with --add-modules=jdk.incubator.vector"), out);
    }

    @Test
    void withTheVectorModuleNothingIsSaid() throws Exception {
        String out = run(true);
        assertTrue(out.contains("backend: vector-cpu\n"), out);
        assertTrue(!out.contains("much slower"), out);
    }
}
