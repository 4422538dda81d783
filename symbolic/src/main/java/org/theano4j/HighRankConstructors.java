package org.theano4j;

import org.theano4j.tensor.DType;

/**
 * Theano's 5-, 6- and 7-d constructors for every typed prefix ({@code dtensor5} ... {@code btensor7})
 * and the untyped forms of dtype floatX ({@code tensor5}, the plurals {@code scalars} ...
 * {@code tensor7s}, by names or by count), inherited by {@link T}. Prefixes: d = float64,
 * f = float32, i = int32, l = int64, b = int8 (w = int16 is {@link Int16Constructors}).
 */
public abstract class HighRankConstructors extends RowColConstructors {
    HighRankConstructors() {
    }

    /** {@code count} null names; a negative count is an {@link IllegalArgumentException}. */
    static String[] unnamed(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of variables must be >= 0, got " + count);
        }
        return new String[count];
    }

    /** A float64 tensor5 named {@code name} (may be null). */
    public static Variable dtensor5(String name) { return TensorConstructors.input(DType.FLOAT64, 5, name); }
    /** An unnamed float64 tensor5. */
    public static Variable dtensor5() { return TensorConstructors.input(DType.FLOAT64, 5, null); }
    /** One float64 tensor5 per name. */
    public static Variable[] dtensor5s(String... names) { return TensorConstructors.inputs(DType.FLOAT64, 5, names); }
    /** A float64 tensor6 named {@code name} (may be null). */
    public static Variable dtensor6(String name) { return TensorConstructors.input(DType.FLOAT64, 6, name); }
    /** An unnamed float64 tensor6. */
    public static Variable dtensor6() { return TensorConstructors.input(DType.FLOAT64, 6, null); }
    /** One float64 tensor6 per name. */
    public static Variable[] dtensor6s(String... names) { return TensorConstructors.inputs(DType.FLOAT64, 6, names); }
    /** A float64 tensor7 named {@code name} (may be null). */
    public static Variable dtensor7(String name) { return TensorConstructors.input(DType.FLOAT64, 7, name); }
    /** An unnamed float64 tensor7. */
    public static Variable dtensor7() { return TensorConstructors.input(DType.FLOAT64, 7, null); }
    /** One float64 tensor7 per name. */
    public static Variable[] dtensor7s(String... names) { return TensorConstructors.inputs(DType.FLOAT64, 7, names); }
    /** A float32 tensor5 named {@code name} (may be null). */
    public static Variable ftensor5(String name) { return TensorConstructors.input(DType.FLOAT32, 5, name); }
    /** An unnamed float32 tensor5. */
    public static Variable ftensor5() { return TensorConstructors.input(DType.FLOAT32, 5, null); }
    /** One float32 tensor5 per name. */
    public static Variable[] ftensor5s(String... names) { return TensorConstructors.inputs(DType.FLOAT32, 5, names); }
    /** A float32 tensor6 named {@code name} (may be null). */
    public static Variable ftensor6(String name) { return TensorConstructors.input(DType.FLOAT32, 6, name); }
    /** An unnamed float32 tensor6. */
    public static Variable ftensor6() { return TensorConstructors.input(DType.FLOAT32, 6, null); }
    /** One float32 tensor6 per name. */
    public static Variable[] ftensor6s(String... names) { return TensorConstructors.inputs(DType.FLOAT32, 6, names); }
    /** A float32 tensor7 named {@code name} (may be null). */
    public static Variable ftensor7(String name) { return TensorConstructors.input(DType.FLOAT32, 7, name); }
    /** An unnamed float32 tensor7. */
    public static Variable ftensor7() { return TensorConstructors.input(DType.FLOAT32, 7, null); }
    /** One float32 tensor7 per name. */
    public static Variable[] ftensor7s(String... names) { return TensorConstructors.inputs(DType.FLOAT32, 7, names); }
    /** An int32 tensor5 named {@code name} (may be null). */
    public static Variable itensor5(String name) { return TensorConstructors.input(DType.INT32, 5, name); }
    /** An unnamed int32 tensor5. */
    public static Variable itensor5() { return TensorConstructors.input(DType.INT32, 5, null); }
    /** One int32 tensor5 per name. */
    public static Variable[] itensor5s(String... names) { return TensorConstructors.inputs(DType.INT32, 5, names); }
    /** An int32 tensor6 named {@code name} (may be null). */
    public static Variable itensor6(String name) { return TensorConstructors.input(DType.INT32, 6, name); }
    /** An unnamed int32 tensor6. */
    public static Variable itensor6() { return TensorConstructors.input(DType.INT32, 6, null); }
    /** One int32 tensor6 per name. */
    public static Variable[] itensor6s(String... names) { return TensorConstructors.inputs(DType.INT32, 6, names); }
    /** An int32 tensor7 named {@code name} (may be null). */
    public static Variable itensor7(String name) { return TensorConstructors.input(DType.INT32, 7, name); }
    /** An unnamed int32 tensor7. */
    public static Variable itensor7() { return TensorConstructors.input(DType.INT32, 7, null); }
    /** One int32 tensor7 per name. */
    public static Variable[] itensor7s(String... names) { return TensorConstructors.inputs(DType.INT32, 7, names); }
    /** An int64 tensor5 named {@code name} (may be null). */
    public static Variable ltensor5(String name) { return TensorConstructors.input(DType.INT64, 5, name); }
    /** An unnamed int64 tensor5. */
    public static Variable ltensor5() { return TensorConstructors.input(DType.INT64, 5, null); }
    /** One int64 tensor5 per name. */
    public static Variable[] ltensor5s(String... names) { return TensorConstructors.inputs(DType.INT64, 5, names); }
    /** An int64 tensor6 named {@code name} (may be null). */
    public static Variable ltensor6(String name) { return TensorConstructors.input(DType.INT64, 6, name); }
    /** An unnamed int64 tensor6. */
    public static Variable ltensor6() { return TensorConstructors.input(DType.INT64, 6, null); }
    /** One int64 tensor6 per name. */
    public static Variable[] ltensor6s(String... names) { return TensorConstructors.inputs(DType.INT64, 6, names); }
    /** An int64 tensor7 named {@code name} (may be null). */
    public static Variable ltensor7(String name) { return TensorConstructors.input(DType.INT64, 7, name); }
    /** An unnamed int64 tensor7. */
    public static Variable ltensor7() { return TensorConstructors.input(DType.INT64, 7, null); }
    /** One int64 tensor7 per name. */
    public static Variable[] ltensor7s(String... names) { return TensorConstructors.inputs(DType.INT64, 7, names); }
    /** An int8 tensor5 named {@code name} (may be null). */
    public static Variable btensor5(String name) { return TensorConstructors.input(DType.INT8, 5, name); }
    /** An unnamed int8 tensor5. */
    public static Variable btensor5() { return TensorConstructors.input(DType.INT8, 5, null); }
    /** One int8 tensor5 per name. */
    public static Variable[] btensor5s(String... names) { return TensorConstructors.inputs(DType.INT8, 5, names); }
    /** An int8 tensor6 named {@code name} (may be null). */
    public static Variable btensor6(String name) { return TensorConstructors.input(DType.INT8, 6, name); }
    /** An unnamed int8 tensor6. */
    public static Variable btensor6() { return TensorConstructors.input(DType.INT8, 6, null); }
    /** One int8 tensor6 per name. */
    public static Variable[] btensor6s(String... names) { return TensorConstructors.inputs(DType.INT8, 6, names); }
    /** An int8 tensor7 named {@code name} (may be null). */
    public static Variable btensor7(String name) { return TensorConstructors.input(DType.INT8, 7, name); }
    /** An unnamed int8 tensor7. */
    public static Variable btensor7() { return TensorConstructors.input(DType.INT8, 7, null); }
    /** One int8 tensor7 per name. */
    public static Variable[] btensor7s(String... names) { return TensorConstructors.inputs(DType.INT8, 7, names); }

    /** One floatX scalar per name (Theano's {@code T.scalars('a', 'b')}). */
    public static Variable[] scalars(String... names) { return TensorConstructors.inputs(Config.floatX(), 0, names); }
    /** {@code count} unnamed floatX scalar variables (Theano's {@code T.scalars(3)}). */
    public static Variable[] scalars(int count) { return TensorConstructors.inputs(Config.floatX(), 0, unnamed(count)); }
    /** One floatX vector per name (Theano's {@code T.vectors('a', 'b')}). */
    public static Variable[] vectors(String... names) { return TensorConstructors.inputs(Config.floatX(), 1, names); }
    /** {@code count} unnamed floatX vector variables (Theano's {@code T.vectors(3)}). */
    public static Variable[] vectors(int count) { return TensorConstructors.inputs(Config.floatX(), 1, unnamed(count)); }
    /** One floatX matrix per name (Theano's {@code T.matrices('a', 'b')}). */
    public static Variable[] matrices(String... names) { return TensorConstructors.inputs(Config.floatX(), 2, names); }
    /** {@code count} unnamed floatX matrix variables (Theano's {@code T.matrices(3)}). */
    public static Variable[] matrices(int count) { return TensorConstructors.inputs(Config.floatX(), 2, unnamed(count)); }
    /** An unnamed 3-d tensor of dtype floatX. */
    public static Variable tensor3() { return TensorConstructors.input(Config.floatX(), 3, null); }
    /** A 3-d tensor of {@code dtype} (Theano's {@code T.tensor3(name, dtype)}). */
    public static Variable tensor3(String name, DType dtype) { return TensorConstructors.input(dtype, 3, name); }
    /** One floatX 3-d tensor per name (Theano's {@code T.tensor3s('a', 'b')}). */
    public static Variable[] tensor3s(String... names) { return TensorConstructors.inputs(Config.floatX(), 3, names); }
    /** {@code count} unnamed floatX 3-d tensor variables (Theano's {@code T.tensor3s(3)}). */
    public static Variable[] tensor3s(int count) { return TensorConstructors.inputs(Config.floatX(), 3, unnamed(count)); }
    /** An unnamed 4-d tensor of dtype floatX. */
    public static Variable tensor4() { return TensorConstructors.input(Config.floatX(), 4, null); }
    /** A 4-d tensor of {@code dtype} (Theano's {@code T.tensor4(name, dtype)}). */
    public static Variable tensor4(String name, DType dtype) { return TensorConstructors.input(dtype, 4, name); }
    /** One floatX 4-d tensor per name (Theano's {@code T.tensor4s('a', 'b')}). */
    public static Variable[] tensor4s(String... names) { return TensorConstructors.inputs(Config.floatX(), 4, names); }
    /** {@code count} unnamed floatX 4-d tensor variables (Theano's {@code T.tensor4s(3)}). */
    public static Variable[] tensor4s(int count) { return TensorConstructors.inputs(Config.floatX(), 4, unnamed(count)); }
    /** A 5-d tensor of dtype floatX named {@code name} (may be null). */
    public static Variable tensor5(String name) { return TensorConstructors.input(Config.floatX(), 5, name); }
    /** An unnamed 5-d tensor of dtype floatX. */
    public static Variable tensor5() { return TensorConstructors.input(Config.floatX(), 5, null); }
    /** A 5-d tensor of {@code dtype} (Theano's {@code T.tensor5(name, dtype)}). */
    public static Variable tensor5(String name, DType dtype) { return TensorConstructors.input(dtype, 5, name); }
    /** One floatX 5-d tensor per name (Theano's {@code T.tensor5s('a', 'b')}). */
    public static Variable[] tensor5s(String... names) { return TensorConstructors.inputs(Config.floatX(), 5, names); }
    /** {@code count} unnamed floatX 5-d tensor variables (Theano's {@code T.tensor5s(3)}). */
    public static Variable[] tensor5s(int count) { return TensorConstructors.inputs(Config.floatX(), 5, unnamed(count)); }
    /** A 6-d tensor of dtype floatX named {@code name} (may be null). */
    public static Variable tensor6(String name) { return TensorConstructors.input(Config.floatX(), 6, name); }
    /** An unnamed 6-d tensor of dtype floatX. */
    public static Variable tensor6() { return TensorConstructors.input(Config.floatX(), 6, null); }
    /** A 6-d tensor of {@code dtype} (Theano's {@code T.tensor6(name, dtype)}). */
    public static Variable tensor6(String name, DType dtype) { return TensorConstructors.input(dtype, 6, name); }
    /** One floatX 6-d tensor per name (Theano's {@code T.tensor6s('a', 'b')}). */
    public static Variable[] tensor6s(String... names) { return TensorConstructors.inputs(Config.floatX(), 6, names); }
    /** {@code count} unnamed floatX 6-d tensor variables (Theano's {@code T.tensor6s(3)}). */
    public static Variable[] tensor6s(int count) { return TensorConstructors.inputs(Config.floatX(), 6, unnamed(count)); }
    /** A 7-d tensor of dtype floatX named {@code name} (may be null). */
    public static Variable tensor7(String name) { return TensorConstructors.input(Config.floatX(), 7, name); }
    /** An unnamed 7-d tensor of dtype floatX. */
    public static Variable tensor7() { return TensorConstructors.input(Config.floatX(), 7, null); }
    /** A 7-d tensor of {@code dtype} (Theano's {@code T.tensor7(name, dtype)}). */
    public static Variable tensor7(String name, DType dtype) { return TensorConstructors.input(dtype, 7, name); }
    /** One floatX 7-d tensor per name (Theano's {@code T.tensor7s('a', 'b')}). */
    public static Variable[] tensor7s(String... names) { return TensorConstructors.inputs(Config.floatX(), 7, names); }
    /** {@code count} unnamed floatX 7-d tensor variables (Theano's {@code T.tensor7s(3)}). */
    public static Variable[] tensor7s(int count) { return TensorConstructors.inputs(Config.floatX(), 7, unnamed(count)); }
}
