package org.theano4j;

import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;

/**
 * Theano's row and column constructors ({@code T.row}, {@code T.col}, {@code T.drow} ...
 * {@code T.bcols}): matrices with one broadcastable axis, inherited by {@link T} through
 * {@link TensorConstructors}. A row has broadcastable pattern {@code (true, false)} (shape
 * {@code 1 x n}), a column {@code (false, true)} (shape {@code n x 1}); adding either to a matrix
 * repeats it along that axis. Prefixes: d = float64, f = float32, i = int32, l = int64, b = int8;
 * without a prefix the dtype is floatX.
 */
public abstract class RowColConstructors {
    private static final boolean[] ROW = {true, false};
    private static final boolean[] COL = {false, true};

    RowColConstructors() {
    }

    private static Variable pattern(DType dtype, boolean[] broadcastable, String name) {
        return new Variable(new TensorType(dtype, broadcastable.clone()), null, 0, name);
    }

    private static Variable[] patterns(DType dtype, boolean[] broadcastable, String... names) {
        Variable[] vs = new Variable[names.length];
        for (int i = 0; i < names.length; i++) {
            vs[i] = pattern(dtype, broadcastable, names[i]);
        }
        return vs;
    }

    /** A floatX row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable row(String name) { return pattern(Config.floatX(), ROW, name); }
    /** An unnamed floatX row. */
    public static Variable row() { return pattern(Config.floatX(), ROW, null); }
    /** A row of {@code dtype} (Theano's {@code T.row(name, dtype)}). */
    public static Variable row(String name, DType dtype) { return pattern(dtype, ROW, name); }
    /** One floatX row per name. */
    public static Variable[] rows(String... names) { return patterns(Config.floatX(), ROW, names); }
    /** A floatX column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable col(String name) { return pattern(Config.floatX(), COL, name); }
    /** An unnamed floatX column. */
    public static Variable col() { return pattern(Config.floatX(), COL, null); }
    /** A column of {@code dtype} (Theano's {@code T.col(name, dtype)}). */
    public static Variable col(String name, DType dtype) { return pattern(dtype, COL, name); }
    /** One floatX column per name. */
    public static Variable[] cols(String... names) { return patterns(Config.floatX(), COL, names); }

    /** A float64 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable drow(String name) { return pattern(DType.FLOAT64, ROW, name); }
    /** An unnamed float64 row. */
    public static Variable drow() { return pattern(DType.FLOAT64, ROW, null); }
    /** One float64 row per name. */
    public static Variable[] drows(String... names) { return patterns(DType.FLOAT64, ROW, names); }
    /** A float64 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable dcol(String name) { return pattern(DType.FLOAT64, COL, name); }
    /** An unnamed float64 col. */
    public static Variable dcol() { return pattern(DType.FLOAT64, COL, null); }
    /** One float64 col per name. */
    public static Variable[] dcols(String... names) { return patterns(DType.FLOAT64, COL, names); }

    /** A float32 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable frow(String name) { return pattern(DType.FLOAT32, ROW, name); }
    /** An unnamed float32 row. */
    public static Variable frow() { return pattern(DType.FLOAT32, ROW, null); }
    /** One float32 row per name. */
    public static Variable[] frows(String... names) { return patterns(DType.FLOAT32, ROW, names); }
    /** A float32 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable fcol(String name) { return pattern(DType.FLOAT32, COL, name); }
    /** An unnamed float32 col. */
    public static Variable fcol() { return pattern(DType.FLOAT32, COL, null); }
    /** One float32 col per name. */
    public static Variable[] fcols(String... names) { return patterns(DType.FLOAT32, COL, names); }

    /** A int32 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable irow(String name) { return pattern(DType.INT32, ROW, name); }
    /** An unnamed int32 row. */
    public static Variable irow() { return pattern(DType.INT32, ROW, null); }
    /** One int32 row per name. */
    public static Variable[] irows(String... names) { return patterns(DType.INT32, ROW, names); }
    /** A int32 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable icol(String name) { return pattern(DType.INT32, COL, name); }
    /** An unnamed int32 col. */
    public static Variable icol() { return pattern(DType.INT32, COL, null); }
    /** One int32 col per name. */
    public static Variable[] icols(String... names) { return patterns(DType.INT32, COL, names); }

    /** A int64 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable lrow(String name) { return pattern(DType.INT64, ROW, name); }
    /** An unnamed int64 row. */
    public static Variable lrow() { return pattern(DType.INT64, ROW, null); }
    /** One int64 row per name. */
    public static Variable[] lrows(String... names) { return patterns(DType.INT64, ROW, names); }
    /** A int64 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable lcol(String name) { return pattern(DType.INT64, COL, name); }
    /** An unnamed int64 col. */
    public static Variable lcol() { return pattern(DType.INT64, COL, null); }
    /** One int64 col per name. */
    public static Variable[] lcols(String... names) { return patterns(DType.INT64, COL, names); }

    /** A int8 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable brow(String name) { return pattern(DType.INT8, ROW, name); }
    /** An unnamed int8 row. */
    public static Variable brow() { return pattern(DType.INT8, ROW, null); }
    /** One int8 row per name. */
    public static Variable[] brows(String... names) { return patterns(DType.INT8, ROW, names); }
    /** A int8 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable bcol(String name) { return pattern(DType.INT8, COL, name); }
    /** An unnamed int8 col. */
    public static Variable bcol() { return pattern(DType.INT8, COL, null); }
    /** One int8 col per name. */
    public static Variable[] bcols(String... names) { return patterns(DType.INT8, COL, names); }
}
