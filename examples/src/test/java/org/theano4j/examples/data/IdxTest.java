package org.theano4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Idx} on hand-made files of every idx type, plain and gzipped, and on broken ones. */
class IdxTest {
    private static byte[] idx(int type, int[] dims, Writer body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(type);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        body.write(out);
        return bytes.toByteArray();
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void unsignedBytesInCOrderPlainAndGzipped(@TempDir Path dir) throws IOException {
        byte[] file = idx(0x08, new int[] {2, 3}, o -> o.write(new byte[] {0, 1, (byte) 255, 7, (byte) 128, 9}));
        double[] want = {0, 1, 255, 7, 128, 9};
        Idx.Array a = Idx.read(new ByteArrayInputStream(file), "x-idx2-ubyte");
        assertArrayEquals(new int[] {2, 3}, a.dims());
        assertArrayEquals(want, a.values());
        Path gz = dir.resolve("x-idx2-ubyte.gz");
        Files.write(gz, gzip(file));
        assertArrayEquals(want, Idx.read(gz).values());
    }

    @Test
    void everyOtherType() throws IOException {
        assertArrayEquals(new double[] {-1, 127}, read(0x09, o -> o.write(new byte[] {-1, 127})));
        assertArrayEquals(new double[] {-300, 32767}, read(0x0B, o -> {
            o.writeShort(-300);
            o.writeShort(32767);
        }));
        assertArrayEquals(new double[] {-70000, Integer.MAX_VALUE}, read(0x0C, o -> {
            o.writeInt(-70000);
            o.writeInt(Integer.MAX_VALUE);
        }));
        assertArrayEquals(new double[] {0.1f, -2.5f}, read(0x0D, o -> {
            o.writeFloat(0.1f);
            o.writeFloat(-2.5f);
        }));
        assertArrayEquals(new double[] {0.1, -1e300}, read(0x0E, o -> {
            o.writeDouble(0.1);
            o.writeDouble(-1e300);
        }));
    }

    private static double[] read(int type, Writer w) throws IOException {
        return Idx.read(new ByteArrayInputStream(idx(type, new int[] {2}, w)), "v").values();
    }

    @Test
    void brokenFilesNameTheFile() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(new byte[] {1, 0, 8, 1}), "bad"));
        assertEquals("bad: not an idx file (the first two bytes must be zero)", e.getMessage());
        byte[] shortFile = idx(0x08, new int[] {4}, o -> o.write(new byte[] {1, 2}));
        e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(shortFile), "short"));
        assertEquals("short: idx data ends after 2 of 4 values", e.getMessage());
        byte[] unknown = idx(0x0A, new int[] {1}, o -> o.write(0));
        e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(unknown), "odd"));
        assertTrue(e.getMessage().startsWith("odd: unknown idx type 0xa"), e.getMessage());
    }
}
