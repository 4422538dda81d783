package org.theano4j.bench;

import org.theano4j.backend.Backend;
import org.theano4j.backend.Backends;
import org.theano4j.tensor.Flags;

/**
 * {@code info}: what the header of compare.sh records about the theano4j side, as
 * {@code # info KEY: VALUE} lines: the JDK, the backend functions run on, and its threads and
 * vector width.
 */
final class Info {
    private Info() {
    }

    /** Prints the info lines. */
    static void info(Bench bench) {
        line("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + Runtime.version());
        line("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("flags", "THEANO4J_FLAGS=" + System.getenv().getOrDefault(Flags.ENV, ""));
        Backend cpu = Backends.forDevice("cpu");
        line("backend", cpu.name() + Backends.fallbackNote(cpu).map(n -> " (" + n + ")").orElse(""));
        try {
            line("threads", org.theano4j.cpu.Species.threads() + " (flag cpu.threads)");
            line("vector", org.theano4j.cpu.Species.D.vectorBitSize() + " bits"
                    + (org.theano4j.cpu.Species.vector() ? "" : ", scalar paths forced (cpu.vector=false)"));
            line("cpu", org.theano4j.cpu.Species.describe());
        } catch (LinkageError e) {
            line("vector", "vector-cpu unusable in this JVM: " + e);
        }
    }

    private static void line(String key, String value) {
        Bench.note("info " + key + ": " + value);
    }
}
