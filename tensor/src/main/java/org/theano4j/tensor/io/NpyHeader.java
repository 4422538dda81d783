package org.theano4j.tensor.io;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.Shapes;

/**
 * The header of a {@code .npy} file (numpy's {@code lib/format.py}): the magic string, a version,
 * the header length, and a Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }} padded with spaces to a multiple of 64 bytes and ended by a newline.
 *
 * @param dtype the element type
 * @param order the byte order of the data in the file
 * @param fortranOrder whether the data is laid out in Fortran (column-major) order
 * @param shape the array's shape
 */
record NpyHeader(DType dtype, ByteOrder order, boolean fortranOrder, long[] shape) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** numpy leaves room for the growing axis to reach this many digits (in-place appends). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** The dict literal as numpy 2 writes it, keys sorted, with numpy's spare space for a growing axis. */
    String dictLiteral() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr()).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': ").append(pythonTuple(shape)).append(", }");
        if (shape.length > 0) {
            long growing = shape[fortranOrder ? shape.length - 1 : 0];
            sb.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growing).length())));
        }
        return sb.toString();
    }

    /** numpy's type string: byte-order mark, kind, item size ({@code <f8}, {@code |b1}). */
    String descr() {
        char mark = dtype.byteSize() == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return "" + mark + dtype.kind() + dtype.byteSize();
    }

    /** The whole header (magic to newline), version 1.0 unless the dict needs the 4-byte length of 2.0. */
    byte[] encode() {
        byte[] dict = dictLiteral().getBytes(StandardCharsets.ISO_8859_1);
        boolean v1 = dict.length + 1 + padding(10, dict.length + 1) <= 0xFFFF;
        int prefix = v1 ? 10 : 12;
        int len = dict.length + 1 + padding(prefix, dict.length + 1);
        byte[] out = new byte[prefix + len];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (v1 ? 1 : 2);
        for (int i = 8; i < prefix; i++) {
            out[i] = (byte) (len >>> (8 * (i - 8)));
        }
        System.arraycopy(dict, 0, out, prefix, dict.length);
        java.util.Arrays.fill(out, prefix + dict.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    private static int padding(int prefix, int headerLength) {
        return ALIGN - (prefix + headerLength) % ALIGN;
    }

    private static String pythonTuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Number of data bytes that follow the header. */
    long dataBytes() {
        try {
            return Math.multiplyExact(Shapes.size(shape), (long) dtype.byteSize());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("npy header: shape " + Shapes.toString(shape) + " of " + dtype.numpyName()
                    + " is too big");
        }
    }

    /** Parses the dict literal of a header; {@link IllegalArgumentException} naming what is wrong. */
    static NpyHeader parse(String dict) {
        PythonLiteral p = new PythonLiteral(dict);
        String descr = null;
        Boolean fortran = null;
        long[] shape = null;
        p.expect('{');
        while (!p.peekIs('}')) {
            String key = p.string();
            p.expect(':');
            switch (key) {
                case "descr" -> descr = p.peekIs('[') ? structured() : p.string();
                case "fortran_order" -> fortran = p.bool();
                case "shape" -> shape = p.intTuple();
                default -> throw new IllegalArgumentException("npy header: unknown key '" + key + "' in " + dict.strip());
            }
            if (!p.peekIs('}')) {
                p.expect(',');
            }
        }
        p.expect('}');
        if (descr == null || fortran == null || shape == null) {
            throw new IllegalArgumentException("npy header: needs 'descr', 'fortran_order' and 'shape', got " + dict.strip());
        }
        return fromDescr(descr, fortran, shape);
    }

    private static String structured() {
        throw new IllegalArgumentException("npy: structured dtypes (a 'descr' list) are not supported");
    }

    private static NpyHeader fromDescr(String descr, boolean fortran, long[] shape) {
        if (descr.length() < 3) {
            throw unsupported(descr);
        }
        char mark = descr.charAt(0);
        ByteOrder order = switch (mark) {
            case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> throw unsupported(descr);
        };
        String type = descr.substring(1);
        for (DType d : DType.values()) {
            if (type.equals("" + d.kind() + d.byteSize())) {
                return new NpyHeader(d, order, fortran, shape);
            }
        }
        throw unsupported(descr);
    }

    private static IllegalArgumentException unsupported(String descr) {
        List<String> known = new ArrayList<>();
        for (DType d : DType.values()) {
            known.add(d.numpyName() + " ('" + (d.byteSize() == 1 ? '|' : '<') + d.kind() + d.byteSize() + "')");
        }
        return new IllegalArgumentException("npy: unsupported dtype '" + descr + "'; supported: " + String.join(", ", known));
    }
}
