package org.theano4j.gpu;

import java.lang.foreign.MemorySegment;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.theano4j.backend.HostSync;
import org.theano4j.tensor.NDArray;

/**
 * The values that live on a device between kernels and between calls, keyed by the identity of
 * the host {@link NDArray} whose value they are (weakly: an array that is collected frees its device
 * memory). A kernel's output is written to device memory registered for its output array and is
 * not copied back; the next kernel that reads that array (the same call, or the next call, as when
 * a shared variable's update became its value) uses the device memory. The host copy is brought up
 * to date only when the runtime says the host will read it ({@link #toHost}: {@code getValue}, an op
 * evaluated on the host, a function's outputs) and forgotten when the array leaves the runtime's
 * control ({@link #release}: lent, handed to a caller, set from the host). Arrays only uploaded
 * (a kernel's host inputs) are not kept here: their host memory may change without the runtime
 * knowing, so they go through the kernel's scratch memory each call.
 *
 * <p>Views. A BLAS kernel reads a 1-D or 2-D view (a transpose, a row or column slice) of a
 * C-contiguous array that has device memory here, its base, from the base's device memory at the
 * view's offset ({@link #operand}); an elementwise kernel reads a view of any strides (broadcast
 * and reversed ones too) there at the view's offset and strides ({@link #strided}). Views share their base's host segment, so a view finds its base
 * among the entries over the same segment whose host memory covers the view's. Memory groups give
 * several arrays the same segment at different times, so at most one entry may answer for any byte
 * of a segment: the last one claimed there (a kernel's output, a shared value a call reads, one
 * copied back or made writable on the host); claiming an array withdraws the claims of the other
 * entries whose memory overlaps it, and so does {@link #release} of an array without an entry (a
 * host kernel's output written into the same memory). A host op makes a view of a base only the
 * device holds without copying it back ({@code Op.readsElements}), so the view's host memory is
 * stale until {@link #toHost} of the view copies back the claiming entries its elements overlap.
 */
final class DeviceValues implements HostSync.Residency {

    /**
     * The device memory of an array (null until a shared value is first uploaded), whether it holds
     * the array's value, whether the host memory holds it too, and whether the runtime said the
     * array is a shared value (so an upload may be kept).
     */
    private static final class Entry extends WeakReference<NDArray> {
        final int hash;
        final int segmentHash;
        Device.Memory memory;
        boolean deviceValid = true;
        boolean hostValid;
        boolean shared;
        /** Whether views of the array's host memory may be read from this entry (see the class comment). */
        boolean claims;

        Entry(NDArray array, Device.Memory memory, ReferenceQueue<NDArray> queue) {
            super(array, queue);
            this.hash = System.identityHashCode(array);
            this.segmentHash = segmentHash(array);
            this.memory = memory;
        }
    }

    /**
     * Where a BLAS kernel reads a 1-D or 2-D operand: device memory holding a row-major stored
     * matrix from element {@code offset}, rows {@code ld} elements apart, that is the operand or, when
     * {@code trans}, its transpose (a vector: one stored row, from {@code offset}).
     *
     * @param memory the device memory
     * @param offset the element of {@code memory} where the stored matrix starts
     * @param ld elements between its stored rows
     * @param trans whether the operand is the stored matrix transposed
     */
    record Operand(Device.Memory memory, long offset, int ld, boolean trans) {

        /** An operand packed in C order from element 0 of {@code memory}. */
        static Operand packed(Device.Memory memory, NDArray array) {
            return new Operand(memory, 0, (int) Math.max(1, array.shape(-1)), false);
        }
    }

    /**
     * Where an elementwise kernel reads an input: device memory, the element of it where the input's
     * element {@code (0, ..., 0)} is, and its stride along each axis of the output in elements (0
     * along broadcast axes, negative along reversed ones).
     *
     * @param memory the device memory
     * @param offset the element of {@code memory} where the input starts
     * @param strides per output axis, in elements
     */
    record Strided(Device.Memory memory, long offset, long[] strides) {
    }

    private final Device device;
    private final Map<Integer, Entry[]> entries = new HashMap<>();
    private static final Entry[] NONE = new Entry[0];

    private final Map<Integer, Entry[]> bySegment = new HashMap<>();
    private final ReferenceQueue<NDArray> collected = new ReferenceQueue<>();
    /** Memory of entries an in-place step replaced, freed at the next {@link #expunge}. */
    private final java.util.List<Device.Memory> pendingFree = new java.util.ArrayList<>();
    private final AtomicLong uploads = new AtomicLong();
    private final AtomicLong downloads = new AtomicLong();

