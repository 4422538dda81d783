package org.theano4j.tensor;

/** Walks the physical element positions of an array in logical C order. */
final class StridedCursor {
    private final long[] shape;
    private final long[] strides;
    private final long[] index;
    private final boolean contiguous;
    private long pos;

    StridedCursor(NDArray array) {
        this.shape = array.shape();
        this.strides = array.strides();
        this.index = new long[shape.length];
        this.contiguous = array.isCContiguous();
        this.pos = array.offset();
    }

    /** Returns the current position and advances to the next element. */
    long next() {
        long current = pos;
        if (contiguous) {
            pos++;
            return current;
        }
        // never steps past an axis' last element, so positions stay inside the view's (long) range
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++index[d] < shape[d]) {
                pos += strides[d];
                return current;
            }
            pos -= strides[d] * (shape[d] - 1);
            index[d] = 0;
        }
        return current;
    }
}
