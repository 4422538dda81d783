package org.theano4j.tensor;

import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Element type of an {@link NDArray}, mirroring numpy's dtypes. */
public enum DType {
    /** Boolean, stored as one byte (0 or 1). */
    BOOL("bool", 1, 'b', ValueLayout.JAVA_BYTE),
    /** Signed 8-bit integer. */
    INT8("int8", 1, 'i', ValueLayout.JAVA_BYTE),
    /** Signed 16-bit integer. */
    INT16("int16", 2, 'i', ValueLayout.JAVA_SHORT),
    /** Signed 32-bit integer. */
    INT32("int32", 4, 'i', ValueLayout.JAVA_INT),
    /** Signed 64-bit integer. */
    INT64("int64", 8, 'i', ValueLayout.JAVA_LONG),
    /** Unsigned 8-bit integer. */
    UINT8("uint8", 1, 'u', ValueLayout.JAVA_BYTE),
    /** Unsigned 16-bit integer. */
    UINT16("uint16", 2, 'u', ValueLayout.JAVA_SHORT),
    /** Unsigned 32-bit integer. */
    UINT32("uint32", 4, 'u', ValueLayout.JAVA_INT),
    /** Unsigned 64-bit integer. */
    UINT64("uint64", 8, 'u', ValueLayout.JAVA_LONG),
    /** IEEE 754 single precision. */
    FLOAT32("float32", 4, 'f', ValueLayout.JAVA_FLOAT),
    /** IEEE 754 double precision. */
    FLOAT64("float64", 8, 'f', ValueLayout.JAVA_DOUBLE),
    /**
     * Complex number of two float32 (real, imaginary), interleaved as numpy stores it; its
     * {@link #layout()} is the layout of one component.
     */
    COMPLEX64("complex64", 8, 'c', ValueLayout.JAVA_FLOAT),
    /** Complex number of two float64 (real, imaginary), interleaved; {@link #layout()} is one component's. */
    COMPLEX128("complex128", 16, 'c', ValueLayout.JAVA_DOUBLE);

    private final String numpyName;
    private final int byteSize;
    private final char kind;
    private final ValueLayout layout;

    DType(String numpyName, int byteSize, char kind, ValueLayout layout) {
        this.numpyName = numpyName;
        this.byteSize = byteSize;
        this.kind = kind;
        this.layout = layout;
    }

    /** The numpy name, e.g. {@code "float64"}. */
    public String numpyName() {
        return numpyName;
    }

