package org.theano4j.tensor;

import java.util.Arrays;

/** Elementwise comparisons behind {@link NDArray#allClose}, {@link NDArray#equals} and hashCode. */
final class ArrayComparison {
    private ArrayComparison() {
    }

    /** numpy.allclose: |a-b| <= atol + rtol*|b| elementwise, NaN never close; shapes must match. */
    static boolean allClose(NDArray self, NDArray other, double rtol, double atol) {
        if (!Arrays.equals(self.shape(), other.shape())) {
            throw new IllegalArgumentException("allClose needs equal shapes, got " + Shapes.toString(self.shape())
                    + " and " + Shapes.toString(other.shape()));
        }
        StridedCursor ca = new StridedCursor(self);
        StridedCursor cb = new StridedCursor(other);
        for (long i = 0; i < self.size(); i++) {
            long pa = ca.next();
            long pb = cb.next();
            if (!isClose(self.readDouble(pa), other.readDouble(pb), rtol, atol)
                    || !isClose(self.readImag(pa), other.readImag(pb), rtol, atol)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isClose(double a, double b, double rtol, double atol) {
        if (a == b) {
            return true;
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return false;
        }
        return Math.abs(a - b) <= atol + rtol * Math.abs(b);
    }

    /** Equal when dtype, shape and all elements agree (NaN equals NaN here, 0.0 equals -0.0). */
    static boolean sameContents(NDArray self, NDArray other) {
        if (other.dtype() != self.dtype() || !Arrays.equals(self.shape(), other.shape())) {
            return false;
        }
        StridedCursor ca = new StridedCursor(self);
        StridedCursor cb = new StridedCursor(other);
        for (long i = 0; i < self.size(); i++) {
            long pa = ca.next();
            long pb = cb.next();
            if (!sameElement(self, pa, other, pb)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElement(NDArray self, long pa, NDArray other, long pb) {
        if (self.dtype().isComplex()) {
            return same(self.readDouble(pa), other.readDouble(pb)) && same(self.readImag(pa), other.readImag(pb));
        }
        if (!self.dtype().isFloat()) {
            return self.readLong(pa) == other.readLong(pb);
        }
        return same(self.readDouble(pa), other.readDouble(pb));
    }

    private static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    /** Hash of dtype, shape and elements, consistent with sameContents. */
    static int hash(NDArray self) {
        DType dtype = self.dtype();
        int h = 31 * dtype.hashCode() + Arrays.hashCode(self.shape());
        StridedCursor c = new StridedCursor(self);
        for (long i = 0; i < self.size(); i++) {
            long pos = c.next();
            boolean real = dtype.isFloat() || dtype.isComplex();
            double v = real ? self.readDouble(pos) + 0.0 : 0;
            h = 31 * h + (real ? Double.hashCode(v) : Long.hashCode(self.readLong(pos)));
            if (dtype.isComplex()) {
                h = 31 * h + Double.hashCode(self.readImag(pos) + 0.0);
            }
        }
        return h;
    }
}
