package org.theano4j.tensor;

import java.util.function.LongFunction;

/** numpy 2.x {@code repr} and {@code str} of arrays with default print options (a port of numpy's arrayprint). */
final class ArrayPrinter {
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String PREFIX = "array(";

    private final NDArray array;
    private final String prefix;
    private final String separator;
    private final long[] shape;
    private final long[] strides;
    private final boolean summarize;
    private LongFunction<String> formatter;

    private ArrayPrinter(NDArray array, String prefix, String separator) {
        this.array = array;
        this.prefix = prefix;
        this.separator = separator;
        this.shape = array.shape();
        this.strides = array.strides();
        this.summarize = array.size() > THRESHOLD;
    }

    /** numpy's {@code repr(a)}. */
    static String repr(NDArray a) {
        String body = a.size() == 0 ? "[]" : new ArrayPrinter(a, PREFIX, ", ").render();
        StringBuilder extras = new StringBuilder();
        long[] shape = a.shape();
        boolean summarized = a.size() > THRESHOLD;
        if (summarized || a.size() == 0 && !(shape.length == 1 && shape[0] == 0)) {
            extras.append("shape=").append(Shapes.toString(shape));
        }
        DType d = a.dtype();
        boolean implied = d == DType.FLOAT64 || d == DType.INT64 || d == DType.BOOL || d == DType.COMPLEX128;
        if (!implied || a.size() == 0) {
            extras.append(extras.isEmpty() ? "" : ", ").append("dtype=").append(d.numpyName());
        }
        if (extras.isEmpty()) {
            return PREFIX + body + ")";
        }
        String arrStr = PREFIX + body + ",";
        int lastLineLength = arrStr.length() - (arrStr.lastIndexOf('\n') + 1);
        String spacer = lastLineLength + extras.length() + 2 > LINE_WIDTH ? "\n" + " ".repeat(PREFIX.length()) : " ";
        return arrStr + spacer + extras + ")";
    }

    /** numpy's {@code str(a)}: elements separated by spaces, no {@code array(...)}; a 0-d array prints its value. */
    static String str(NDArray a) {
        if (a.ndim() == 0) {
            return scalarString(a);
        }
        return a.size() == 0 ? "[]" : new ArrayPrinter(a, "", " ").render();
    }

    private static String scalarString(NDArray a) {
        return switch (a.dtype().kind()) {
            case 'b' -> a.readLong(a.offset()) != 0 ? "True" : "False";
            case 'f' -> PythonFloat.repr(a.readDouble(a.offset()), a.dtype() == DType.FLOAT32);
            case 'c' -> ComplexFormat.python(a.readDouble(a.offset()), a.readImag(a.offset()), a.dtype() == DType.COMPLEX64);
            default -> new ArrayPrinter(a, "", " ").intString(a.offset());
        };
    }

    private String render() {
        long[] positions = gather();
        formatter = switch (array.dtype().kind()) {
            case 'b' -> boolFormat(positions);
            case 'f' -> new FloatFormat(array, positions)::format;
            case 'c' -> new ComplexFormat(array, positions)::format;
            default -> intFormat(positions);
        };
        String hanging = " " + " ".repeat(prefix.length());
        return recurse(0, array.offset(), hanging, LINE_WIDTH - 1);
    }

    /** Indices shown along an axis: all, or the edge items when summarizing. */
    private long[] shownIndices(int axis) {
        long n = shape[axis];
        if (summarize && n > 2 * EDGE_ITEMS) {
            long[] out = new long[2 * EDGE_ITEMS];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                out[i] = i;
                out[EDGE_ITEMS + i] = n - EDGE_ITEMS + i;
            }
            return out;
        }
        // not summarized: the whole array, so this axis too, has at most THRESHOLD elements
        long[] out = new long[Math.toIntExact(n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Physical positions of every element that will be printed. */
    private long[] gather() {
        long[] positions = {array.offset()};
        for (int axis = 0; axis < shape.length; axis++) {
            long[] shown = shownIndices(axis);
            long[] next = new long[positions.length * shown.length];
            int k = 0;
            for (long p : positions) {
                for (long i : shown) {
                    next[k++] = p + i * strides[axis];
                }
            }
            positions = next;
        }
        return positions;
    }

    private LongFunction<String> boolFormat(long[] positions) {
        String trueString = shape.length == 0 ? "True" : " True";
        return pos -> array.readLong(pos) != 0 ? trueString : "False";
    }

    private LongFunction<String> intFormat(long[] positions) {
        int width = 0;
        for (long p : positions) {
            width = Math.max(width, intString(p).length());
        }
        int w = width;
        return pos -> pad(intString(pos), w);
    }

    private String intString(long pos) {
        long v = array.readLong(pos);
        return array.dtype() == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private String recurse(int axis, long pos, String hanging, int width) {
        if (axis == shape.length) {
            return formatter.apply(pos);
        }
        String nextHanging = hanging + " ";
        int nextWidth = width - 1;
        long n = shape[axis];
        boolean summary = summarize && 2 * EDGE_ITEMS < n;
        long leading = summary ? EDGE_ITEMS : 0;
        long trailing = summary ? EDGE_ITEMS : n;
        StringBuilder s = new StringBuilder();
        if (shape.length - axis == 1) {
            lastAxis(s, axis, pos, hanging, width, leading, trailing, summary);
        } else {
            String lineSep = separator.stripTrailing() + "\n".repeat(shape.length - axis - 1);
            for (long i = 0; i < leading; i++) {
                s.append(hanging).append(recurse(axis + 1, pos + i * strides[axis], nextHanging, nextWidth))
                        .append(lineSep);
            }
            if (summary) {
                s.append(hanging).append("...").append(lineSep);
            }
            for (long i = n - trailing; i < n; i++) {
                s.append(hanging).append(recurse(axis + 1, pos + i * strides[axis], nextHanging, nextWidth));
                s.append(i < n - 1 ? lineSep : "");
            }
        }
        return "[" + s.substring(hanging.length()) + "]";
    }

    private void lastAxis(StringBuilder s, int axis, long pos, String hanging, int width,
                          long leading, long trailing, boolean summary) {
        int elemWidth = width - 1;
        long n = shape[axis];
        StringBuilder line = new StringBuilder(hanging);
        for (long i = 0; i < leading; i++) {
            extendLine(s, line, formatter.apply(pos + i * strides[axis]), elemWidth, hanging);
            line.append(separator);
        }
        if (summary) {
            extendLine(s, line, "...", elemWidth, hanging);
            line.append(separator);
        }
        for (long i = n - trailing; i < n; i++) {
            extendLine(s, line, formatter.apply(pos + i * strides[axis]), elemWidth, hanging);
            if (i < n - 1) {
                line.append(separator);
            }
        }
        s.append(line);
    }

    private static void extendLine(StringBuilder s, StringBuilder line, String word, int width, String hanging) {
        boolean wrap = line.length() + word.length() > width && line.length() > hanging.length();
        if (wrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(hanging);
        }
        line.append(word);
    }
}
