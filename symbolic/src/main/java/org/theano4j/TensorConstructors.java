package org.theano4j;

import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;

/**
 * Theano's typed variable constructors ({@code dscalar} ... {@code btensor4} and their plural
 * forms), inherited by {@link T} so that they are called as {@code T.dmatrix("x")}.
 * Prefixes: d = float64, f = float32, i = int32, l = int64, b = int8.
 */
public abstract class TensorConstructors extends Int16Constructors {
    TensorConstructors() {
    }

    /** A new symbolic input tensor of the given dtype, rank and name. */
    static Variable input(DType dtype, int ndim, String name) {
        return new Variable(TensorType.of(dtype, ndim), null, 0, name);
    }

    /** One new input per name. */
    static Variable[] inputs(DType dtype, int ndim, String... names) {
        Variable[] vs = new Variable[names.length];
        for (int i = 0; i < names.length; i++) {
            vs[i] = input(dtype, ndim, names[i]);
        }
        return vs;
    }

    /** A float64 scalar named {@code name} (may be null). */
    public static Variable dscalar(String name) {
        return input(DType.FLOAT64, 0, name);
    }

    /** An unnamed float64 scalar. */
    public static Variable dscalar() {
        return input(DType.FLOAT64, 0, null);
    }

    /** One float64 scalar per name. */
    public static Variable[] dscalars(String... names) {
        return inputs(DType.FLOAT64, 0, names);
    }

    /** A float64 vector named {@code name} (may be null). */
    public static Variable dvector(String name) {
        return input(DType.FLOAT64, 1, name);
    }

    /** An unnamed float64 vector. */
    public static Variable dvector() {
        return input(DType.FLOAT64, 1, null);
    }

    /** One float64 vector per name. */
    public static Variable[] dvectors(String... names) {
        return inputs(DType.FLOAT64, 1, names);
    }

    /** A float64 matrix named {@code name} (may be null). */
    public static Variable dmatrix(String name) {
        return input(DType.FLOAT64, 2, name);
    }

    /** An unnamed float64 matrix. */
    public static Variable dmatrix() {
        return input(DType.FLOAT64, 2, null);
    }

    /** One float64 matrix per name. */
    public static Variable[] dmatrices(String... names) {
        return inputs(DType.FLOAT64, 2, names);
    }

    /** A float64 tensor3 named {@code name} (may be null). */
    public static Variable dtensor3(String name) {
        return input(DType.FLOAT64, 3, name);
    }

    /** An unnamed float64 tensor3. */
    public static Variable dtensor3() {
        return input(DType.FLOAT64, 3, null);
    }

    /** One float64 tensor3 per name. */
    public static Variable[] dtensor3s(String... names) {
        return inputs(DType.FLOAT64, 3, names);
    }

    /** A float64 tensor4 named {@code name} (may be null). */
    public static Variable dtensor4(String name) {
        return input(DType.FLOAT64, 4, name);
    }

    /** An unnamed float64 tensor4. */
    public static Variable dtensor4() {
        return input(DType.FLOAT64, 4, null);
    }

    /** One float64 tensor4 per name. */
    public static Variable[] dtensor4s(String... names) {
        return inputs(DType.FLOAT64, 4, names);
    }

    /** A float32 scalar named {@code name} (may be null). */
    public static Variable fscalar(String name) {
        return input(DType.FLOAT32, 0, name);
    }

    /** An unnamed float32 scalar. */
    public static Variable fscalar() {
        return input(DType.FLOAT32, 0, null);
    }

    /** One float32 scalar per name. */
    public static Variable[] fscalars(String... names) {
        return inputs(DType.FLOAT32, 0, names);
    }

    /** A float32 vector named {@code name} (may be null). */
    public static Variable fvector(String name) {
        return input(DType.FLOAT32, 1, name);
    }

    /** An unnamed float32 vector. */
    public static Variable fvector() {
        return input(DType.FLOAT32, 1, null);
    }

