package org.theano4j.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Packs kernel arguments for {@code cuLaunchKernel}: an array of pointers, the i-th
 * pointing at a copy of the i-th argument's value.
 */
final class KernelArgs {

    private KernelArgs() {
    }

    /**
     * @param arena owns the packed memory; it must outlive the launch call
     * @param args {@link DeviceBuffer} (passed as its device address), {@link Long},
     *        {@link Integer}, {@link Double} or {@link Float}
     * @return the {@code void**} array
     */
    static MemorySegment pack(Arena arena, Object... args) {
        MemorySegment pointers = arena.allocate(ValueLayout.ADDRESS, Math.max(1, args.length));
        for (int i = 0; i < args.length; i++) {
            pointers.setAtIndex(ValueLayout.ADDRESS, i, value(arena, i, args[i]));
        }
        return pointers;
    }

    private static MemorySegment value(Arena arena, int index, Object arg) {
        return switch (arg) {
            case DeviceBuffer b -> arena.allocateFrom(ValueLayout.JAVA_LONG, b.address());
            case Long l -> arena.allocateFrom(ValueLayout.JAVA_LONG, l);
            case Integer i -> arena.allocateFrom(ValueLayout.JAVA_INT, i);
            case Double d -> arena.allocateFrom(ValueLayout.JAVA_DOUBLE, d);
            case Float f -> arena.allocateFrom(ValueLayout.JAVA_FLOAT, f);
            case null -> throw new IllegalArgumentException("kernel argument " + index + " is null");
            default -> throw new IllegalArgumentException("kernel argument " + index + " has unsupported type "
                    + arg.getClass().getName() + " (use DeviceBuffer, Long, Integer, Double or Float)");
        };
    }
}
