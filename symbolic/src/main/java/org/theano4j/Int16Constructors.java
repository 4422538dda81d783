package org.theano4j;

import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;

/**
 * Theano's int16 constructors (prefix {@code w}: {@code wscalar} ... {@code wtensor7}, {@code wrow},
 * {@code wcol} and their plurals), inherited by {@link T}. int16 promotes by numpy's table: with
 * int8 or bool it stays int16, with int32/int64 it widens to those, with float32 it gives float32
 * and with float64 float64; a Java {@code Number} operand is weak ({@code wvector + 1} stays int16).
 */
public abstract class Int16Constructors extends ComplexConstructors {
    private static final boolean[] ROW = {true, false};
    private static final boolean[] COL = {false, true};

    Int16Constructors() {
    }

    private static Variable pattern(boolean[] broadcastable, String name) {
        return new Variable(new TensorType(DType.INT16, broadcastable.clone()), null, 0, name);
    }

    /** An int16 scalar named {@code name} (may be null). */
    public static Variable wscalar(String name) { return TensorConstructors.input(DType.INT16, 0, name); }
    /** An unnamed int16 scalar. */
    public static Variable wscalar() { return TensorConstructors.input(DType.INT16, 0, null); }
    /** One int16 scalar per name. */
    public static Variable[] wscalars(String... names) { return TensorConstructors.inputs(DType.INT16, 0, names); }
    /** An int16 vector named {@code name} (may be null). */
    public static Variable wvector(String name) { return TensorConstructors.input(DType.INT16, 1, name); }
    /** An unnamed int16 vector. */
    public static Variable wvector() { return TensorConstructors.input(DType.INT16, 1, null); }
    /** One int16 vector per name. */
    public static Variable[] wvectors(String... names) { return TensorConstructors.inputs(DType.INT16, 1, names); }
    /** An int16 matrix named {@code name} (may be null). */
    public static Variable wmatrix(String name) { return TensorConstructors.input(DType.INT16, 2, name); }
    /** An unnamed int16 matrix. */
    public static Variable wmatrix() { return TensorConstructors.input(DType.INT16, 2, null); }
    /** One int16 matrix per name. */
    public static Variable[] wmatrices(String... names) { return TensorConstructors.inputs(DType.INT16, 2, names); }
    /** An int16 tensor3 named {@code name} (may be null). */
    public static Variable wtensor3(String name) { return TensorConstructors.input(DType.INT16, 3, name); }
    /** An unnamed int16 tensor3. */
    public static Variable wtensor3() { return TensorConstructors.input(DType.INT16, 3, null); }
    /** One int16 tensor3 per name. */
    public static Variable[] wtensor3s(String... names) { return TensorConstructors.inputs(DType.INT16, 3, names); }
    /** An int16 tensor4 named {@code name} (may be null). */
    public static Variable wtensor4(String name) { return TensorConstructors.input(DType.INT16, 4, name); }
    /** An unnamed int16 tensor4. */
    public static Variable wtensor4() { return TensorConstructors.input(DType.INT16, 4, null); }
    /** One int16 tensor4 per name. */
    public static Variable[] wtensor4s(String... names) { return TensorConstructors.inputs(DType.INT16, 4, names); }
    /** An int16 tensor5 named {@code name} (may be null). */
    public static Variable wtensor5(String name) { return TensorConstructors.input(DType.INT16, 5, name); }
    /** An unnamed int16 tensor5. */
    public static Variable wtensor5() { return TensorConstructors.input(DType.INT16, 5, null); }
    /** One int16 tensor5 per name. */
    public static Variable[] wtensor5s(String... names) { return TensorConstructors.inputs(DType.INT16, 5, names); }
    /** An int16 tensor6 named {@code name} (may be null). */
    public static Variable wtensor6(String name) { return TensorConstructors.input(DType.INT16, 6, name); }
    /** An unnamed int16 tensor6. */
    public static Variable wtensor6() { return TensorConstructors.input(DType.INT16, 6, null); }
    /** One int16 tensor6 per name. */
    public static Variable[] wtensor6s(String... names) { return TensorConstructors.inputs(DType.INT16, 6, names); }
    /** An int16 tensor7 named {@code name} (may be null). */
    public static Variable wtensor7(String name) { return TensorConstructors.input(DType.INT16, 7, name); }
    /** An unnamed int16 tensor7. */
    public static Variable wtensor7() { return TensorConstructors.input(DType.INT16, 7, null); }
    /** One int16 tensor7 per name. */
    public static Variable[] wtensor7s(String... names) { return TensorConstructors.inputs(DType.INT16, 7, names); }
    /** An int16 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable wrow(String name) { return pattern(ROW, name); }
    /** An unnamed int16 row. */
    public static Variable wrow() { return pattern(ROW, null); }
    /** One int16 row per name. */
    public static Variable[] wrows(String... names) {
        Variable[] vs = new Variable[names.length];
        for (int i = 0; i < names.length; i++) {
            vs[i] = pattern(ROW, names[i]);
        }
        return vs;
    }
    /** An int16 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable wcol(String name) { return pattern(COL, name); }
    /** An unnamed int16 column. */
    public static Variable wcol() { return pattern(COL, null); }
    /** One int16 column per name. */
    public static Variable[] wcols(String... names) {
        Variable[] vs = new Variable[names.length];
        for (int i = 0; i < names.length; i++) {
            vs[i] = pattern(COL, names[i]);
        }
        return vs;
    }
}
