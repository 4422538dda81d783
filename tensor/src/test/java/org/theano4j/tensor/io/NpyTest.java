package org.theano4j.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * .npy/.npz against files numpy wrote ({@code tensor/scripts/npy_reference.py}): every dtype,
 * shape, C and Fortran order and byte order loads with numpy's values, and what we write for the
 * same array is byte for byte numpy's file.
 */
class NpyTest {
    /** One row of the manifest: the file and what numpy put in it. */
    record Expected(String file, DType dtype, boolean fortran, boolean bigEndian, long[] shape, String[] values) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static Path dir() {
        try {
            return Path.of(NpyTest.class.getResource("/npy/manifest.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Expected> manifest() throws IOException {
        List<Expected> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir().resolve("manifest.tsv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long[] shape = f[4].isEmpty() ? new long[0] : java.util.Arrays.stream(f[4].split(",")).mapToLong(Long::parseLong).toArray();
            String[] values = f[5].isEmpty() ? new String[0] : f[5].split(" ");
            rows.add(new Expected(f[0], DType.of(f[1]), f[2].equals("F"), f[3].equals(">"), shape, values));
        }
        return rows;
    }

    static List<Expected> npyFiles() throws IOException {
        return manifest().stream().filter(e -> !e.file().contains(":")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyFiles")
    void numpysFileLoadsWithNumpysValues(Expected e) {
        NDArray a = Npy.load(dir().resolve(e.file()));
        assertValues(e, a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyFiles")
    void whatWeWriteIsNumpysFileByteForByte(Expected e) throws IOException {
        if (e.bigEndian()) {
            return; // we write this machine's byte order; the little-endian twin of this file is checked
        }
        NDArray a = Npy.load(dir().resolve(e.file()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        assertArrayEquals(Files.readAllBytes(dir().resolve(e.file())), out.toByteArray(), e.file());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyFiles")
    void mappedFilesHaveTheSameValues(Expected e) {
        if (e.bigEndian() && e.dtype().byteSize() > 1) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Npy.map(dir().resolve(e.file())));
            assertTrue(x.getMessage().contains("use Npy.load"), x.getMessage());
            return;
        }
        assertValues(e, Npy.map(dir().resolve(e.file())));
    }

    @Test
    void npzArchivesStoredAndDeflatedLoadInOrder() throws IOException {
        Map<String, Expected> want = new LinkedHashMap<>();
        for (Expected e : manifest()) {
            if (e.file().startsWith("model.npz:")) {
                want.put(e.file().substring("model.npz:".length()), e);
            }
        }
        for (String file : List.of("model.npz", "model_compressed.npz")) {
            Map<String, NDArray> got = Npz.load(dir().resolve(file));
            assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()), file);
            want.forEach((k, e) -> assertValues(e, got.get(k)));
        }
    }

    @Test
    void npzRoundTripsStoredAndCompressed(@TempDir Path tmp) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        arrays.put("w", NDArray.of(new double[][] {{1.5, -2}, {3, Double.NaN}}));
        arrays.put("i", NDArray.of(new long[] {Long.MIN_VALUE, 7}));
        arrays.put("wT", NDArray.of(new float[][] {{1, 2, 3}, {4, 5, 6}}).transpose());
        for (boolean compressed : new boolean[] {false, true}) {
            Path p = tmp.resolve(compressed ? "c.npz" : "s.npz");
            if (compressed) {
                Npz.saveCompressed(p, arrays);
            } else {
                Npz.save(p, arrays);
            }
            Map<String, NDArray> back = Npz.load(p);
            assertEquals(arrays, back);
        }
    }

    @Test
    void randomArraysAndStridedViewsRoundTrip(@TempDir Path tmp) {
        SplittableRandom r = new SplittableRandom(20261203);
        for (int trial = 0; trial < 60; trial++) {
            DType d = DType.values()[r.nextInt(DType.values().length)];
            long[] shape = new long[r.nextInt(4)];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = r.nextInt(5);
            }
            NDArray a = NDArray.zeros(d, shape);
            for (long i = 0; i < a.size(); i++) {
                a.setFlatLong(i, r.nextLong());
            }
            NDArray view = shape.length >= 2 && r.nextBoolean() ? a.transpose()
                    : shape.length >= 1 && shape[0] > 1 ? a.slice(0, shape[0] - 1, -1, -1) : a;
            Path p = tmp.resolve("t" + trial + ".npy");
            Npy.save(p, view);
            assertEquals(view, Npy.load(p), d + " " + java.util.Arrays.toString(shape));
            assertEquals(view, Npy.map(p));
        }
    }

    @Test
    void largeFilesMapWithoutReading(@TempDir Path tmp) {
        long n = 3_000_000;
        NDArray a = NDArray.zeros(DType.FLOAT64, n);
        for (long i = 0; i < n; i += 4099) {
            a.setFlat(i, i * 0.5);
        }
        Path p = tmp.resolve("big.npy");
        Npy.save(p, a);
        NDArray m = Npy.map(p);
        assertEquals(n, m.size());
        assertEquals((n - 1) / 4099 * 4099 * 0.5, m.getDouble((n - 1) / 4099 * 4099));
        assertEquals(a, m);
    }

    @Test
    void badFilesGiveClearErrors(@TempDir Path tmp) throws IOException {
        byte[] good = Files.readAllBytes(dir().resolve("float64_2x3_C_le.npy"));
        assertMessage(tmp, java.util.Arrays.copyOf(good, good.length - 5), "truncated");
        assertMessage(tmp, java.util.Arrays.copyOf(good, 40), "ends inside its header");
        assertMessage(tmp, "hello world, not numpy".getBytes(), "not a .npy file");
        assertMessage(tmp, replace(good, "'<f8'", "'<f2'"), "unsupported dtype '<f2'");
        assertMessage(tmp, replace(good, "'<f8'", "'<c4'"), "unsupported dtype '<c4'");
        byte[] v9 = good.clone();
        v9[6] = 9;
        assertMessage(tmp, v9, "format version 9");
        assertThrows(UncheckedIOException.class, () -> Npy.load(tmp.resolve("missing.npy")));
    }

    private static byte[] replace(byte[] file, String from, String to) {
        String s = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.replace(from, to).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void assertMessage(Path tmp, byte[] content, String part) throws IOException {
        Path p = tmp.resolve("bad.npy");
        Files.write(p, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.load(p));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static void assertValues(Expected e, NDArray a) {
        assertEquals(e.dtype(), a.dtype(), e.file());
        assertArrayEquals(e.shape(), a.shape(), e.file());
        assertEquals(e.values().length, a.size(), e.file());
        for (int i = 0; i < e.values().length; i++) {
            String v = e.values()[i];
            if (e.dtype().isComplex()) {
                String[] reIm = v.split(",");
                assertEquals(Double.doubleToLongBits(parse(reIm[0])), Double.doubleToLongBits(a.getFlat(i)), e.file() + " re " + i);
                assertEquals(Double.doubleToLongBits(parse(reIm[1])), Double.doubleToLongBits(a.getFlatImag(i)), e.file() + " im " + i);
            } else if (e.dtype().isFloat()) {
                assertEquals(Double.doubleToLongBits(parse(v)), Double.doubleToLongBits(a.getFlat(i)), e.file() + " at " + i);
            } else {
                assertEquals(Long.parseUnsignedLong(v.startsWith("-") ? Long.toUnsignedString(Long.parseLong(v)) : v),
                        a.getFlatLong(i), e.file() + " at " + i);
            }
        }
    }

    private static double parse(String v) {
        return switch (v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }
}
