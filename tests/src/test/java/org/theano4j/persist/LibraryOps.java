package org.theano4j.persist;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.theano4j.graph.Op;

/** Every op class of the library: the concrete {@link Op}s in theano4j's main classes (jars or class directories) on the class path. */
final class LibraryOps {
    /** Ops no compiled function can hold: an undefined gradient makes T.grad fail before anything compiles. */
    private static final Set<Class<?>> NEVER_COMPILED = Set.of(org.theano4j.grad.NullGrad.class);

    private LibraryOps() {
    }

    static List<Class<?>> all() {
        Set<String> names = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.contains("theano4j") && !entry.contains("test-classes") && Files.exists(p)) {
                names.addAll(Files.isDirectory(p) ? inDirectory(p) : inJar(p));
            }
        }
        List<Class<?>> ops = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = Class.forName(n, false, LibraryOps.class.getClassLoader());
                if (Op.class.isAssignableFrom(c) && !c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())
                        && !NEVER_COMPILED.contains(c)) {
                    ops.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a class of an optional dependency (CUDA bindings) that does not load here is no op of ours
            }
        }
        return ops;
    }

    private static List<String> inDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> dir.relativize(f).toString().replace(File.separatorChar, '/')).filter(LibraryOps::isClass)
                    .map(LibraryOps::className).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> inJar(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(e -> e.getName()).filter(LibraryOps::isClass).map(LibraryOps::className).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isClass(String path) {
        return path.startsWith("org/theano4j/") && path.endsWith(".class") && !path.contains("module-info");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
