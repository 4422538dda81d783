package org.theano4j.gpu;

import java.lang.ref.Cleaner;

/**
 * A kernel's device buffers, one per argument slot, kept between calls and reallocated only
 * when a call needs another size. Freed when the owning kernel becomes unreachable (a
 * {@link Cleaner} closes them), so compiled functions that are dropped do not leak device memory.
 * Not thread-safe: the owning kernel serialises its calls.
 */
final class DeviceSlots {

    private static final Cleaner CLEANER = Cleaner.create();

    private final CudaContext context;
    private final Buffers buffers;

    /**
     * @param context where the buffers live
     * @param count number of slots
     */
    DeviceSlots(CudaContext context, int count) {
        this.context = context;
        this.buffers = new Buffers(new DeviceBuffer[count]);
        CLEANER.register(this, buffers);
    }

    /**
     * @param slot the slot
     * @param byteSize the size this call needs
     * @return the slot's buffer, of exactly {@code byteSize} bytes (allocated if it had another size)
     */
    DeviceBuffer get(int slot, long byteSize) {
        DeviceBuffer b = buffers.all[slot];
        if (b == null || b.byteSize() != byteSize) {
            if (b != null) {
                b.close();
            }
            buffers.all[slot] = null;
            b = DeviceBuffer.allocate(context, byteSize);
            buffers.all[slot] = b;
        }
        return b;
    }

    /** The cleaning action: holds the buffers, not the owner. */
    private record Buffers(DeviceBuffer[] all) implements Runnable {
        @Override
        public void run() {
            for (DeviceBuffer b : all) {
                try {
                    if (b != null) {
                        b.close();
                    }
                } catch (RuntimeException e) {
                    // freeing after the driver went away (JVM shutdown): nothing left to release
                }
            }
        }
    }
}
