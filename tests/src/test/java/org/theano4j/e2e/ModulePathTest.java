package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * theano4j's modules on the module path: the API and the backend SPI are exported, the CPU
 * backend and rng's codec are found through {@code provides}, internals stay hidden.
 */
class ModulePathTest {
    @Test
    void theModulesWorkOnTheModulePathAndHideTheirInternals() throws Exception {
        List<String> modules = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            boolean ours = entry.matches(".*/(tensor|symbolic|vector-cpu|rng|bindings|gpu)/target/classes/?")
                    || entry.matches(".*theano4j-(tensor|symbolic|vector-cpu|rng|bindings|gpu)-[^/]*\\.jar");
            (ours ? modules : rest).add(entry);
        }
        assertEquals(6, modules.size(), "module entries found in " + System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--module-path", String.join(File.pathSeparator, modules),
                "--add-modules", "org.theano4j.cpu,org.theano4j.rng,org.theano4j.gpu",
                "--enable-native-access=org.theano4j.tensor,org.theano4j.bindings,org.theano4j.gpu",
                "-cp", String.join(File.pathSeparator, rest), ModulePathProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("named: true org.theano4j.symbolic"), out);
        assertTrue(out.contains("backend: vector-cpu\n"), out);
        assertTrue(out.contains("same: true"), out);
        assertTrue(out.contains("internal: refused"), out);
    }
}
