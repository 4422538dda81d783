package org.theano4j.gpu;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.theano4j.tensor.NDArray;

/** NDArrays as the contiguous C-order bytes that device copies take. */
final class HostArrays {

    private HostArrays() {
    }

    /**
     * The array as a C-contiguous array of {@code shape}: itself when it already is one, else a
     * host copy (broadcast inputs are materialised here, before the upload).
     *
     * @param a an array that broadcasts to {@code shape}
     * @param shape the target shape
     * @return a C-contiguous array of that shape and a's dtype
     */
    static NDArray contiguous(NDArray a, long[] shape) {
        if (Arrays.equals(a.shape(), shape) && a.isCContiguous()) {
            return a;
        }
        NDArray c = NDArray.empty(a.dtype(), shape);
        c.copyFrom(a);
        return c;
    }

    /** @return the bytes of a C-contiguous array's elements */
    static MemorySegment bytes(NDArray a) {
        return a.segment().asSlice(a.byteOffset(), a.size() * a.dtype().byteSize());
    }
}
