package org.theano4j.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.theano4j.op.Ops;

/**
 * The layers below the user facade never reach back up to it: no class compiled from the op,
 * rewrite, grad, control or compile packages references {@code org.theano4j.T} (they build graphs
 * through {@link Ops}). Reads the class files' constant pools, so a call, a field or a method
 * reference through a lambda all count.
 */
class LayeringTest {
    private static final List<String> BELOW_FACADE = List.of("op", "rewrite", "grad", "control", "compile");
    private static final String FACADE = "org/theano4j/T";

    @Test
    void nothingBelowTheFacadeReferencesT() throws IOException {
        Path root = classesRoot();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (String pkg : BELOW_FACADE) {
            Path dir = root.resolve("org/theano4j").resolve(pkg);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    scanned++;
                    if (referencesFacade(file)) {
                        offenders.add(root.relativize(file).toString());
                    }
                }
            }
        }
        assertFalse(scanned < 100, "expected the compiled packages under " + root + ", found " + scanned + " classes");
        assertEquals(List.of(), offenders, "classes below the facade that reference " + FACADE);
    }

    @Test
    void theCheckSeesAReference() throws IOException {
        // The facade's own class file references itself: the scan must report it.
        Path t = classesRoot().resolve(FACADE + ".class");
        assertEquals(true, referencesFacade(t));
    }

    private static boolean referencesFacade(Path classFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(classFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
            if (e instanceof ClassEntry c && c.asInternalName().equals(FACADE)) {
                return true;
            }
        }
        return false;
    }

    private static Path classesRoot() {
        try {
            return Path.of(Ops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
