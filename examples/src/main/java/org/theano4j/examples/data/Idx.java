package org.theano4j.examples.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the idx format of MNIST and Fashion-MNIST (LeCun's): two zero bytes, a type byte
 * (0x08 unsigned byte, 0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double), the
 * number of dimensions, each dimension as a big-endian 32-bit integer, then the values in C order,
 * big-endian. Files ending in {@code .gz} are gunzipped on the fly.
 */
public final class Idx {
    private Idx() {
    }

    /**
     * The contents of an idx file: its dimensions and values, as doubles (exact for every idx type).
     *
     * @param dims the dimensions, outermost first
     * @param values the values in C order
     */
    public record Array(int[] dims, double[] values) {
        /** Copies nothing; the record owns the arrays it is given. */
        public Array {
            if (Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b) != values.length) {
                throw new IllegalArgumentException("idx: dims " + Arrays.toString(dims) + " do not hold "
                        + values.length + " values");
            }
        }

        /** The size of dimension {@code axis}. */
        public int dim(int axis) {
            return dims[axis];
        }
    }

    /** Reads an idx file, gunzipping it when its name ends in {@code .gz}. */
    public static Array read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString());
        }
    }

    /**
     * Reads idx data from {@code in}, gunzipping it when {@code name} ends in {@code .gz}.
     *
     * @throws IOException when the stream ends early or its header is not idx (the message names {@code name})
     */
    public static Array read(InputStream in, String name) throws IOException {
        InputStream raw = name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : new BufferedInputStream(in, 1 << 16);
        DataInputStream data = new DataInputStream(raw);
        if (data.readUnsignedByte() != 0 || data.readUnsignedByte() != 0) {
            throw new IOException(name + ": not an idx file (the first two bytes must be zero)");
        }
        int type = data.readUnsignedByte();
        int ndim = data.readUnsignedByte();
        int[] dims = new int[ndim];
        long count = 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = data.readInt();
            count *= Integer.toUnsignedLong(dims[i]);
            if (dims[i] < 0 || count > Integer.MAX_VALUE - 8) {
                throw new IOException(name + ": idx dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + " too large");
            }
        }
        return new Array(dims, values(data, type, (int) count, name));
    }

    private static double[] values(DataInputStream data, int type, int count, String name) throws IOException {
        double[] out = new double[count];
        if (type == 0x08 || type == 0x09) {
            byte[] bytes = data.readNBytes(count);
            if (bytes.length != count) {
                throw new IOException(name + ": idx data ends after " + bytes.length + " of " + count + " values");
            }
            for (int i = 0; i < count; i++) {
                out[i] = type == 0x08 ? Byte.toUnsignedInt(bytes[i]) : bytes[i];
            }
            return out;
        }
        for (int i = 0; i < count; i++) {
            out[i] = switch (type) {
                case 0x0B -> data.readShort();
                case 0x0C -> data.readInt();
                case 0x0D -> data.readFloat();
                case 0x0E -> data.readDouble();
                default -> throw new IOException(name + ": unknown idx type 0x" + Integer.toHexString(type)
                        + " (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E)");
            };
        }
        return out;
    }
}