    /** @param device where the values live */
    DeviceValues(Device device) {
        this.device = device;
    }

    /** @return the device */
    Device device() {
        return device;
    }

    /**
     * The device memory to read {@code array} from, as {@code shape} in C order: its registered value;
     * else, for a shared value read at its own shape, its host memory uploaded into memory kept for
     * it until the runtime releases or retires it; else a C-contiguous host copy of it (broadcast and
     * strided views are materialised on the host) uploaded into the kernel's scratch slot.
     *
     * @param array a kernel input
     * @param shape the shape the kernel reads it as
     * @param scratch the kernel's scratch memory
     * @param slot the input's scratch slot
     * @return device memory holding the input's elements
     */
    synchronized Device.Memory input(NDArray array, long[] shape, Scratch scratch, int slot) {
        Entry e = find(array);
        boolean direct = array.isCContiguous() && array.hasShape(shape);
        if (e != null && e.memory != null && e.deviceValid && direct) {
            return e.memory;
        }
        if (e != null && e.shared && direct) {
            return keep(e, array);
        }
        toHost(array);
        NDArray c = HostArrays.contiguous(array, shape);
        Device.Memory m = scratch.get(slot, c.size() * c.dtype().byteSize());
        device.upload(HostArrays.bytes(c), m);
        uploads.incrementAndGet();
        return m;
    }

    /**
     * Where an elementwise kernel reads {@code array}, broadcast to {@code shape}, in place where it
     * can: an array with a registered value, or a shared value (uploaded once as a whole into memory
     * kept for it), from its own device memory in C order over its shape; else a view (transposed,
     * sliced, reversed, broadcast) of a resident or shared C-contiguous base from the base's device
     * memory at the view's offset and strides, nothing uploaded; else (a base only the device holds
     * copied back first) a C-order host copy of the array at its own shape, not broadcast, uploaded
     * into the kernel's scratch slot. Broadcast axes get stride 0, so a shared bias read over a
     * batch is uploaded once, not once per call.
     *
     * @param array a kernel input, broadcastable to {@code shape}
     * @param shape the output's shape
     * @param scratch the kernel's scratch memory
     * @param slot the input's scratch slot
     * @return where to read it
     */
    synchronized Strided strided(NDArray array, long[] shape, Scratch scratch, int slot) {
        Entry e = find(array);
        long[] own = ElementwiseLayout.cStrides(array.shape());
        if (e != null && e.memory != null && e.deviceValid) {
            return new Strided(e.memory, 0, broadcast(array, own, shape));
        }
        if (e != null && e.shared && array.isCContiguous()) {
            return new Strided(keep(e, array), 0, broadcast(array, own, shape));
        }
        Entry base = e == null ? base(array) : null;
        NDArray b = base == null ? null : base.get();
        if (b != null && readsInPlace(base, b, array)) {
            Device.Memory m = base.memory != null && base.deviceValid ? base.memory : keep(base, b);
            return new Strided(m, array.offset() - b.offset(), broadcast(array, array.strides(), shape));
        }
        toHost(array); // a view without an entry: the claiming entries it overlaps are copied back
        NDArray c = HostArrays.contiguous(array, array.shape());
        Device.Memory m = scratch.get(slot, c.size() * c.dtype().byteSize());
        device.upload(HostArrays.bytes(c), m);
        uploads.incrementAndGet();
        return new Strided(m, 0, broadcast(array, own, shape));
    }

    /**
     * @param a an array broadcastable to {@code shape} (numpy's rule: trailing axes line up)
     * @param strides where its elements are, per axis of {@code a}
     * @return its strides per axis of {@code shape}: 0 along the axes it is broadcast over
     */
    private static long[] broadcast(NDArray a, long[] strides, long[] shape) {
        int lead = shape.length - a.ndim();
        if (lead < 0) {
            throw new IllegalArgumentException("rank " + a.ndim() + " read as rank " + shape.length);
        }
        long[] out = new long[shape.length];
        for (int j = 0; j < a.ndim(); j++) {
            if (a.shape(j) != 1) {
                if (a.shape(j) != shape[lead + j]) {
                    throw new IllegalArgumentException(java.util.Arrays.toString(a.shape()) + " does not broadcast to "
                            + java.util.Arrays.toString(shape));
                }
                out[lead + j] = strides[j];
            }
        }
        return out;
    }

