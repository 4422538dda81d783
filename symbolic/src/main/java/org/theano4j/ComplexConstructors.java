package org.theano4j;

import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;

/**
 * Theano's complex constructors, inherited by {@link T}: prefix {@code c} is complex64 ({@code cscalar} ...
 * {@code ctensor7}, {@code crow}, {@code ccol} and their plurals), prefix {@code z} complex128. They promote by
 * numpy's table ({@link DType#promote}): complex64 with bool, int8/16, uint8/16 or float32 stays complex64, with
 * int32/int64/uint32/uint64 or float64 it widens to complex128. See {@link T#real}, {@link T#imag} and
 * {@link T#complex} for the ops that go between real and complex.
 */
public abstract class ComplexConstructors extends CountedConstructors {
    private static final boolean[] ROW = {true, false};
    private static final boolean[] COL = {false, true};

    ComplexConstructors() {
    }

    private static Variable pattern(DType dtype, boolean[] broadcastable, String name) {
        return new Variable(new TensorType(dtype, broadcastable.clone()), null, 0, name);
    }

    private static Variable[] patterns(DType dtype, boolean[] broadcastable, String[] names) {
        Variable[] vs = new Variable[names.length];
        for (int i = 0; i < names.length; i++) {
            vs[i] = pattern(dtype, broadcastable, names[i]);
        }
        return vs;
    }

