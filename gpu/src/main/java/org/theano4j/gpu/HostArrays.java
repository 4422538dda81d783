package org.theano4j.gpu;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.theano4j.tensor.NDArray;

/** Moves NDArrays between the host and device buffers, as contiguous C-order bytes. */
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

    /**
     * Uploads an array into a slot sized for it.
     *
     * @param slots the kernel's buffers
     * @param slot which one
     * @param a a C-contiguous array
     * @return the device buffer holding a's elements
     */
    static DeviceBuffer upload(DeviceSlots slots, int slot, NDArray a) {
        MemorySegment bytes = bytes(a);
        DeviceBuffer d = slots.get(slot, bytes.byteSize());
        d.copyFromHost(bytes);
        return d;
    }

    /**
     * Copies a device buffer back into a preallocated output (directly when it is contiguous).
     * The copy is synchronous and waits for the kernels queued before it on the default stream.
     *
     * @param d the buffer, holding {@code out.size()} elements of out's dtype
     * @param out the destination
     */
    static void download(DeviceBuffer d, NDArray out) {
        if (out.isCContiguous()) {
            d.copyToHost(bytes(out));
            return;
        }
        NDArray staged = NDArray.empty(out.dtype(), out.shape());
        d.copyToHost(bytes(staged));
        out.copyFrom(staged);
    }
}
