package org.theano4j.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * An n-dimensional array: a strided view (shape, strides and offset in elements) over an
 * off-heap {@link MemorySegment}. Memory allocated here is freed once unreachable, or at once by
 * {@link #close()} (or the {@link MemoryScope} that owns the array).
 */
public final class NDArray {
    private static final double TWO_POW_64 = 18446744073709551616.0;
    private static final double TWO_POW_63 = 9223372036854775808.0;
    private static final long[] NO_AXES = new long[0];

    private final Buffer buffer;
    private final MemorySegment segment;
    private final DType dtype;
    private final long[] shape;
    private final long[] strides;
    private final long offset;
    private final long size;

    /** Every array, views included, obeys numpy's size rule ({@link Shapes#checkByteSize}). */
    NDArray(Buffer buffer, DType dtype, long[] shape, long[] strides, long offset) {
        this.buffer = buffer;
        this.segment = buffer.segment;
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.size = shape.length == 0 ? 1 : Shapes.checkByteSize(shape, dtype) / dtype.byteSize();
    }

    // ---------------------------------------------------------------- factories

    /** 0-d float64 array. */
    public static NDArray of(double v) {
        NDArray a = empty(DType.FLOAT64);
        a.writeDouble(0, v);
        return a;
    }

    /** 0-d float32 array. */
    public static NDArray of(float v) {
        NDArray a = empty(DType.FLOAT32);
        a.writeDouble(0, v);
        return a;
    }

    /** 0-d int64 array. */
    public static NDArray of(long v) {
        NDArray a = empty(DType.INT64);
        a.writeLong(0, v);
        return a;
    }

    /** 0-d int32 array. */
    public static NDArray of(int v) {
        NDArray a = empty(DType.INT32);
        a.writeLong(0, v);
        return a;
    }

    /** 0-d bool array. */
    public static NDArray of(boolean v) {
        NDArray a = empty(DType.BOOL);
        a.writeLong(0, v ? 1 : 0);
        return a;
    }

    /** 1-d float64 array copied from {@code v}. */
    public static NDArray of(double[] v) {
        return JavaArrays.build(v);
    }

    /** 1-d float32 array copied from {@code v}. */
    public static NDArray of(float[] v) {
        return JavaArrays.build(v);
    }

    /** 1-d int32 array copied from {@code v}. */
    public static NDArray of(int[] v) {
        return JavaArrays.build(v);
    }

    /** 1-d int64 array copied from {@code v}. */
    public static NDArray of(long[] v) {
        return JavaArrays.build(v);
    }

    /** 1-d bool array copied from {@code v}. */
    public static NDArray of(boolean[] v) {
        return JavaArrays.build(v);
    }

    /** 1-d int16 array copied from {@code v}. */
    public static NDArray of(short[] v) {
        return JavaArrays.build(v);
    }

    /** 1-d int8 array copied from {@code v}. */
    public static NDArray of(byte[] v) {
        return JavaArrays.build(v);
    }

    /**
     * A complex array of {@code shape} from interleaved (real, imaginary) pairs in C order, numpy's
     * memory layout: {@code reIm[2*i]} is the real and {@code reIm[2*i+1]} the imaginary part of
     * element {@code i}. {@code dtype} must be complex64 or complex128 (complex64 rounds each part
     * to float32); {@code reIm.length} must be twice the size of {@code shape}.
     */
    public static NDArray ofComplex(DType dtype, double[] reIm, long... shape) {
        return JavaArrays.buildComplex(dtype, reIm, shape);
    }

    /** 2-d float64 array; ragged rows throw IllegalArgumentException. */
    public static NDArray of(double[][] v) {
        return JavaArrays.build(v);
    }

    /** 2-d float32 array; ragged rows throw IllegalArgumentException. */
    public static NDArray of(float[][] v) {
        return JavaArrays.build(v);
    }

    /** 2-d int32 array; ragged rows throw IllegalArgumentException. */
    public static NDArray of(int[][] v) {
        return JavaArrays.build(v);
    }

    /** 2-d int64 array; ragged rows throw IllegalArgumentException. */
    public static NDArray of(long[][] v) {
        return JavaArrays.build(v);
    }

    /** 2-d bool array; ragged rows throw IllegalArgumentException. */
    public static NDArray of(boolean[][] v) {
        return JavaArrays.build(v);
    }

    /** 3-d float64 array; ragged rows throw IllegalArgumentException. */
    public static NDArray of(double[][][] v) {
        return JavaArrays.build(v);
    }

    /**
     * Converts an NDArray (returned as is), a boxed Number or Boolean, or a Java array of any
     * rank (primitive or nested Object[]) into an array; Integer becomes int64 like a Python int.
     */
    public static NDArray fromObject(Object value) {
        return value instanceof NDArray a ? a : JavaArrays.build(value);
    }

    /** A zero-filled C-contiguous array. */
    public static NDArray zeros(DType dtype, long... shape) {
        return empty(dtype, shape);
    }

    /**
     * A C-contiguous array with unspecified (currently zero) contents; IllegalArgumentException for
     * a negative length or a shape beyond numpy's size rule ({@link Shapes#checkByteSize}).
     */
    public static NDArray empty(DType dtype, long... shape) {
        if (shape.length == 0) {
            // 0-d arrays (scalars, the typical per-call output) share their empty shape and strides
            return new NDArray(NativeMemory.allocate(dtype.byteSize()), dtype, NO_AXES, NO_AXES, 0);
        }
        long[] s = shape.clone();
        return new NDArray(NativeMemory.allocate(Shapes.checkByteSize(s, dtype)), dtype, s, Shapes.cStrides(s), 0);
    }

    /** A C-contiguous array filled with {@code value} (cast to dtype). */
    public static NDArray full(DType dtype, double value, long... shape) {
        NDArray a = empty(dtype, shape);
        a.fill(value);
        return a;
    }

    /** A C-contiguous array of ones. */
    public static NDArray ones(DType dtype, long... shape) {
        return full(dtype, 1, shape);
    }

    /** Zero-copy C-order view of {@code data}; IllegalArgumentException if it is too small. */
    public static NDArray wrap(MemorySegment data, DType dtype, long... shape) {
        long[] s = shape.clone();
        return view(data, dtype, s, Shapes.cStrides(s), 0);
    }

    /** Arbitrary strided view of {@code data}; strides and offset in elements. */
    public static NDArray view(MemorySegment data, DType dtype, long[] shape, long[] strides, long offset) {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Shapes.toString(shape) + " and strides "
                    + Shapes.toString(strides) + " differ in length");
        }
        NDArray a = new NDArray(Buffer.foreign(data), dtype, shape.clone(), strides.clone(), offset);
        Views.checkBounds(a);
        return a;
    }

    // ---------------------------------------------------------------- accessors

    /** Element type. */
    public DType dtype() {
        return dtype;
    }

    /** The shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Length of one axis (negative axes count from the end). */
    public long shape(int axis) {
        return shape[Shapes.normalizeAxis(axis, shape.length)];
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return size;
    }

    /** Strides in elements (a copy). */
    public long[] strides() {
        return strides.clone();
    }

    /** Stride of one axis in elements (negative axes count from the end); no copy, unlike {@link #strides()}. */
    public long stride(int axis) {
        return strides[Shapes.normalizeAxis(axis, strides.length)];
    }

    /** Whether this array has exactly the given shape (no copy). */
    public boolean hasShape(long[] other) {
        return Arrays.equals(shape, other);
    }

    /** Offset of the first element from the segment start, in elements. */
    public long offset() {
        return offset;
    }

    /** Offset of the first element from the segment start, in bytes. */
    public long byteOffset() {
        return offset * dtype.byteSize();
    }

    /** The whole backing memory, no copy; {@link IllegalStateException} once the array was closed. */
    public MemorySegment segment() {
        buffer.checkOpen();
        return segment;
    }

    /**
     * Releases this array's memory now instead of when it becomes unreachable (numpy has no
     * counterpart; a service uses it to bound native memory deterministically). The memory is
     * shared with every view of this array: all of them become unusable, and any later use is
     * an {@link IllegalStateException}. Closing twice does nothing. Close only arrays nothing
     * else still uses: a function's argument during its call, a shared variable's borrowed value.
     * Arrays over a caller's memory ({@link #wrap}, {@link #view}) are only marked closed.
     *
     * <p>NDArray is deliberately not {@link AutoCloseable}: frameworks close AutoCloseable values
     * on their own (JUnit closes every AutoCloseable argument of a parameterized test after its
     * row, which would close an array shared by several rows). For try-with-resources, track the
     * array in a {@link MemoryScope}.
     */
    public void close() {
        buffer.close();
    }

    /** Whether this array (or the array it is a view of) was closed. */
    public boolean isClosed() {
        return buffer.isClosed();
    }

    /** True if elements are laid out in C order without gaps (axes of length 1 are ignored). */
    public boolean isCContiguous() {
        if (size <= 1) {
            return true;
        }
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    // ---------------------------------------------------------------- element access

    /** Element at a (bounds-checked, numpy-wrapped) index, as double. */
    public double getDouble(long... index) {
        return readDouble(position(index));
    }

    /** Element at a (bounds-checked, numpy-wrapped) index, as long. */
    public long getLong(long... index) {
        return readLong(position(index));
    }

    /** The value of a one-element array, as double. */
    public double item() {
        if (size != 1) {
            throw new IllegalArgumentException("can only convert an array of size 1 to a scalar, got shape "
                    + Shapes.toString(shape));
        }
        return readDouble(flatPosition(0));
    }

    /** Element {@code i} in logical C order, as double. */
    public double getFlat(long i) {
        return readDouble(flatPosition(checkFlat(i)));
    }

    /** Element {@code i} in logical C order, as long. */
    public long getFlatLong(long i) {
        return readLong(flatPosition(checkFlat(i)));
    }

    /** Imaginary part of the element at a (bounds-checked, numpy-wrapped) index; 0 unless complex. */
    public double getImag(long... index) {
        return readImag(position(index));
    }

    /** Imaginary part of element {@code i} in logical C order; 0 unless complex. */
    public double getFlatImag(long i) {
        return readImag(flatPosition(checkFlat(i)));
    }

    /** Sets element {@code i} in logical C order to {@code re + im*j} (real dtypes keep {@code re}). */
    public void setFlatComplex(long i, double re, double im) {
        writeComplex(flatPosition(checkFlat(i)), re, im);
    }

    /** Sets element {@code i} in logical C order (numpy cast semantics). */
    public void setFlat(long i, double v) {
        writeDouble(flatPosition(checkFlat(i)), v);
    }

    /** Sets element {@code i} in logical C order (numpy cast semantics). */
    public void setFlatLong(long i, long v) {
        writeLong(flatPosition(checkFlat(i)), v);
    }

    private long checkFlat(long i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("flat index " + i + " is out of bounds for size " + size);
        }
        return i;
    }

    /** Physical element position (from the segment start) of logical C-order element {@code i}. */
    long flatPosition(long i) {
        long pos = offset;
        long rest = i;
        for (int d = shape.length - 1; d >= 0; d--) {
            long n = shape[d];
            pos += (rest % n) * strides[d];
            rest /= n;
        }
        return pos;
    }

    private long position(long[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " entries but the array has shape " + Shapes.toString(shape));
        }
        long pos = offset;
        for (int d = 0; d < index.length; d++) {
            long i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IllegalArgumentException("index " + Arrays.toString(index)
                        + " is out of bounds for shape " + Shapes.toString(shape));
            }
            pos += i * strides[d];
        }
        return pos;
    }

    /** Reads the element at physical position {@code pos} (elements from segment start) as double. */
    public double readDouble(long pos) {
        buffer.checkOpen();
        return switch (dtype) {
            case BOOL, INT8 -> segment.getAtIndex(ValueLayout.JAVA_BYTE, pos);
            case UINT8 -> segment.getAtIndex(ValueLayout.JAVA_BYTE, pos) & 0xFF;
            case INT16 -> segment.getAtIndex(ValueLayout.JAVA_SHORT, pos);
            case UINT16 -> segment.getAtIndex(ValueLayout.JAVA_SHORT, pos) & 0xFFFF;
            case INT32 -> segment.getAtIndex(ValueLayout.JAVA_INT, pos);
            case UINT32 -> Integer.toUnsignedLong(segment.getAtIndex(ValueLayout.JAVA_INT, pos));
            case INT64 -> segment.getAtIndex(ValueLayout.JAVA_LONG, pos);
            case UINT64 -> unsignedToDouble(segment.getAtIndex(ValueLayout.JAVA_LONG, pos));
            case FLOAT32 -> segment.getAtIndex(ValueLayout.JAVA_FLOAT, pos);
            case FLOAT64 -> segment.getAtIndex(ValueLayout.JAVA_DOUBLE, pos);
            case COMPLEX64 -> segment.getAtIndex(ValueLayout.JAVA_FLOAT, 2 * pos);
            case COMPLEX128 -> segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 2 * pos);
        };
    }

    /**
     * Reads the imaginary part of the element at physical position {@code pos}: 0 for every
     * non-complex dtype ({@link #readDouble} reads the real part of a complex element).
     */
    public double readImag(long pos) {
        buffer.checkOpen();
        return switch (dtype) {
            case COMPLEX64 -> segment.getAtIndex(ValueLayout.JAVA_FLOAT, 2 * pos + 1);
            case COMPLEX128 -> segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 2 * pos + 1);
            default -> 0;
        };
    }

    /**
     * Writes the complex value {@code re + im*j} at physical position {@code pos}; a non-complex
     * dtype keeps the real part only (numpy's complex-to-real cast).
     */
    public void writeComplex(long pos, double re, double im) {
        buffer.checkOpen();
        switch (dtype) {
            case COMPLEX64 -> {
                segment.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * pos, (float) re);
                segment.setAtIndex(ValueLayout.JAVA_FLOAT, 2 * pos + 1, (float) im);
            }
            case COMPLEX128 -> {
                segment.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * pos, re);
                segment.setAtIndex(ValueLayout.JAVA_DOUBLE, 2 * pos + 1, im);
            }
            default -> writeDouble(pos, re);
        }
    }

    /** Reads the element at physical position {@code pos} as long (floats truncate toward zero). */
    public long readLong(long pos) {
        buffer.checkOpen();
        return switch (dtype) {
            case BOOL, INT8 -> segment.getAtIndex(ValueLayout.JAVA_BYTE, pos);
            case UINT8 -> segment.getAtIndex(ValueLayout.JAVA_BYTE, pos) & 0xFF;
            case INT16 -> segment.getAtIndex(ValueLayout.JAVA_SHORT, pos);
            case UINT16 -> segment.getAtIndex(ValueLayout.JAVA_SHORT, pos) & 0xFFFF;
            case INT32 -> segment.getAtIndex(ValueLayout.JAVA_INT, pos);
            case UINT32 -> Integer.toUnsignedLong(segment.getAtIndex(ValueLayout.JAVA_INT, pos));
            case INT64, UINT64 -> segment.getAtIndex(ValueLayout.JAVA_LONG, pos);
            case FLOAT32 -> (long) segment.getAtIndex(ValueLayout.JAVA_FLOAT, pos);
            case FLOAT64 -> (long) segment.getAtIndex(ValueLayout.JAVA_DOUBLE, pos);
            case COMPLEX64, COMPLEX128 -> (long) readDouble(pos);
        };
    }

    /** Writes {@code v} at physical position {@code pos} with numpy cast semantics. */
    public void writeDouble(long pos, double v) {
        buffer.checkOpen();
        switch (dtype) {
            case BOOL -> segment.setAtIndex(ValueLayout.JAVA_BYTE, pos, (byte) (v != 0 ? 1 : 0));
            case FLOAT32 -> segment.setAtIndex(ValueLayout.JAVA_FLOAT, pos, (float) v);
            case FLOAT64 -> segment.setAtIndex(ValueLayout.JAVA_DOUBLE, pos, v);
            case COMPLEX64, COMPLEX128 -> writeComplex(pos, v, 0);
            case UINT64 -> writeLong(pos, v >= TWO_POW_63 ? (long) (v - TWO_POW_64) : (long) v);
            default -> writeLong(pos, (long) v);
        }
    }

    /** Writes {@code v} at physical position {@code pos}; integer targets wrap like numpy's astype. */
    public void writeLong(long pos, long v) {
        buffer.checkOpen();
        switch (dtype) {
            case BOOL -> segment.setAtIndex(ValueLayout.JAVA_BYTE, pos, (byte) (v != 0 ? 1 : 0));
            case INT8, UINT8 -> segment.setAtIndex(ValueLayout.JAVA_BYTE, pos, (byte) v);
            case INT16, UINT16 -> segment.setAtIndex(ValueLayout.JAVA_SHORT, pos, (short) v);
            case INT32, UINT32 -> segment.setAtIndex(ValueLayout.JAVA_INT, pos, (int) v);
            case INT64, UINT64 -> segment.setAtIndex(ValueLayout.JAVA_LONG, pos, v);
            case FLOAT32 -> segment.setAtIndex(ValueLayout.JAVA_FLOAT, pos, (float) v);
            case FLOAT64 -> segment.setAtIndex(ValueLayout.JAVA_DOUBLE, pos, (double) v);
            case COMPLEX64 -> writeComplex(pos, (float) v, 0);
            case COMPLEX128 -> writeComplex(pos, (double) v, 0);
        }
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1 | (v & 1)) * 2.0;
    }

    // ---------------------------------------------------------------- conversions out

    /** All elements in C order as doubles. */
    public double[] toDoubleArray() {
        return ArrayExport.toDoubleArray(this);
    }

    /** A 2-d array as rows of doubles; IllegalArgumentException unless ndim is 2. */
    public double[][] toDoubleMatrix() {
        return ArrayExport.toDoubleMatrix(this);
    }

    /** All elements in C order as longs (floats truncate toward zero). */
    public long[] toLongArray() {
        return ArrayExport.toLongArray(this);
    }

    /** All elements in C order as ints (wrapping like a numpy cast to int32). */
    public int[] toIntArray() {
        return ArrayExport.toIntArray(this);
    }

    /** All elements in C order as floats. */
    public float[] toFloatArray() {
        return ArrayExport.toFloatArray(this);
    }

    /**
     * All elements in C order as interleaved (real, imaginary) doubles, the layout
     * {@link #ofComplex} takes; a real dtype gives imaginary parts 0.
     */
    public double[] toComplexArray() {
        return ArrayExport.toComplexArray(this);
    }

    /** All elements in C order as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        return ArrayExport.toBooleanArray(this);
    }

    // ---------------------------------------------------------------- views and copies

    NDArray withLayout(long[] newShape, long[] newStrides, long newOffset) {
        return new NDArray(buffer, dtype, newShape, newStrides, newOffset);
    }

    /** Reshaped view when C-contiguous, else a reshaped copy; one -1 is inferred. */
    public NDArray reshape(long... newShape) {
        long[] target = Shapes.reshapeTarget(shape, newShape);
        if (!isCContiguous()) {
            return copy().reshape(target);
        }
        return withLayout(target, Shapes.cStrides(target), offset);
    }

    /** View with axes permuted; no arguments reverses them. */
    public NDArray transpose(int... perm) {
        return Views.transpose(this, perm);
    }

    /** View broadcast to {@code target} (0 strides); IllegalArgumentException if impossible. */
    public NDArray broadcastTo(long... target) {
        return Views.broadcastTo(this, target);
    }

    /** View of {@code start:stop:step} along an axis (already resolved numpy slice bounds). */
    public NDArray slice(int axis, long start, long stop, long step) {
        return Views.slice(this, axis, start, stop, step);
    }

    /** View at position {@code i} along an axis, dropping that axis. */
    public NDArray index(int axis, long i) {
        return Views.index(this, axis, i);
    }

    /** View with a new axis of length 1 inserted at {@code axis}. */
    public NDArray expandDims(int axis) {
        return Views.expandDims(this, axis);
    }

    /** This array if C-contiguous (any offset), else a C-contiguous copy. */
    public NDArray contiguous() {
        return isCContiguous() ? this : copy();
    }

    /** A C-contiguous copy. */
    public NDArray copy() {
        return astype(dtype);
    }

    /** A C-contiguous copy converted to {@code target} with numpy cast semantics. */
    public NDArray astype(DType target) {
        NDArray out = empty(target, shape);
        out.copyFrom(this);
        return out;
    }

    /** Copies {@code src} (broadcast to this shape, converted to this dtype) into this array. */
    public void copyFrom(NDArray src) {
        buffer.checkOpen();
        src.buffer.checkOpen();
        NDArray s = src.broadcastTo(shape);
        if (size == 0) {
            return; // an empty view may start past its segment's end: nothing to touch
        }
        if (s.dtype == dtype && s.isCContiguous() && isCContiguous()) {
            long bytes = size * dtype.byteSize();
            MemorySegment.copy(s.segment, s.byteOffset(), segment, byteOffset(), bytes);
            return;
        }
        StridedCursor in = new StridedCursor(s);
        StridedCursor out = new StridedCursor(this);
        boolean viaLong = !s.dtype.isFloat() && !dtype.isFloat();
        boolean bothComplex = dtype.isComplex() && s.dtype.isComplex();
        boolean wideToFloat32 = dtype == DType.FLOAT32 && (s.dtype == DType.INT64 || s.dtype == DType.UINT64);
        for (long i = 0; i < size; i++) {
            if (bothComplex) {
                long p = in.next();
                writeComplex(out.next(), s.readDouble(p), s.readImag(p));
            } else if (wideToFloat32) { // rounded once, straight to float (through double would round twice)
                long v = s.readLong(in.next());
                float f = s.dtype == DType.INT64 || v >= 0 ? (float) v : (float) (v >>> 1 | (v & 1)) * 2f;
                segment.setAtIndex(ValueLayout.JAVA_FLOAT, out.next(), f);
            } else if (viaLong) {
                writeLong(out.next(), s.readLong(in.next()));
            } else {
                writeDouble(out.next(), s.readDouble(in.next()));
            }
        }
    }

    /** Sets every element to {@code v} (cast to dtype). */
    public void fill(double v) {
        StridedCursor out = new StridedCursor(this);
        for (long i = 0; i < size; i++) {
            writeDouble(out.next(), v);
        }
    }

    // ---------------------------------------------------------------- comparison and printing

    /** numpy.allclose: {@code |a-b| <= atol + rtol*|b|} elementwise, NaN never close; shapes must match. */
    public boolean allClose(NDArray other, double rtol, double atol) {
        return ArrayComparison.allClose(this, other, rtol, atol);
    }

    /** Equal when dtype, shape and all elements agree (NaN equals NaN here, 0.0 equals -0.0). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NDArray other && ArrayComparison.sameContents(this, other);
    }

    /** Hash of dtype, shape and elements, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return ArrayComparison.hash(this);
    }

    /** numpy's {@code str(a)}: what Python's {@code print(a)} shows ({@code [0.5 1. ]}, {@code 68.0} for a 0-d array). */
    public String str() {
        return ArrayPrinter.str(this);
    }

    /** numpy's repr with default print options, e.g. {@code array([1., 2.], dtype=float32)}. */
    @Override
    public String toString() {
        return ArrayPrinter.repr(this);
    }
}
