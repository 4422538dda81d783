package org.theano4j.tensor;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The C library's {@code calloc} and {@code free}, bound once. Memory from here is outside the
 * JDK's direct-memory budget ({@code -XX:MaxDirectMemorySize}, by default the heap size), which
 * the JDK enforces by calling {@code System.gc()} and failing with "Cannot reserve direct buffer
 * memory" when that does not help (for instance under {@code -XX:+DisableExplicitGC}). Where the
 * symbols cannot be bound (no native access) {@link #available()} is false and arrays use the
 * JDK allocator, with its budget.
 *
 * <p>Binding is the JDK's first downcall link: 70-100 ms of a fresh JVM's time, most of it
 * interpreted JDK code. {@link #linkInBackground} does it on a daemon thread, so that a program's
 * first arrays need not wait for it ({@link NativeMemory} serves them meanwhile); whoever needs
 * the handles before that thread is done waits for it, and binds them itself if nobody started.
 */
final class CAlloc {
    private static final FutureTask<MethodHandle[]> LINK = new FutureTask<>(CAlloc::link);

    private CAlloc() {
    }

    /** The handles once bound: static finals, so that the JIT treats them as constants. */
    private static final class Bound {
        static final MethodHandle CALLOC;
        static final MethodHandle FREE;

        static {
            MethodHandle[] h = await();
            CALLOC = h == null ? null : h[0];
            FREE = h == null ? null : h[1];
        }
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

    /** Binds the symbols on a daemon thread (nothing happens when that was started or done already). */
    static void linkInBackground() {
        if (!LINK.isDone()) {
            Thread t = new Thread(LINK, "theano4j-calloc-link");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Whether binding has finished, successfully or not ({@link #available()} then answers at once). */
    static boolean linked() {
        return LINK.isDone();
    }

    /** Binds here unless another thread is at it, then waits for the result. */
    private static MethodHandle[] await() {
        LINK.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return LINK.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("binding calloc failed", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@link #calloc} can be used (waits for the binding when it is under way). */
    static boolean available() {
        return Bound.CALLOC != null;
    }

    /** The address of {@code bytes} zero bytes, or 0 when the C library has none to give. */
    static long calloc(long bytes) {
        try {
            return ((MemorySegment) Bound.CALLOC.invokeExact(1L, bytes)).address();
        } catch (Throwable e) {
            return 0;
        }
    }

    /** Frees what {@link #calloc} returned. */
    static void free(long address) {
        try {
            Bound.FREE.invokeExact(MemorySegment.ofAddress(address));
        } catch (Throwable e) {
            // nothing sensible to do when releasing: the memory leaks
        }
    }
}
