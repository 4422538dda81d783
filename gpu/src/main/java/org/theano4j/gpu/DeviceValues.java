package org.theano4j.gpu;

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
 */
final class DeviceValues implements HostSync.Residency {

    /**
     * The device memory of an array (null until a shared value is first uploaded), whether it holds
     * the array's value, whether the host memory holds it too, and whether the runtime said the
     * array is a shared value (so an upload may be kept).
     */
    private static final class Entry extends WeakReference<NDArray> {
        final int hash;
        Device.Memory memory;
        boolean deviceValid = true;
        boolean hostValid;
        boolean shared;

        Entry(NDArray array, Device.Memory memory, ReferenceQueue<NDArray> queue) {
            super(array, queue);
            this.hash = System.identityHashCode(array);
            this.memory = memory;
        }
    }

    private final Device device;
    private final Map<Integer, Entry[]> entries = new HashMap<>();
    private final ReferenceQueue<NDArray> collected = new ReferenceQueue<>();
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
        long bytes = out.size() * out.dtype().byteSize();
        Entry e = find(out);
        if (e != null && e.memory != null && e.memory.byteSize() == bytes && !among(out, inputs)) {
            e.hostValid = false;
            e.deviceValid = true;
            e.shared = false;
            return e.memory;
        }
        if (e != null) {
            remove(e);
        }
        Entry fresh = new Entry(out, device.allocate(bytes), collected);
        add(fresh);
        return fresh.memory;
    }

    /** Downloads {@code array}'s value when only the device holds it. */
    @Override
    public synchronized void toHost(NDArray array) {
        Entry e = find(array);
        if (e == null || e.hostValid || !e.deviceValid) {
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
            return;
        }
        toHost(array);
        if (e.shared && e.memory != null) {
            e.deviceValid = false;
            e.hostValid = true;
        } else {
            remove(e);
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
        Entry[] bucket = entries.get(e.hash);
        Entry[] next = bucket == null ? new Entry[1] : java.util.Arrays.copyOf(bucket, bucket.length + 1);
        next[next.length - 1] = e;
        entries.put(e.hash, next);
    }

    private void remove(Entry e) {
        Entry[] bucket = entries.get(e.hash);
        if (bucket == null) {
            return;
        }
        Entry[] next = java.util.Arrays.stream(bucket).filter(x -> x != e).toArray(Entry[]::new);
        if (next.length == bucket.length) {
            return;
        }
        if (next.length == 0) {
            entries.remove(e.hash);
        } else {
            entries.put(e.hash, next);
        }
        if (e.memory != null) {
            device.enter();
            device.free(e.memory);
        }
    }

    /** Frees the device memory of arrays that were collected. */
    private void expunge() {
        for (Object r; (r = collected.poll()) != null;) {
            remove((Entry) r);
        }
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