    /** A complex64 scalar named {@code name} (may be null). */
    public static Variable cscalar(String name) { return TensorConstructors.input(DType.COMPLEX64, 0, name); }
    /** An unnamed complex64 scalar. */
    public static Variable cscalar() { return TensorConstructors.input(DType.COMPLEX64, 0, null); }
    /** One complex64 scalar per name. */
    public static Variable[] cscalars(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 0, names); }
    /** A complex64 vector named {@code name} (may be null). */
    public static Variable cvector(String name) { return TensorConstructors.input(DType.COMPLEX64, 1, name); }
    /** An unnamed complex64 vector. */
    public static Variable cvector() { return TensorConstructors.input(DType.COMPLEX64, 1, null); }
    /** One complex64 vector per name. */
    public static Variable[] cvectors(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 1, names); }
    /** A complex64 matrix named {@code name} (may be null). */
    public static Variable cmatrix(String name) { return TensorConstructors.input(DType.COMPLEX64, 2, name); }
    /** An unnamed complex64 matrix. */
    public static Variable cmatrix() { return TensorConstructors.input(DType.COMPLEX64, 2, null); }
    /** One complex64 matrix per name. */
    public static Variable[] cmatrices(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 2, names); }
    /** A complex64 tensor3 named {@code name} (may be null). */
    public static Variable ctensor3(String name) { return TensorConstructors.input(DType.COMPLEX64, 3, name); }
    /** An unnamed complex64 tensor3. */
    public static Variable ctensor3() { return TensorConstructors.input(DType.COMPLEX64, 3, null); }
    /** One complex64 tensor3 per name. */
    public static Variable[] ctensor3s(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 3, names); }
    /** A complex64 tensor4 named {@code name} (may be null). */
    public static Variable ctensor4(String name) { return TensorConstructors.input(DType.COMPLEX64, 4, name); }
    /** An unnamed complex64 tensor4. */
    public static Variable ctensor4() { return TensorConstructors.input(DType.COMPLEX64, 4, null); }
    /** One complex64 tensor4 per name. */
    public static Variable[] ctensor4s(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 4, names); }
    /** A complex64 tensor5 named {@code name} (may be null). */
    public static Variable ctensor5(String name) { return TensorConstructors.input(DType.COMPLEX64, 5, name); }
    /** An unnamed complex64 tensor5. */
    public static Variable ctensor5() { return TensorConstructors.input(DType.COMPLEX64, 5, null); }
    /** One complex64 tensor5 per name. */
    public static Variable[] ctensor5s(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 5, names); }
    /** A complex64 tensor6 named {@code name} (may be null). */
    public static Variable ctensor6(String name) { return TensorConstructors.input(DType.COMPLEX64, 6, name); }
    /** An unnamed complex64 tensor6. */
    public static Variable ctensor6() { return TensorConstructors.input(DType.COMPLEX64, 6, null); }
    /** One complex64 tensor6 per name. */
    public static Variable[] ctensor6s(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 6, names); }
    /** A complex64 tensor7 named {@code name} (may be null). */
    public static Variable ctensor7(String name) { return TensorConstructors.input(DType.COMPLEX64, 7, name); }
    /** An unnamed complex64 tensor7. */
    public static Variable ctensor7() { return TensorConstructors.input(DType.COMPLEX64, 7, null); }
    /** One complex64 tensor7 per name. */
    public static Variable[] ctensor7s(String... names) { return TensorConstructors.inputs(DType.COMPLEX64, 7, names); }
    /** A complex64 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable crow(String name) { return pattern(DType.COMPLEX64, ROW, name); }
    /** An unnamed complex64 row. */
    public static Variable crow() { return pattern(DType.COMPLEX64, ROW, null); }
    /** One complex64 row per name. */
    public static Variable[] crows(String... names) { return patterns(DType.COMPLEX64, ROW, names); }
    /** A complex64 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable ccol(String name) { return pattern(DType.COMPLEX64, COL, name); }
    /** An unnamed complex64 column. */
    public static Variable ccol() { return pattern(DType.COMPLEX64, COL, null); }
    /** One complex64 column per name. */
    public static Variable[] ccols(String... names) { return patterns(DType.COMPLEX64, COL, names); }
    /** A complex128 scalar named {@code name} (may be null). */
    public static Variable zscalar(String name) { return TensorConstructors.input(DType.COMPLEX128, 0, name); }
    /** An unnamed complex128 scalar. */
    public static Variable zscalar() { return TensorConstructors.input(DType.COMPLEX128, 0, null); }
    /** One complex128 scalar per name. */
    public static Variable[] zscalars(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 0, names); }
    /** A complex128 vector named {@code name} (may be null). */
    public static Variable zvector(String name) { return TensorConstructors.input(DType.COMPLEX128, 1, name); }
    /** An unnamed complex128 vector. */
    public static Variable zvector() { return TensorConstructors.input(DType.COMPLEX128, 1, null); }
    /** One complex128 vector per name. */
    public static Variable[] zvectors(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 1, names); }
    /** A complex128 matrix named {@code name} (may be null). */
    public static Variable zmatrix(String name) { return TensorConstructors.input(DType.COMPLEX128, 2, name); }
    /** An unnamed complex128 matrix. */
    public static Variable zmatrix() { return TensorConstructors.input(DType.COMPLEX128, 2, null); }
    /** One complex128 matrix per name. */
    public static Variable[] zmatrices(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 2, names); }
    /** A complex128 tensor3 named {@code name} (may be null). */
    public static Variable ztensor3(String name) { return TensorConstructors.input(DType.COMPLEX128, 3, name); }
    /** An unnamed complex128 tensor3. */
    public static Variable ztensor3() { return TensorConstructors.input(DType.COMPLEX128, 3, null); }
    /** One complex128 tensor3 per name. */
    public static Variable[] ztensor3s(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 3, names); }
    /** A complex128 tensor4 named {@code name} (may be null). */
    public static Variable ztensor4(String name) { return TensorConstructors.input(DType.COMPLEX128, 4, name); }
    /** An unnamed complex128 tensor4. */
    public static Variable ztensor4() { return TensorConstructors.input(DType.COMPLEX128, 4, null); }
    /** One complex128 tensor4 per name. */
    public static Variable[] ztensor4s(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 4, names); }
    /** A complex128 tensor5 named {@code name} (may be null). */
    public static Variable ztensor5(String name) { return TensorConstructors.input(DType.COMPLEX128, 5, name); }
    /** An unnamed complex128 tensor5. */
    public static Variable ztensor5() { return TensorConstructors.input(DType.COMPLEX128, 5, null); }
    /** One complex128 tensor5 per name. */
    public static Variable[] ztensor5s(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 5, names); }
    /** A complex128 tensor6 named {@code name} (may be null). */
    public static Variable ztensor6(String name) { return TensorConstructors.input(DType.COMPLEX128, 6, name); }
    /** An unnamed complex128 tensor6. */
    public static Variable ztensor6() { return TensorConstructors.input(DType.COMPLEX128, 6, null); }
    /** One complex128 tensor6 per name. */
    public static Variable[] ztensor6s(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 6, names); }
    /** A complex128 tensor7 named {@code name} (may be null). */
    public static Variable ztensor7(String name) { return TensorConstructors.input(DType.COMPLEX128, 7, name); }
    /** An unnamed complex128 tensor7. */
    public static Variable ztensor7() { return TensorConstructors.input(DType.COMPLEX128, 7, null); }
    /** One complex128 tensor7 per name. */
    public static Variable[] ztensor7s(String... names) { return TensorConstructors.inputs(DType.COMPLEX128, 7, names); }
    /** A complex128 row (1 x n, first axis broadcastable) named {@code name} (may be null). */
    public static Variable zrow(String name) { return pattern(DType.COMPLEX128, ROW, name); }
    /** An unnamed complex128 row. */
    public static Variable zrow() { return pattern(DType.COMPLEX128, ROW, null); }
    /** One complex128 row per name. */
    public static Variable[] zrows(String... names) { return patterns(DType.COMPLEX128, ROW, names); }
    /** A complex128 column (n x 1, second axis broadcastable) named {@code name} (may be null). */
    public static Variable zcol(String name) { return pattern(DType.COMPLEX128, COL, name); }
    /** An unnamed complex128 column. */
    public static Variable zcol() { return pattern(DType.COMPLEX128, COL, null); }
    /** One complex128 column per name. */
    public static Variable[] zcols(String... names) { return patterns(DType.COMPLEX128, COL, names); }
}