    /** Looks a dtype up by its numpy name; throws IllegalArgumentException listing valid names. */
    public static DType of(String numpyName) {
        for (DType d : values()) {
            if (d.numpyName.equals(numpyName)) {
                return d;
            }
        }
        String valid = Arrays.stream(values()).map(DType::numpyName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown dtype '" + numpyName + "'; valid names: " + valid);
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** True for float32 and float64. */
    public boolean isFloat() {
        return kind == 'f';
    }

    /** True for signed and unsigned integer types (not bool). */
    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    /** True for complex64 and complex128. */
    public boolean isComplex() {
        return kind == 'c';
    }

    /**
     * The float dtype of one component of a complex dtype (complex64 to float32, complex128 to
     * float64); throws IllegalArgumentException for any other dtype.
     */
    public DType componentType() {
        return switch (this) {
            case COMPLEX64 -> FLOAT32;
            case COMPLEX128 -> FLOAT64;
            default -> throw new IllegalArgumentException("dtype " + numpyName + " is not complex");
        };
    }

    /** The complex dtype whose components are this float dtype (float32 to complex64, else complex128). */
    public DType complexType() {
        return this == FLOAT32 || this == COMPLEX64 ? COMPLEX64 : COMPLEX128;
    }

    /** True for bool. */
    public boolean isBool() {
        return kind == 'b';
    }

    /** True for signed integers, floats and complex. */
    public boolean isSigned() {
        return kind == 'i' || kind == 'f' || kind == 'c';
    }

    /** numpy's kind character: 'b', 'i', 'u', 'f' or 'c'. */
    public char kind() {
        return kind;
    }

    /** The (aligned, native order) memory layout of one element. */
    public ValueLayout layout() {
        return layout;
    }

    /** Smallest representable value (as double); meaningful for integer and bool types. */
    public double minValue() {
        return switch (this) {
            case BOOL, UINT8, UINT16, UINT32, UINT64 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            case FLOAT32 -> -Float.MAX_VALUE;
            case FLOAT64 -> -Double.MAX_VALUE;
            case COMPLEX64, COMPLEX128 -> throw new IllegalArgumentException("dtype " + numpyName + " has no order");
        };
    }

    /** Largest representable value (as double); meaningful for integer and bool types. */
    public double maxValue() {
        return switch (this) {
            case BOOL -> 1;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> Long.MAX_VALUE;
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 4294967295.0;
            case UINT64 -> 18446744073709551615.0;
            case FLOAT32 -> Float.MAX_VALUE;
            case FLOAT64 -> Double.MAX_VALUE;
            case COMPLEX64, COMPLEX128 -> throw new IllegalArgumentException("dtype " + numpyName + " has no order");
        };
    }

    /**
     * The dtype a Java scalar becomes, or null when {@code value} is not one: like a Python int, an
     * {@code Integer} (as a {@code Long}) is int64; Double, Float, Short, Byte and Boolean keep their width.
     */
    public static DType ofScalar(Object value) {
        return switch (value) {
            case Double d -> FLOAT64;
            case Float f -> FLOAT32;
            case Long l -> INT64;
            case Integer i -> INT64;
            case Short s -> INT16;
            case Byte b -> INT8;
            case Boolean b -> BOOL;
            case null, default -> null;
        };
    }

    /** The dtype of a Java primitive or boxed class (double, float, long, int, short, byte, boolean). */
    public static DType ofJavaClass(Class<?> type) {
        if (type == double.class || type == Double.class) {
            return FLOAT64;
        } else if (type == float.class || type == Float.class) {
            return FLOAT32;
        } else if (type == long.class || type == Long.class) {
            return INT64;
        } else if (type == int.class || type == Integer.class) {
            return INT32;
        } else if (type == short.class || type == Short.class) {
            return INT16;
        } else if (type == byte.class || type == Byte.class) {
            return INT8;
        } else if (type == boolean.class || type == Boolean.class) {
            return BOOL;
        }
        throw new IllegalArgumentException("no dtype for Java class " + type.getName());
    }

    /** numpy's {@code result_type} for two arrays of these dtypes. */
    public static DType promote(DType a, DType b) {
        if (a == b || b == BOOL) {
            return a;
        }
        if (a == BOOL) {
            return b;
        }
        if (a.isComplex() || b.isComplex()) {
            return promoteComplex(a, b);
        }
        if (a.kind == b.kind) {
            return a.byteSize >= b.byteSize ? a : b;
        }
        if (a.isFloat() || b.isFloat()) {
            DType f = a.isFloat() ? a : b;
            DType i = a.isFloat() ? b : a;
            return f == FLOAT64 || i.byteSize >= 4 ? FLOAT64 : FLOAT32;
        }
        DType s = a.kind == 'i' ? a : b;
        DType u = a.kind == 'i' ? b : a;
        if (s.byteSize > u.byteSize) {
            return s;
        }
        return switch (u) {
            case UINT8 -> INT16;
            case UINT16 -> INT32;
            case UINT32 -> INT64;
            default -> FLOAT64;
        };
    }

    /** numpy's rule when one side is complex: complex64 only when the other side fits a float32 exactly. */
    private static DType promoteComplex(DType a, DType b) {
        DType c = a.isComplex() ? a : b;
        DType o = a.isComplex() ? b : a;
        if (c == COMPLEX128 || o == COMPLEX128 || o == FLOAT64) {
            return COMPLEX128;
        }
        boolean fitsSingle = o == COMPLEX64 || o == FLOAT32 || o.byteSize <= 2;
        return fitsSingle ? COMPLEX64 : COMPLEX128;
    }
}
