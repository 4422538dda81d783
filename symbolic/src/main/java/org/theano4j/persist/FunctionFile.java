package org.theano4j.persist;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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
     *
     * @param device the device to run on instead of the saved one, or null for the saved one
     */
    public static Function load(Path path, String device) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Manifest manifest = Manifest.parse(text(zip, MANIFEST, path), path.toString());
            Set<String> names = new LinkedHashSet<>(List.of(MANIFEST));
            names.addAll(manifest.members());
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                String name = all.nextElement().getName();
                if (!names.contains(name)) {
                    throw new IllegalArgumentException(path + ": unexpected member " + name + " (the manifest lists " + names + ")");
                }
            }
            Object function = Json.parse(text(zip, FUNCTION, path), path + " " + FUNCTION);
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (String name : manifest.members()) {
                if (name.endsWith(".npy")) {
                    arrays.put(name.substring(0, name.length() - ".npy".length()),
                            member(zip, name, path, in -> Npy.read(in, path + "[" + name + "]")));
                } else if (!name.equals(FUNCTION)) {
                    throw new IllegalArgumentException(path + ": member " + name + " is neither " + FUNCTION + " nor an array");
                }
            }
            return FunctionReader.decode(function, arrays, manifest.typeHint(), device);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new IllegalArgumentException("no function file at " + path, e);
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(path + " is not a theano4j function file, or is corrupt or truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function file " + path, e);
        }
    }

    /** Member {@code name} as UTF-8 text. */
    private static String text(ZipFile zip, String name, Path path) throws IOException {
        return member(zip, name, path, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Reads member {@code name} with {@code reader}, then checks it against the CRC the zip stores
     * for it (a corrupt member is reported as such, even when the reader failed on it first).
     */
    private static <T> T member(ZipFile zip, String name, Path path, MemberReader<T> reader) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IllegalArgumentException(path + " has no member " + name + (name.equals(MANIFEST)
                    ? ": it is not a theano4j function file" : ", which its manifest lists: it is truncated or was edited"));
        }
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(e), new CRC32())) {
            T value = null;
            IllegalArgumentException unreadable = null;
            try {
                value = reader.read(in);
            } catch (IllegalArgumentException ex) {
                unreadable = ex;
            }
            in.transferTo(OutputStream.nullOutputStream());
            if (in.getChecksum().getValue() != e.getCrc()) {
                throw new IllegalArgumentException(path + " is corrupt: member " + name + " does not match its checksum", unreadable);
            }
            if (unreadable != null) {
                throw unreadable;
            }
            return value;
        }
    }

    /** Reads one member's stream. */
    @FunctionalInterface
    private interface MemberReader<T> {
        T read(InputStream in) throws IOException;
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
