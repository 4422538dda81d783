package org.theano4j;

/**
 * A basic-indexing slice {@code start:stop:step} for {@link Variable#get}, with numpy's semantics
 * (negative bounds count from the end, bounds are clamped, negative steps walk backwards). Each
 * part is an {@link Integer}, a {@link Long}, an integer scalar {@link Variable} (known at run
 * time), or null for the default.
 */
public final class Slice {
    private static final Slice ALL = new Slice(null, null, null);

    private final Object start;
    private final Object stop;
    private final Object step;

    private Slice(Object start, Object stop, Object step) {
        this.start = check("start", start);
        this.stop = check("stop", stop);
        this.step = check("step", step);
        if (step instanceof Number n && n.longValue() == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
    }

    private static Object check(String part, Object bound) {
        if (bound == null || bound instanceof Integer || bound instanceof Long) {
            return bound;
        }
        if (bound instanceof Variable v && v.isTensor() && v.ndim() == 0
                && v.dtype().isInteger()) {
            return bound;
        }
        throw new IllegalArgumentException("slice " + part + " must be an Integer, a Long, an integer scalar variable or null, got "
                + (bound instanceof Variable v ? v + " of type " + v.type().describe() : bound.getClass().getSimpleName() + " " + bound));
    }

    /** {@code start:stop}. */
    public static Slice of(Object start, Object stop) {
        return new Slice(start, stop, null);
    }

    /** {@code start:stop:step}. */
    public static Slice of(Object start, Object stop, Object step) {
        return new Slice(start, stop, step);
    }

    /** {@code :}, the whole axis. */
    public static Slice all() {
        return ALL;
    }

    /** The start bound, or null. */
    public Object start() {
        return start;
    }

    /** The stop bound, or null. */
    public Object stop() {
        return stop;
    }

    /** The step, or null (1). */
    public Object step() {
        return step;
    }

    /** Python syntax, e.g. {@code 1:3} or {@code ::-1}. */
    @Override
    public String toString() {
        String s = text(start) + ":" + text(stop);
        return step == null ? s : s + ":" + step;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