    /**
     * The device memory a BLAS kernel reads a 1-D or 2-D {@code array} from, in place where its layout
     * allows ({@link MatrixLayout}): an array with its own entry as {@link #input} gives it (C order);
     * else a view of a resident C-contiguous base (or of a shared value, uploaded once as a whole into
     * memory kept for it) from the base's device memory at the view's offset, nothing uploaded; else
     * (a base only the device holds copied back first) a transposed view of a C-contiguous host
     * matrix uploaded as stored into the scratch slot; else, as {@link #input}, a C-order host copy
     * uploaded into the slot.
     *
     * @param array a 1-D or 2-D kernel input
     * @param scratch the kernel's scratch memory
     * @param slot the input's scratch slot
     * @return where to read it
     */
    synchronized Operand operand(NDArray array, Scratch scratch, int slot) {
        MatrixLayout layout = MatrixLayout.of(array);
        if (find(array) != null) {
            return Operand.packed(input(array, array.shape(), scratch, slot), array);
        }
        Entry base = base(array);
        NDArray b = base == null ? null : base.get();
        if (b != null && layout != null && readsInPlace(base, b, array)) {
            Device.Memory m = base.memory != null && base.deviceValid ? base.memory : keep(base, b);
            return new Operand(m, array.offset() - b.offset(), layout.ld(), layout.trans());
        }
        if (b != null) {
            toHost(b); // the copy below reads the host memory the view shares with its base
        }
        if (layout != null && layout.trans() && layout.dense()) {
            long bytes = array.size() * array.dtype().byteSize();
            Device.Memory m = scratch.get(slot, bytes);
            device.upload(array.segment().asSlice(array.byteOffset(), bytes), m);
            uploads.incrementAndGet();
            return new Operand(m, 0, layout.ld(), true);
        }
        return Operand.packed(input(array, array.shape(), scratch, slot), array);
    }

    /** @return the claiming entry over {@code view}'s segment whose array's host memory covers the view's; null when none */
    private Entry base(NDArray view) {
        long[] span = span(view);
        for (Entry e : over(view)) {
            NDArray b = e.get();
            if (e.claims && b != null && b != view && covers(span(b), span)) {
                return e;
            }
        }
        return null;
    }

    /**
     * @return whether {@code view} can be read from {@code base}'s device memory: the base is
     *         C-contiguous, of the view's dtype, and holds its value on the device or is a shared
     *         value (uploadable as a whole)
     */
    private static boolean readsInPlace(Entry base, NDArray b, NDArray view) {
        return b.dtype() == view.dtype() && b.isCContiguous() && ((base.memory != null && base.deviceValid) || base.shared);
    }

    /** Uploads a shared value into memory kept for it (the memory it had when of the right size). */
    private Device.Memory keep(Entry e, NDArray array) {
        long bytes = array.size() * array.dtype().byteSize();
        if (e.memory != null && e.memory.byteSize() != bytes) {
            device.enter();
            device.free(e.memory);
            e.memory = null;
        }
        if (e.memory == null) {
            e.memory = device.allocate(bytes);
        }
        device.upload(HostArrays.bytes(array), e.memory);
        uploads.incrementAndGet();
        e.deviceValid = true;
        e.hostValid = true;
        claim(array, e);
        return e.memory;
    }

    /**
     * Device memory for a kernel to write {@code out}'s new value into, registered as that value
     * (the host copy is stale from now on): the memory it already had when it is of the right size
     * and no input reads it, else new memory.
     *
     * @param out the output array
     * @param inputs the kernel's inputs
     * @return memory of {@code out}'s size
     */
    synchronized Device.Memory output(NDArray out, NDArray[] inputs) {
        return output(out, inputs, new Device.Memory[0]);
    }

    /**
     * As {@link #output(NDArray, NDArray[])}, also not reusing memory the launch reads through a view
     * ({@link #strided}: a view of {@code out}'s own value).
     *
     * @param out the output array
     * @param inputs the kernel's inputs
     * @param reads the device memory the launch reads
     * @return memory of {@code out}'s size
     */
    synchronized Device.Memory output(NDArray out, NDArray[] inputs, Device.Memory[] reads) {
        long bytes = out.size() * out.dtype().byteSize();
        Entry e = find(out);
        boolean read = e != null && (among(out, inputs) || (e.memory != null && java.util.Arrays.asList(reads).contains(e.memory)));
        if (e != null && e.memory != null && e.memory.byteSize() == bytes && !read) {
            e.hostValid = false;
            e.deviceValid = true;
            e.shared = false;
            claim(out, e);
            return e.memory;
        }
        if (read) {
            detach(e); // an in-place step: the launch still reads the input's memory
        } else if (e != null) {
            remove(e);
        }
        Entry fresh = new Entry(out, device.allocate(bytes), collected);
        add(fresh);
        claim(out, fresh);
        return fresh.memory;
    }

