package org.theano4j.tensor.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.theano4j.tensor.NDArray;

/**
 * numpy's {@code .npz} archives ({@code np.savez}, {@code np.savez_compressed}, {@code np.load}):
 * a zip file with one {@code name.npy} member per array, stored or deflated.
 */
public final class Npz {
    private Npz() {
    }

    /** Reads every array of the archive {@code path}, by name (the member name without {@code .npy}), in archive order. */
    public static Map<String, NDArray> load(Path path) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                arrays.put(name, Npy.read(zip, path + "[" + e.getName() + "]"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot read " + path, e);
        }
        return arrays;
    }

    /** Writes {@code arrays} uncompressed ({@code np.savez}), replacing the file. */
    public static void save(Path path, Map<String, NDArray> arrays) {
        write(path, arrays, false);
    }

    /** Writes {@code arrays} deflated ({@code np.savez_compressed}), replacing the file. */
    public static void saveCompressed(Path path, Map<String, NDArray> arrays) {
        write(path, arrays, true);
    }

    private static void write(Path path, Map<String, NDArray> arrays, boolean compressed) {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16))) {
            writeMembers(zip, arrays, compressed);
        } catch (IOException e) {
            throw new UncheckedIOException("npz: cannot write " + path, e);
        }
    }

    /**
     * Adds one {@code name.npy} member per array to an open zip stream, as {@link #save} and
     * {@link #saveCompressed} do (for containers that hold other members too).
     */
    public static void writeMembers(ZipOutputStream zip, Map<String, NDArray> arrays, boolean compressed) throws IOException {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                stored(entry, e.getValue());
            }
            zip.putNextEntry(entry);
            Npy.write(zip, e.getValue());
            zip.closeEntry();
        }
    }

    /** A stored member needs its size and CRC before its data: one pass over the array computes them. */
    private static void stored(ZipEntry entry, NDArray a) throws IOException {
        Counting counter = new Counting();
        CheckedOutputStream crc = new CheckedOutputStream(counter, new CRC32());
        Npy.write(crc, a);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(counter.bytes);
        entry.setCompressedSize(counter.bytes);
        entry.setCrc(crc.getChecksum().getValue());
    }

    /** Counts the bytes written to it and drops them. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