    /** One float32 vector per name. */
    public static Variable[] fvectors(String... names) {
        return inputs(DType.FLOAT32, 1, names);
    }

    /** A float32 matrix named {@code name} (may be null). */
    public static Variable fmatrix(String name) {
        return input(DType.FLOAT32, 2, name);
    }

    /** An unnamed float32 matrix. */
    public static Variable fmatrix() {
        return input(DType.FLOAT32, 2, null);
    }

    /** One float32 matrix per name. */
    public static Variable[] fmatrices(String... names) {
        return inputs(DType.FLOAT32, 2, names);
    }

    /** A float32 tensor3 named {@code name} (may be null). */
    public static Variable ftensor3(String name) {
        return input(DType.FLOAT32, 3, name);
    }

    /** An unnamed float32 tensor3. */
    public static Variable ftensor3() {
        return input(DType.FLOAT32, 3, null);
    }

    /** One float32 tensor3 per name. */
    public static Variable[] ftensor3s(String... names) {
        return inputs(DType.FLOAT32, 3, names);
    }

    /** A float32 tensor4 named {@code name} (may be null). */
    public static Variable ftensor4(String name) {
        return input(DType.FLOAT32, 4, name);
    }

    /** An unnamed float32 tensor4. */
    public static Variable ftensor4() {
        return input(DType.FLOAT32, 4, null);
    }

    /** One float32 tensor4 per name. */
    public static Variable[] ftensor4s(String... names) {
        return inputs(DType.FLOAT32, 4, names);
    }

    /** A int32 scalar named {@code name} (may be null). */
    public static Variable iscalar(String name) {
        return input(DType.INT32, 0, name);
    }

    /** An unnamed int32 scalar. */
    public static Variable iscalar() {
        return input(DType.INT32, 0, null);
    }

    /** One int32 scalar per name. */
    public static Variable[] iscalars(String... names) {
        return inputs(DType.INT32, 0, names);
    }

    /** A int32 vector named {@code name} (may be null). */
    public static Variable ivector(String name) {
        return input(DType.INT32, 1, name);
    }

    /** An unnamed int32 vector. */
    public static Variable ivector() {
        return input(DType.INT32, 1, null);
    }

    /** One int32 vector per name. */
    public static Variable[] ivectors(String... names) {
        return inputs(DType.INT32, 1, names);
    }

    /** A int32 matrix named {@code name} (may be null). */
    public static Variable imatrix(String name) {
        return input(DType.INT32, 2, name);
    }

    /** An unnamed int32 matrix. */
    public static Variable imatrix() {
        return input(DType.INT32, 2, null);
    }

    /** One int32 matrix per name. */
    public static Variable[] imatrices(String... names) {
        return inputs(DType.INT32, 2, names);
    }

    /** A int32 tensor3 named {@code name} (may be null). */
    public static Variable itensor3(String name) {
        return input(DType.INT32, 3, name);
    }

    /** An unnamed int32 tensor3. */
    public static Variable itensor3() {
        return input(DType.INT32, 3, null);
    }

    /** One int32 tensor3 per name. */
    public static Variable[] itensor3s(String... names) {
        return inputs(DType.INT32, 3, names);
    }

    /** A int32 tensor4 named {@code name} (may be null). */
    public static Variable itensor4(String name) {
        return input(DType.INT32, 4, name);
    }

    /** An unnamed int32 tensor4. */
    public static Variable itensor4() {
        return input(DType.INT32, 4, null);
    }

    /** One int32 tensor4 per name. */
    public static Variable[] itensor4s(String... names) {
        return inputs(DType.INT32, 4, names);
    }

    /** A int64 scalar named {@code name} (may be null). */
    public static Variable lscalar(String name) {
        return input(DType.INT64, 0, name);
    }

    /** An unnamed int64 scalar. */
    public static Variable lscalar() {
        return input(DType.INT64, 0, null);
    }