    /**
     * Downloads {@code array}'s value when only the device holds it; for an array without an entry
     * (a view a host op made of a device-only base without reading it), the value of every entry
     * that claims memory the array's elements lie in.
     */
    @Override
    public synchronized void toHost(NDArray array) {
        Entry e = find(array);
        if (e == null) {
            basesToHost(array);
            return;
        }
        if (e.hostValid || !e.deviceValid) {
            return;
        }
        device.enter();
        if (array.isCContiguous()) {
            device.download(e.memory, HostArrays.bytes(array));
        } else {
            NDArray staged = NDArray.empty(array.dtype(), array.shape());
            device.download(e.memory, HostArrays.bytes(staged));
            array.copyFrom(staged);
        }
        downloads.incrementAndGet();
        e.hostValid = true;
        claim(array, e);
    }

    /** Downloads the claiming entries over {@code view}'s segment whose memory overlaps its elements. */
    private void basesToHost(NDArray view) {
        Entry[] bucket = bucket(view);
        if (bucket.length == 0) {
            return;
        }
        long[] span = span(view);
        for (Entry b : over(view)) {
            NDArray base = b.get();
            if (b.claims && base != null && overlaps(span(base), span)) {
                toHost(base);
            }
        }
    }

    /**
     * Forgets the device copy of {@code array}, after {@link #toHost} made the host's current: frees
     * it, except for a shared value's, whose memory is kept (not holding the value) for the next
     * call's upload, so a call still reading it in another thread never reads freed memory.
     */
    @Override
    public synchronized void release(NDArray array) {
        Entry e = find(array);
        if (e == null) {
            claim(array, null);
            return;
        }
        toHost(array);
        if (e.shared && e.memory != null) {
            e.deviceValid = false;
            e.hostValid = true;
            claim(array, e);
        } else {
            remove(e);
            claim(array, null);
        }
    }

    /** Marks {@code array} as a shared value whose upload may be kept (until released or retired). */
    @Override
    public synchronized void shared(NDArray array) {
        Entry e = find(array);
        if (e == null) {
            e = new Entry(array, null, collected);
            e.hostValid = true;
            e.deviceValid = false;
            add(e);
        }
        e.shared = true;
        claim(array, e);
    }

    /**
     * Drops the dead device copy of a former shared value without downloading it: frees it, or,
     * when the next update will be written into the array, keeps its memory for that kernel (marked
     * as not holding the value, so a host op writing the update instead is not shadowed).
     */
    @Override
    public synchronized void retire(NDArray array, boolean recycled) {
        Entry e = find(array);
        if (e == null) {
            return;
        }
        if (recycled && e.memory != null) {
            e.deviceValid = false;
            e.hostValid = true;
            e.shared = false;
        } else {
            remove(e);
        }
    }

    /** @return whether {@code array}'s value lives on the device */
    synchronized boolean isResident(NDArray array) {
        Entry e = find(array);
        return e != null && e.memory != null && e.deviceValid;
    }

    /** @return how many host-to-device copies of kernel inputs were made */
    long uploads() {
        return uploads.get();
    }

    /** @return how many values were copied back to the host */
    long downloads() {
        return downloads.get();
    }

    /** @return how many arrays have device memory now */
    synchronized int size() {
        expunge();
        return (int) entries.values().stream().flatMap(java.util.Arrays::stream).filter(e -> e.memory != null).count();
    }

    private Entry find(NDArray array) {
        expunge();
        Entry[] bucket = entries.get(System.identityHashCode(array));
        if (bucket != null) {
            for (Entry e : bucket) {
                if (e.get() == array) {
                    return e;
                }
            }
        }
        return null;
    }

    private void add(Entry e) {
        put(entries, e.hash, e);
        put(bySegment, e.segmentHash, e);
    }

