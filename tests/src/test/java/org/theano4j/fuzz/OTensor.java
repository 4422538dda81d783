package org.theano4j.fuzz;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.Arrays;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * An oracle value: a dense C-order tensor of exact integers ({@link BigInteger}, already reduced
 * to the dtype) or doubles (already rounded to the dtype), with a per-element error bound and a
 * per-element "sign of zero unspecified" flag. {@code err[i] == 0} means the library must match
 * exactly (bit for bit for floats, NaN == NaN); a finite positive bound is an absolute
 * tolerance; {@code +inf} means unknown (numpy leaves it undefined, or an input was too
 * uncertain): not checked.
 */
final class OTensor {
    final DType dtype;
    final long[] shape;
    final int size;
    final BigInteger[] iv;
    final double[] fv;
    final double[] err;
    final boolean[] loose;

    OTensor(DType dtype, long[] shape) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        this.size = Math.toIntExact(n);
        this.iv = dtype.isFloat() ? null : new BigInteger[size];
        this.fv = dtype.isFloat() ? new double[size] : null;
        this.err = new double[size];
        this.loose = new boolean[size];
    }

    boolean isFloat() {
        return dtype.isFloat();
    }

    boolean known(int i) {
        return err[i] != Double.POSITIVE_INFINITY;
    }

    /** Copies element {@code src} of {@code from} (same dtype) to element {@code dst}. */
    void copyElement(int dst, OTensor from, int src) {
        if (isFloat()) {
            fv[dst] = from.fv[src];
        } else {
            iv[dst] = from.iv[src];
        }
        err[dst] = from.err[src];
        loose[dst] = from.loose[src];
    }

    /** Element {@code i} as text, e.g. {@code 3}, {@code -0.0}, {@code NaN}, {@code 0x1.8p1 (3.0)}. */
    String show(int i) {
        if (!isFloat()) {
            return iv[i].toString();
        }
        return showDouble(fv[i]);
    }

    static String showDouble(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Double.toString(v);
        }
        return v + " (" + Double.toHexString(v) + ")";
    }

    /** The C-order strides (in elements) of {@code shape}. */
    static long[] cStrides(long[] shape) {
        long[] st = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = acc;
            acc *= shape[d];
        }
        return st;
    }

    /** The multi-index of flat C-order position {@code flat} in {@code shape}. */
    static long[] unravel(long flat, long[] shape) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] > 0) {
                idx[d] = flat % shape[d];
                flat /= shape[d];
            }
        }
        return idx;
    }

    // ---- raw memory access, independent of NDArray's own element readers ----

    /** Reads {@code a} element by element from its segment with its own shape, strides and offset. */
    static OTensor readRaw(NDArray a) {
        OTensor t = new OTensor(a.dtype(), a.shape());
        long[] st = a.strides();
        for (int i = 0; i < t.size; i++) {
            long[] idx = unravel(i, t.shape);
            long pos = a.offset();
            for (int d = 0; d < idx.length; d++) {
                pos += idx[d] * st[d];
            }
            t.setRaw(i, a.segment(), pos);
        }
        return t;
    }

    private void setRaw(int i, MemorySegment seg, long pos) {
        long at = pos * dtype.byteSize();
        switch (dtype) {
            case FLOAT32 -> fv[i] = seg.get(ValueLayout.JAVA_FLOAT_UNALIGNED, at);
            case FLOAT64 -> fv[i] = seg.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, at);
            default -> iv[i] = Dtypes.fromBits(dtype, switch (dtype.byteSize()) {
                case 1 -> dtype == DType.UINT8 ? seg.get(ValueLayout.JAVA_BYTE, at) & 0xFF : seg.get(ValueLayout.JAVA_BYTE, at);
                case 2 -> dtype == DType.UINT16 ? seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, at) & 0xFFFF
                        : seg.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
                case 4 -> dtype == DType.UINT32 ? Integer.toUnsignedLong(seg.get(ValueLayout.JAVA_INT_UNALIGNED, at))
                        : seg.get(ValueLayout.JAVA_INT_UNALIGNED, at);
                default -> seg.get(ValueLayout.JAVA_LONG_UNALIGNED, at);
            });
        }
    }

    /** A new C-contiguous NDArray holding these values, written straight into its segment. */
    NDArray toNDArray() {
        NDArray a = NDArray.zeros(dtype, shape);
        writeRaw(a.segment(), a.offset());
        return a;
    }

    /** Writes the values in C order to consecutive elements of {@code seg} from element {@code start}. */
    void writeRaw(MemorySegment seg, long start) {
        int b = dtype.byteSize();
        for (int i = 0; i < size; i++) {
            long at = (start + i) * b;
            switch (dtype) {
                case FLOAT32 -> seg.set(ValueLayout.JAVA_FLOAT_UNALIGNED, at, (float) fv[i]);
                case FLOAT64 -> seg.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, at, fv[i]);
                default -> {
                    long v = Dtypes.bitsOf(iv[i]);
                    switch (b) {
                        case 1 -> seg.set(ValueLayout.JAVA_BYTE, at, (byte) v);
                        case 2 -> seg.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, (short) v);
                        case 4 -> seg.set(ValueLayout.JAVA_INT_UNALIGNED, at, (int) v);
                        default -> seg.set(ValueLayout.JAVA_LONG_UNALIGNED, at, v);
                    }
                }
            }
        }
    }

    /** The first {@code limit} values, for failure messages. */
    String preview(int limit) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(size, limit); i++) {
            sb.append(i == 0 ? "" : ", ").append(isFloat() ? Double.toString(fv[i]) : iv[i].toString());
        }
        if (size > limit) {
            sb.append(", ... (").append(size).append(" values)");
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return dtype.numpyName() + Arrays.toString(shape) + " " + preview(16);
    }
}
