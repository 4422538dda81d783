package org.theano4j.tensor;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library's {@code calloc} and {@code free}, bound once. Memory from here is outside the
 * JDK's direct-memory budget ({@code -XX:MaxDirectMemorySize}, by default the heap size), which
 * the JDK enforces by calling {@code System.gc()} and failing with "Cannot reserve direct buffer
 * memory" when that does not help (for instance under {@code -XX:+DisableExplicitGC}). Where the
 * symbols cannot be bound (no native access) {@link #available()} is false and arrays use the
 * JDK allocator, with its budget.
 */
final class CAlloc {
    private static final MethodHandle CALLOC;
    private static final MethodHandle FREE;

    static {
        MethodHandle[] h = link();
        CALLOC = h == null ? null : h[0];
        FREE = h == null ? null : h[1];
    }

    private CAlloc() {
    }

    private static MethodHandle[] link() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            return new MethodHandle[] {
                linker.downcallHandle(libc.findOrThrow("calloc"),
                        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG)),
                linker.downcallHandle(libc.findOrThrow("free"), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS))};
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(CAlloc.class.getName()).log(System.Logger.Level.INFO,
                    "arrays use the JDK allocator (within -XX:MaxDirectMemorySize), not calloc: " + e);
            return null;
        }
    }

    /** Whether {@link #calloc} can be used. */
    static boolean available() {
        return CALLOC != null;
    }

    /** The address of {@code bytes} zero bytes, or 0 when the C library has none to give. */
    static long calloc(long bytes) {
        try {
            return ((MemorySegment) CALLOC.invokeExact(1L, bytes)).address();
        } catch (Throwable e) {
            return 0;
        }
    }

    /** Frees what {@link #calloc} returned. */
    static void free(long address) {
        try {
            FREE.invokeExact(MemorySegment.ofAddress(address));
        } catch (Throwable e) {
            // nothing sensible to do when releasing: the memory leaks
        }
    }
}
