package org.theano4j.gpu;

import java.lang.ref.Cleaner;

/**
 * A kernel's device memory for inputs that are not resident, one block per input slot, kept between
 * calls and reallocated only when a call needs another size. Freed when the owning kernel becomes
 * unreachable (a {@link Cleaner}), so compiled functions that are dropped do not leak device memory.
 * Not thread-safe: the owning kernel serialises its calls.
 */
final class Scratch {

    private static final Cleaner CLEANER = Cleaner.create();

    private final Blocks blocks;

    /**
     * @param device where the memory lives
     * @param count number of slots
     */
    Scratch(Device device, int count) {
        this.blocks = new Blocks(device, new Device.Memory[count]);
        CLEANER.register(this, blocks);
    }

    /**
     * @param slot the slot
     * @param byteSize the size this call needs
     * @return the slot's memory, of exactly {@code byteSize} bytes
     */
    Device.Memory get(int slot, long byteSize) {
        Device.Memory m = blocks.all[slot];
        if (m == null || m.byteSize() != byteSize) {
            blocks.all[slot] = null;
            if (m != null) {
                blocks.device.free(m);
            }
            m = blocks.device.allocate(byteSize);
            blocks.all[slot] = m;
        }
        return m;
    }

    /** The cleaning action: holds the memory, not the owner. */
    private record Blocks(Device device, Device.Memory[] all) implements Runnable {
        @Override
        public void run() {
            for (Device.Memory m : all) {
                try {
                    if (m != null) {
                        device.free(m);
                    }
                } catch (RuntimeException e) {
                    // freeing after the driver went away (JVM shutdown): nothing left to release
                }
            }
        }
    }
}
