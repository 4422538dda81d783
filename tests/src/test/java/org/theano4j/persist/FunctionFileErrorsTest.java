package org.theano4j.persist;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;

/**
 * Files a load must refuse, each with an {@link IllegalArgumentException} that says what is
 * wrong: truncated anywhere, corrupted, not a function file, a newer format version, an op or
 * class this build does not have or may not build, and edits that break the graph. Saving what is
 * not data is refused too, leaving an earlier file whole.
 */
class FunctionFileErrorsTest {
    /** A file edit and a fragment of the message it must cause. */
    record Edit(String name, String member, UnaryOperator<String> change, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Edit> edits() {
        return List.of(
                new Edit("newer format version", "manifest.json", s -> s.replace("\"formatVersion\": 1", "\"formatVersion\": 2"),
                        "format version 2"),
                new Edit("another format", "manifest.json", s -> s.replace("theano4j-function", "keras"), "not a theano4j function file"),
                new Edit("unknown op", "function.json", s -> s.replace("org.theano4j.op.Dot", "org.theano4j.op.NoSuchOp"),
                        "org.theano4j.op.NoSuchOp', which this build of theano4j does not have"),
                new Edit("a class outside the registered packages", "function.json",
                        s -> s.replace("org.theano4j.op.Dot", "java.io.File"), "in no package registered"),
                new Edit("a registered class that is not data", "function.json",
                        s -> s.replace("org.theano4j.op.Dot", "org.theano4j.op.Loops"), "neither a record nor an enum"),
                new Edit("an unknown enum constant", "function.json", s -> s.replace("\"SIGMOID\"", "\"SIGMOIDAL\""),
                        "has no constant SIGMOIDAL"),
                new Edit("a field this build's record lacks", "function.json",
                        s -> s.replace("\"class\": \"org.theano4j.op.Dot\"", "\"class\": \"org.theano4j.op.Dot\", \"transA\": true"),
                        "has fields [transA] but this build's has []"),
                new Edit("a variable used before it is defined", "function.json", s -> s.replace("\"inputs\": [0, 2]", "\"inputs\": [0, 99]"),
                        "variable 99 is used before it is defined"),
                new Edit("inputs an op rejects", "function.json", s -> s.replace("\"nInputs\": 3", "\"nInputs\": 4"),
                        "rejects its saved inputs"),
                new Edit("a type this build infers otherwise", "function.json",
                        s -> s.replaceFirst("\"outputs\": \\[\\{\"id\": 3, \"type\": \\{\"dtype\": \"float64\"",
                                "\"outputs\": [{\"id\": 3, \"type\": {\"dtype\": \"float32\""),
                        "gives TensorType(float64, vector) in this JVM but the file says TensorType(float32, vector)"),
                new Edit("broken JSON", "function.json", s -> s.substring(0, s.length() / 2), "is not valid JSON"),
                new Edit("a member the manifest does not list", "manifest.json", s -> s.replace("\"a0.npy\", ", ""),
                        "unexpected member a0.npy"),
                new Edit("a member the manifest lists but the file lacks", "manifest.json",
                        s -> s.replace("\"a0.npy\"", "\"a0.npy\", \"a9.npy\""), "has no member a9.npy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anEditedFileIsRefused(Edit edit, @TempDir Path dir) throws IOException {
        Path file = saved(dir);
        rewrite(file, edit.member(), edit.change());
        refused(file, edit.message());
    }

    @Test
    void aFileTruncatedAnywhereIsRefused(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {0, 3, 40, all.length / 3, all.length / 2, all.length - 30, all.length - 1}) {
            Path part = dir.resolve("cut" + cut + ".t4j");
            Files.write(part, java.util.Arrays.copyOf(all, cut));
            refused(part, "corrupt or truncated");
        }
    }

    @Test
    void aCorruptedByteIsRefused(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\u0093NUMPY") + 200;
        all[at] ^= 0x10;
        Files.write(file, all);
        refused(file, "does not match its checksum");
    }

    @Test
    void otherFilesAreRefused(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a zip at all");
        refused(text, "not a theano4j function file");
        Path npz = dir.resolve("weights.npz");
        Theano.saveShared(npz, List.of(Theano.shared(1.0, "w")));
        refused(npz, "has no member manifest.json: it is not a theano4j function file");
        refused(dir.resolve("missing.t4j"), "no function file at");
    }

    @Test
    void aPrintWithACustomSinkIsNotSavedAndAnEarlierFileStaysWhole(@TempDir Path dir) {
        Path file = saved(dir);
        Variable x = T.dvector("x");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Function f = Theano.function(List.of(x), T.print("x", x, lines::add).sum());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.save(file));
        assertTrue(e.getMessage().contains("Print{x}.sink is a lambda or other code, which is not data"), e.getMessage());
        Theano.load(file).call(new double[][] {{1, 2}}, new double[] {3, 4});
    }

    /** {@code f(x) = sigmoid(dot(x, w) + b)} with shared w and b, saved. */
    private static Path saved(Path dir) {
        Variable x = T.dmatrix("x");
        Variable y = T.dvector("y");
        SharedVariable w = Theano.shared(new double[] {0.5, -1.0}, "w");
        SharedVariable b = Theano.shared(0.25, "b");
        Function f = Theano.function(List.of(x, y), T.sigmoid(T.dot(x, w).add(b)).add(y.sum()));
        Path file = dir.resolve("f.t4j");
        f.save(file);
        return file;
    }

    private static void refused(Path file, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Theano.load(file));
        assertTrue(e.getMessage().contains(message), () -> "expected \"" + message + "\" in: " + e.getMessage());
    }

    /** Rewrites one member of the zip {@code file}, keeping the others and their order. */
    private static void rewrite(Path file, String member, UnaryOperator<String> change) throws IOException {
        Path copy = file.resolveSibling("edited.zip");
        try (ZipFile in = new ZipFile(file.toFile()); OutputStream os = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(member)) {
                    String edited = change.apply(new String(data, StandardCharsets.UTF_8));
                    assertTrue(!edited.equals(new String(data, StandardCharsets.UTF_8)), "the edit changed nothing in " + member);
                    data = edited.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
