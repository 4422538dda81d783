package org.theano4j.persist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.compile.GraphSpec;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.io.Npy;
import org.theano4j.tensor.io.Npz;

/**
 * The function file (Theano's pickled function): a zip whose members are {@code manifest.json}
 * (format, format version, writer), {@code function.json} (options, shared state, graph, inputs,
 * outputs, updates) and one numpy {@code .npy} member per array, so {@code numpy.load} reads the
 * arrays of the file directly. The layout is documented in {@code docs/function-file-format.md}.
 * Used by {@link Function#save} and {@link org.theano4j.Theano#load}.
 */
public final class FunctionFile {
    private static final String MANIFEST = "manifest.json";
    private static final String FUNCTION = "function.json";

    private FunctionFile() {
    }

    /**
     * Writes the function of {@code graph} to {@code path}, replacing it: the file is written next
     * to {@code path} and moved into place, so a failed save leaves any earlier file whole.
     * Something that cannot be saved (an op holding code, say) is an {@link IllegalArgumentException}.
     */
    public static void save(Path path, GraphSpec graph, FunctionOptions options, boolean single) {
        FunctionWriter.Encoded enc = FunctionWriter.encode(graph, options, single);
        List<String> members = new ArrayList<>(List.of(FUNCTION));
        enc.arrays().keySet().forEach(n -> members.add(n + ".npy"));
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                text(zip, MANIFEST, Json.write(Manifest.current(members).toJson()));
                text(zip, FUNCTION, Json.write(enc.json()));
                Npz.writeMembers(zip, enc.arrays(), false);
            }
            move(tmp, path);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a function to " + path, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Reads the function saved in {@code path}: a new {@link Function} with fresh shared state
     * holding the saved values. A file that is not a function file, is corrupt or truncated, comes
     * from a newer format version, or names an op this build lacks is an {@link IllegalArgumentException}.
     */
    public static Function load(Path path) {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals(MANIFEST)) {
                throw new IllegalArgumentException(path + " is not a theano4j function file (its first member should be " + MANIFEST
                        + ", found " + (first == null ? "no zip member" : first.getName()) + ")");
            }
            Manifest manifest = Manifest.parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8), path.toString());
            Object function = null;
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            List<String> expected = manifest.members();
            int k = 0;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry(), k++) {
                if (k >= expected.size() || !expected.get(k).equals(e.getName())) {
                    throw new IllegalArgumentException(path + ": unexpected member " + e.getName() + " (the manifest lists " + expected + ")");
                }
                if (!e.getName().equals(FUNCTION) && !e.getName().endsWith(".npy")) {
                    throw new IllegalArgumentException(path + ": member " + e.getName() + " is neither " + FUNCTION + " nor an array");
                }
                if (e.getName().equals(FUNCTION)) {
                    function = Json.parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8), path + " " + FUNCTION);
                } else {
                    arrays.put(e.getName().substring(0, e.getName().length() - ".npy".length()), Npy.read(zip, path + "[" + e.getName() + "]"));
                }
            }
            if (k != expected.size() || function == null) {
                throw new IllegalArgumentException(path + " is truncated: it has " + k + " of the " + expected.size()
                        + " members its manifest lists");
            }
            return FunctionReader.decode(function, arrays, manifest.typeHint());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no function file at " + path, e);
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(path + " is corrupt or truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function file " + path, e);
        }
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void move(Path tmp, Path path) throws IOException {
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the save already failed; that error is the one to report
            }
        }
    }
}
