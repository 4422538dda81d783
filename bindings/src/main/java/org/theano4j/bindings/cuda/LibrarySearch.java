package org.theano4j.bindings.cuda;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where to look for the CUDA toolkit libraries that are not system libraries
 * (NVRTC, cuBLAS), and how to pick one file in a folder. Pure file-system work, so it
 * can be tested without CUDA.
 *
 * <p>Folders, in order: the system property {@value #PATH_PROPERTY} and the environment
 * variable {@value #PATH_ENV} (path lists), {@code java.library.path},
 * {@code LD_LIBRARY_PATH}, {@code $CUDA_HOME/lib64}, {@code /usr/local/cuda/lib64}, then
 * the Python site-packages folders of the {@code nvidia-*} wheels, and last {@link #wheelCache}, where
 * {@code gpu/scripts/cuda-wheels.sh} installs them. Each folder is
 * searched itself and through {@code nvidia/*}{@code /lib} below it, so a
 * site-packages folder can be named directly.
 */
public final class LibrarySearch {

    /** System property holding extra library folders (a path list). */
    public static final String PATH_PROPERTY = "theano4j.cuda.libPath";
    /** Environment variable holding extra library folders (a path list). */
    public static final String PATH_ENV = "THEANO4J_CUDA_LIB_PATH";

    private static final Pattern VERSION = Pattern.compile("\\.so((?:\\.\\d+)*)$");

    private LibrarySearch() {
    }

    /**
     * The folders to search, in order, from this JVM's system properties and environment.
     *
     * @return existing folders, without duplicates
     */
    public static List<Path> defaultFolders() {
        return folders(System::getProperty, System.getenv());
    }

    /**
     * The folders to search, in order, for the given properties and environment.
     *
     * @param properties system property lookup
     * @param env environment variables
     * @return existing folders, without duplicates
     */
    static List<Path> folders(UnaryOperator<String> properties, Map<String, String> env) {
        Set<Path> roots = new LinkedHashSet<>();
        addPathList(roots, properties.apply(PATH_PROPERTY));
        addPathList(roots, env.get(PATH_ENV));
        addPathList(roots, properties.apply("java.library.path"));
        addPathList(roots, env.get("LD_LIBRARY_PATH"));
        if (env.get("CUDA_HOME") != null) {
            roots.add(Path.of(env.get("CUDA_HOME"), "lib64"));
        }
        roots.add(Path.of("/usr/local/cuda/lib64"));
        for (String prefix : new String[] {env.get("VIRTUAL_ENV"), env.get("CONDA_PREFIX"), "/usr/local", "/usr",
                properties.apply("user.home") == null ? null : properties.apply("user.home") + "/.local"}) {
            if (prefix != null) {
                roots.addAll(pythonSitePackages(Path.of(prefix)));
            }
        }
        roots.add(wheelCache(properties, env));
        Set<Path> out = new LinkedHashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                out.add(root);
                out.addAll(children(root.resolve("nvidia"), "lib"));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The folder {@code gpu/scripts/cuda-wheels.sh} installs the {@code nvidia-*} wheels into by default:
     * {@code $XDG_CACHE_HOME/theano4j/cuda-wheels}, else {@code ~/.cache/theano4j/cuda-wheels}.
     *
     * @param properties system property lookup (for {@code user.home})
     * @param env environment variables
     * @return the folder (it may not exist)
     */
    static Path wheelCache(UnaryOperator<String> properties, Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(String.valueOf(properties.apply("user.home")), ".cache");
        return base.resolve("theano4j").resolve("cuda-wheels");
    }

    /**
     * The best file for a library in the folders: the first folder holding
     * {@code lib<stem>.so} or {@code lib<stem>.so.<version>} wins; within it, the highest
     * version.
     *
     * @param stem library name without {@code lib} and {@code .so}, e.g. {@code cublas}
     * @param folders folders in order of preference
     * @return the file, or empty
     */
    public static Optional<Path> find(String stem, List<Path> folders) {
        for (Path folder : folders) {
            Optional<Path> best = listFiles(folder).stream()
                    .filter(p -> matches(stem, p.getFileName().toString()))
                    .max(Comparator.comparing((Path p) -> version(p.getFileName().toString()),
                            LibrarySearch::compareVersions));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    static boolean matches(String stem, String fileName) {
        String prefix = "lib" + stem + ".so";
        return fileName.startsWith(prefix) && fileName.substring(prefix.length()).matches("(\\.\\d+)*");
    }

    private static int[] version(String fileName) {
        Matcher m = VERSION.matcher(fileName);
        if (!m.find() || m.group(1).isEmpty()) {
            return new int[0];
        }
        return Stream.of(m.group(1).substring(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static void addPathList(Set<Path> roots, String list) {
        if (list == null) {
            return;
        }
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                roots.add(Path.of(entry.strip()));
            }
        }
    }

    /** {@code prefix/lib/python3* /(site|dist)-packages} and Debian's {@code lib/python3/dist-packages}. */
    private static List<Path> pythonSitePackages(Path prefix) {
        List<Path> out = new ArrayList<>();
        for (Path py : listFiles(prefix.resolve("lib"))) {
            if (py.getFileName().toString().startsWith("python3")) {
                out.add(py.resolve("site-packages"));
                out.add(py.resolve("dist-packages"));
            }
        }
        out.add(prefix.resolve("lib"));
        return out;
    }

    private static List<Path> children(Path folder, String sub) {
        return listFiles(folder).stream().map(p -> p.resolve(sub)).filter(Files::isDirectory).sorted().toList();
    }

    private static List<Path> listFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(out::add);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        return out;
    }
}