    private static void put(Map<Integer, Entry[]> map, int key, Entry e) {
        Entry[] bucket = map.get(key);
        Entry[] next = bucket == null ? new Entry[1] : java.util.Arrays.copyOf(bucket, bucket.length + 1);
        next[next.length - 1] = e;
        map.put(key, next);
    }

    /** Removes {@code e} from the bucket of {@code key}; false when it was not there. */
    private static boolean drop(Map<Integer, Entry[]> map, int key, Entry e) {
        Entry[] bucket = map.get(key);
        if (bucket == null) {
            return false;
        }
        Entry[] next = java.util.Arrays.stream(bucket).filter(x -> x != e).toArray(Entry[]::new);
        if (next.length == bucket.length) {
            return false;
        }
        if (next.length == 0) {
            map.remove(key);
        } else {
            map.put(key, next);
        }
        return true;
    }

    private void remove(Entry e) {
        if (!drop(entries, e.hash, e)) {
            return;
        }
        drop(bySegment, e.segmentHash, e);
        if (e.memory != null) {
            device.enter();
            device.free(e.memory);
        }
    }

    /**
     * Drops {@code e} like {@link #remove} but frees its memory only at the next {@link #expunge}, after
     * the launch that reads it as an input was queued ({@code cuMemFree} synchronizes with the work queued before it).
     */
    private void detach(Entry e) {
        if (drop(entries, e.hash, e)) {
            drop(bySegment, e.segmentHash, e);
            if (e.memory != null) {
                pendingFree.add(e.memory);
            }
        }
    }

    /** Frees the device memory of arrays that were collected, and of entries an in-place step replaced. */
    private void expunge() {
        if (!pendingFree.isEmpty()) {
            device.enter();
            pendingFree.forEach(device::free);
            pendingFree.clear();
        }
        for (Object r; (r = collected.poll()) != null;) {
            remove((Entry) r);
        }
    }

    /**
     * Makes {@code e} (the entry of {@code array}, or null when it has none) the one that answers for
     * {@code array}'s host memory: every other entry over the same segment whose memory overlaps it
     * stops claiming.
     */
    private void claim(NDArray array, Entry e) {
        Entry[] bucket = bucket(array);
        if (bucket.length > (e == null ? 0 : 1)) {
            long[] span = span(array);
            MemorySegment segment = array.segment();
            for (Entry o : bucket) {
                NDArray other = o.get();
                if (o != e && o.claims && (other == null || (over(other, segment) && overlaps(span(other), span)))) {
                    o.claims = false;
                }
            }
        }
        if (e != null) {
            e.claims = true;
        }
    }

    /** @return the entries whose host segment may be {@code array}'s (same identity hash), none for a closed array */
    private Entry[] bucket(NDArray array) {
        Entry[] bucket = array.isClosed() ? null : bySegment.get(segmentHash(array));
        return bucket == null ? NONE : bucket;
    }

    /** @return the entries over {@code array}'s host segment (the same segment object) */
    private Entry[] over(NDArray array) {
        Entry[] bucket = bucket(array);
        if (bucket.length == 0) {
            return bucket;
        }
        MemorySegment segment = array.segment();
        return java.util.Arrays.stream(bucket).filter(e -> over(e.get(), segment)).toArray(Entry[]::new);
    }

    /** @return whether {@code a} is a live array over {@code segment} */
    private static boolean over(NDArray a, MemorySegment segment) {
        return a != null && !a.isClosed() && a.segment() == segment;
    }

    private static int segmentHash(NDArray array) {
        return array.isClosed() ? 0 : System.identityHashCode(array.segment());
    }

    /** @return the bytes of its segment that {@code a}'s elements lie in, {@code {from, to}} (empty when it has none) */
    private static long[] span(NDArray a) {
        if (a.size() == 0) {
            return new long[] {0, 0};
        }
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < a.ndim(); i++) {
            long reach = (a.shape(i) - 1) * a.stride(i);
            lo += Math.min(0, reach);
            hi += Math.max(0, reach);
        }
        long elem = a.dtype().byteSize();
        return new long[] {a.byteOffset() + lo * elem, a.byteOffset() + (hi + 1) * elem};
    }

    private static boolean covers(long[] outer, long[] inner) {
        return inner[0] < inner[1] && outer[0] <= inner[0] && inner[1] <= outer[1];
    }

    private static boolean overlaps(long[] a, long[] b) {
        return a[0] < b[1] && b[0] < a[1];
    }

    private static boolean among(NDArray a, NDArray[] arrays) {
        for (NDArray x : arrays) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }
}
