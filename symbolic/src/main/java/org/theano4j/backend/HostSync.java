package org.theano4j.backend;

import java.util.Arrays;
import org.theano4j.tensor.NDArray;

/**
 * Where the runtime tells device backends that the host is about to read an array, or that an
 * array's host memory now belongs to someone who may write it. A backend whose kernels keep values
 * on a device (the gpu backend's shared variables and intermediates) registers a {@link Residency};
 * the runtime calls {@link #toHost} before the host reads a value a kernel may have produced
 * (an op evaluated on the host, for the inputs whose elements it reads; a function's outputs and
 * copied update values, {@code getValue}, a step listener) and
 * {@link #release} when a host array leaves its control (handed to a caller, lent with
 * {@code borrow}, overwritten in place by a host op). With no backend registered both are a
 * volatile read.
 */
public final class HostSync {

    /** What a device backend does at those two moments. */
    public interface Residency {
        /**
         * Makes the host memory of {@code array} hold its current value (downloads it when only the
         * device holds it). {@code array} may be a view a host op made, without reading elements
         * ({@link org.theano4j.graph.Op#readsElements}), of an array only the device holds: then the
         * host memory it shares with that base must be made current. Must be cheap for arrays the
         * backend does not know.
         *
         * @param array an array the host is about to read
         */
        void toHost(NDArray array);

        /**
         * Forgets any device copy of {@code array}: its host memory may be written from now on.
         * Called after {@link #toHost} where both apply.
         *
         * @param array an array leaving the runtime's control
         */
        void release(NDArray array);

        /**
         * Says that {@code array} is a shared variable's current value, read by the call about to
         * run. Its host memory changes only where the runtime says so ({@link #release} on
         * {@code setValue}, on lending with {@code getValue(true)} and on in-place host writes;
         * {@link #retire} when it stops being the value), so a backend may keep an uploaded copy
         * across calls until then. Must be cheap; the default does nothing.
         *
         * @param array a shared value
         */
        default void shared(NDArray array) {
        }

        /**
         * Says that {@code array} stopped being a shared variable's value and that nobody reads it
         * any more: any device copy is dead (no download needed). The default does nothing.
         *
         * @param array the former value
         * @param recycled whether the runtime will write the variable's next update into it (its
         *     device memory may be kept for that) rather than drop it
         */
        default void retire(NDArray array, boolean recycled) {
        }
    }

    private static volatile Residency[] registered = new Residency[0];

    private HostSync() {
    }

    /**
     * Registers a backend's residency (once per backend instance; registering the same one again does nothing).
     *
     * @param residency the hooks
     */
    public static synchronized void register(Residency residency) {
        if (Arrays.stream(registered).noneMatch(r -> r == residency)) {
            Residency[] next = Arrays.copyOf(registered, registered.length + 1);
            next[registered.length] = residency;
            registered = next;
        }
    }

    /**
     * Removes a registered residency (tests); unknown ones are ignored.
     *
     * @param residency the hooks
     */
    public static synchronized void unregister(Residency residency) {
        registered = Arrays.stream(registered).filter(r -> r != residency).toArray(Residency[]::new);
    }

    /**
     * Before the host reads {@code value} (anything but an NDArray is ignored).
     *
     * @param value a slot's value
     */
    public static void toHost(Object value) {
        Residency[] rs = registered;
        if (rs.length != 0 && value instanceof NDArray a) {
            for (Residency r : rs) {
                r.toHost(a);
            }
        }
    }

    /**
     * {@link #toHost(Object)} for each value.
     *
     * @param values slot values
     */
    public static void toHost(Object[] values) {
        if (registered.length != 0) {
            for (Object v : values) {
                toHost(v);
            }
        }
    }

    /**
     * Before a call reads {@code value} as a shared variable's value (see {@link Residency#shared}).
     *
     * @param value a shared slot's value (anything but an NDArray is ignored)
     */
    public static void shared(Object value) {
        Residency[] rs = registered;
        if (rs.length != 0 && value instanceof NDArray a) {
            for (Residency r : rs) {
                r.shared(a);
            }
        }
    }

    /**
     * After {@code array} stopped being a shared variable's value, nobody reading it (see {@link Residency#retire}).
     *
     * @param array the former value
     * @param recycled whether the next update will be written into it
     */
    public static void retire(NDArray array, boolean recycled) {
        Residency[] rs = registered;
        for (Residency r : rs) {
            r.retire(array, recycled);
        }
    }

    /**
     * After {@code value}'s host memory left the runtime's control (anything but an NDArray is ignored).
     *
     * @param value the value
     */
    public static void release(Object value) {
        Residency[] rs = registered;
        if (rs.length != 0 && value instanceof NDArray a) {
            for (Residency r : rs) {
                r.release(a);
            }
        }
    }
}
