package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service JVM with a small heap, a small direct-memory budget and {@code -XX:+DisableExplicitGC}
 * does not die with "Cannot reserve direct buffer memory" (arrays live outside that budget), and
 * scopes and close() keep its memory flat without any collection.
 */
class SmallHeapTest {
    @Test
    void aSmallHeapServiceWithoutExplicitGcStaysUpAndFlat() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:MaxDirectMemorySize=16m", "-XX:+DisableExplicitGC",
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SmallHeapProbe.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("unscoped ok") && out.contains("closed ok"), out);
        long growth = Long.parseLong(out.replaceAll("(?s).*scoped rss growth MiB (-?\\d+).*", "$1"));
        assertTrue(growth < 100, "2000 MiB of outputs in scopes grew RSS by " + growth + " MiB:\n" + out);
    }
}