    /** One int64 scalar per name. */
    public static Variable[] lscalars(String... names) {
        return inputs(DType.INT64, 0, names);
    }

    /** A int64 vector named {@code name} (may be null). */
    public static Variable lvector(String name) {
        return input(DType.INT64, 1, name);
    }

    /** An unnamed int64 vector. */
    public static Variable lvector() {
        return input(DType.INT64, 1, null);
    }

    /** One int64 vector per name. */
    public static Variable[] lvectors(String... names) {
        return inputs(DType.INT64, 1, names);
    }

    /** A int64 matrix named {@code name} (may be null). */
    public static Variable lmatrix(String name) {
        return input(DType.INT64, 2, name);
    }

    /** An unnamed int64 matrix. */
    public static Variable lmatrix() {
        return input(DType.INT64, 2, null);
    }

    /** One int64 matrix per name. */
    public static Variable[] lmatrices(String... names) {
        return inputs(DType.INT64, 2, names);
    }

    /** A int64 tensor3 named {@code name} (may be null). */
    public static Variable ltensor3(String name) {
        return input(DType.INT64, 3, name);
    }

    /** An unnamed int64 tensor3. */
    public static Variable ltensor3() {
        return input(DType.INT64, 3, null);
    }

    /** One int64 tensor3 per name. */
    public static Variable[] ltensor3s(String... names) {
        return inputs(DType.INT64, 3, names);
    }

    /** A int64 tensor4 named {@code name} (may be null). */
    public static Variable ltensor4(String name) {
        return input(DType.INT64, 4, name);
    }

    /** An unnamed int64 tensor4. */
    public static Variable ltensor4() {
        return input(DType.INT64, 4, null);
    }

    /** One int64 tensor4 per name. */
    public static Variable[] ltensor4s(String... names) {
        return inputs(DType.INT64, 4, names);
    }

    /** A int8 scalar named {@code name} (may be null). */
    public static Variable bscalar(String name) {
        return input(DType.INT8, 0, name);
    }

    /** An unnamed int8 scalar. */
    public static Variable bscalar() {
        return input(DType.INT8, 0, null);
    }

    /** One int8 scalar per name. */
    public static Variable[] bscalars(String... names) {
        return inputs(DType.INT8, 0, names);
    }

    /** A int8 vector named {@code name} (may be null). */
    public static Variable bvector(String name) {
        return input(DType.INT8, 1, name);
    }

    /** An unnamed int8 vector. */
    public static Variable bvector() {
        return input(DType.INT8, 1, null);
    }

    /** One int8 vector per name. */
    public static Variable[] bvectors(String... names) {
        return inputs(DType.INT8, 1, names);
    }

    /** A int8 matrix named {@code name} (may be null). */
    public static Variable bmatrix(String name) {
        return input(DType.INT8, 2, name);
    }

    /** An unnamed int8 matrix. */
    public static Variable bmatrix() {
        return input(DType.INT8, 2, null);
    }

    /** One int8 matrix per name. */
    public static Variable[] bmatrices(String... names) {
        return inputs(DType.INT8, 2, names);
    }

    /** A int8 tensor3 named {@code name} (may be null). */
    public static Variable btensor3(String name) {
        return input(DType.INT8, 3, name);
    }

    /** An unnamed int8 tensor3. */
    public static Variable btensor3() {
        return input(DType.INT8, 3, null);
    }

    /** One int8 tensor3 per name. */
    public static Variable[] btensor3s(String... names) {
        return inputs(DType.INT8, 3, names);
    }

    /** A int8 tensor4 named {@code name} (may be null). */
    public static Variable btensor4(String name) {
        return input(DType.INT8, 4, name);
    }

    /** An unnamed int8 tensor4. */
    public static Variable btensor4() {
        return input(DType.INT8, 4, null);
    }

    /** One int8 tensor4 per name. */
    public static Variable[] btensor4s(String... names) {
        return inputs(DType.INT8, 4, names);
    }
}
