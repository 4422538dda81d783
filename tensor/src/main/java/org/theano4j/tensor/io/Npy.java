package org.theano4j.tensor.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/**
 * numpy's {@code .npy} format ({@code np.save} / {@code np.load}, format versions 1.0 to 3.0):
 * every {@link DType}, C and Fortran order, little- and big-endian data. Files written here are
 * byte for byte what numpy 2 writes for the same array. {@link #map} maps a large file straight
 * into a {@link MemorySegment} instead of reading it.
 */
public final class Npy {
    private static final int CHUNK = 1 << 20;

    private Npy() {
    }

    /** Reads the array in the {@code .npy} file {@code path} ({@code np.load}). */
    public static NDArray load(Path path) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), CHUNK)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot read " + path, e);
        }
    }

    /** Reads one {@code .npy} array from {@code in} (left positioned after its data); {@code source} names it in errors. */
    public static NDArray read(InputStream in, String source) throws IOException {
        NpyHeader h = readHeader(new DataInputStream(in), source);
        NDArray a = allocate(h);
        readData(in, a.segment(), h.dataBytes(), source);
        if (h.order() != ByteOrder.nativeOrder()) {
            swapBytes(a.segment(), h.dtype(), Shapes.size(h.shape()));
        }
        return a;
    }

    /** Writes {@code a} to {@code path} ({@code np.save}), replacing the file. */
    public static void save(Path path, NDArray a) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), CHUNK)) {
            write(out, a);
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot write " + path, e);
        }
    }

    /** Writes {@code a} in {@code .npy} format to {@code out}: a Fortran-ordered file for a Fortran-contiguous view, else C order. */
    public static void write(OutputStream out, NDArray a) throws IOException {
        boolean fortran = !a.isCContiguous() && a.transpose().isCContiguous();
        NDArray data = fortran ? a.transpose() : a.contiguous();
        out.write(new NpyHeader(a.dtype(), ByteOrder.nativeOrder(), fortran, a.shape()).encode());
        long bytes = data.size() * data.dtype().byteSize();
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(bytes, 1))];
        for (long done = 0; done < bytes; done += buf.length) {
            int n = (int) Math.min(buf.length, bytes - done);
            MemorySegment.copy(data.segment(), ValueLayout.JAVA_BYTE, data.byteOffset() + done, buf, 0, n);
            out.write(buf, 0, n);
        }
    }

    /**
     * Maps the {@code .npy} file {@code path} read-only into memory ({@code np.load(mmap_mode='r')}):
     * the array's segment is the file's data, paged in on demand and unmapped once unreachable.
     * Needs data in this machine's byte order.
     */
    public static NDArray map(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), Arena.ofAuto());
            NpyHeader h = readHeader(new DataInputStream(new SegmentInputStream(file)), path.toString());
            if (h.order() != ByteOrder.nativeOrder() && h.dtype().byteSize() > 1) {
                throw new IllegalArgumentException("npy: cannot map " + path + ": its data is " + h.order()
                        + ", this machine is " + ByteOrder.nativeOrder() + "; use Npy.load");
            }
            long start = headerLength(file);
            if (file.byteSize() - start < h.dataBytes()) {
                throw new IllegalArgumentException("npy: " + path + " is truncated: needs " + h.dataBytes()
                        + " data bytes, has " + (file.byteSize() - start));
            }
            MemorySegment data = file.asSlice(start, h.dataBytes());
            return NDArray.view(data, h.dtype(), h.shape(), strides(h), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("npy: cannot map " + path, e);
        }
    }

    private static long headerLength(MemorySegment file) {
        int major = file.get(ValueLayout.JAVA_BYTE, 6);
        return major == 1 ? 10 + Short.toUnsignedInt(file.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8))
                : 12 + Integer.toUnsignedLong(file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8));
    }

    static NpyHeader readHeader(DataInputStream in, String source) throws IOException {
        byte[] magic = new byte[8];
        readFully(in, magic, source);
        if (!Arrays.equals(Arrays.copyOf(magic, 6), NpyHeader.MAGIC)) {
            throw new IllegalArgumentException("npy: " + source + " is not a .npy file (no \\x93NUMPY magic)");
        }
        int major = magic[6];
        if (major < 1 || major > 3) {
            throw new IllegalArgumentException("npy: " + source + " has format version " + major + "." + magic[7]
                    + "; supported: 1.0, 2.0, 3.0");
        }
        byte[] len = new byte[major == 1 ? 2 : 4];
        readFully(in, len, source);
        long n = 0;
        for (int i = len.length - 1; i >= 0; i--) {
            n = n << 8 | (len[i] & 0xFF);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("npy: " + source + " has a header of " + n + " bytes");
        }
        byte[] dict = new byte[(int) n];
        readFully(in, dict, source);
        return NpyHeader.parse(new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    private static void readFully(DataInputStream in, byte[] b, String source) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IllegalArgumentException("npy: " + source + " ends inside its header");
        }
    }

    private static NDArray allocate(NpyHeader h) {
        NDArray flat = NDArray.empty(h.dtype(), h.dataBytes() / h.dtype().byteSize());
        return NDArray.view(flat.segment(), h.dtype(), h.shape(), strides(h), 0);
    }

    private static long[] strides(NpyHeader h) {
        long[] shape = h.shape();
        if (!h.fortranOrder()) {
            return Shapes.cStrides(shape);
        }
        long[] strides = new long[shape.length];
        long s = 1;
        for (int i = 0; i < shape.length; i++) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    private static void readData(InputStream in, MemorySegment seg, long bytes, String source) throws IOException {
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(bytes, 1))];
        for (long done = 0; done < bytes;) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, bytes - done));
            if (n < 0) {
                throw new IllegalArgumentException("npy: " + source + " is truncated: needs " + bytes + " data bytes, has " + done);
            }
            MemorySegment.copy(buf, 0, seg, ValueLayout.JAVA_BYTE, done, n);
            done += n;
        }
    }

    /** Reverses the bytes of each of the {@code n} elements in {@code seg} (of each part of a complex element). */
    private static void swapBytes(MemorySegment seg, DType dtype, long n) {
        if (dtype.isComplex()) {
            swapBytes(seg, dtype.componentType(), 2 * n);
            return;
        }
        switch (dtype.byteSize()) {
            case 2 -> {
                for (long i = 0; i < n; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_SHORT, i, Short.reverseBytes(seg.getAtIndex(ValueLayout.JAVA_SHORT, i)));
                }
            }
            case 4 -> {
                for (long i = 0; i < n; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_INT, i, Integer.reverseBytes(seg.getAtIndex(ValueLayout.JAVA_INT, i)));
                }
            }
            case 8 -> {
                for (long i = 0; i < n; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_LONG, i, Long.reverseBytes(seg.getAtIndex(ValueLayout.JAVA_LONG, i)));
                }
            }
            default -> {
                // one-byte elements have no byte order
            }
        }
    }
}
