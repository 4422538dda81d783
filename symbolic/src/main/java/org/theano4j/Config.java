package org.theano4j;

import org.theano4j.tensor.DType;
import org.theano4j.tensor.Flags;

/**
 * The flags the symbolic layer reads, like Theano's {@code config}: the environment variable
 * {@code THEANO4J_FLAGS="device=cuda,floatX=float32,mode=FAST_COMPILE"} or system properties
 * {@code -Dtheano4j.device=cuda}; system properties win. Every flag, with its default, is in
 * {@link Flags}; an unknown or invalid one is an {@link IllegalArgumentException} naming the valid ones.
 */
public final class Config {
    private Config() {
    }

    /** The value of flag {@code key} (see {@link Flags#all()}), or {@code fallback} when it is unset and has no default. */
    public static String get(String key, String fallback) {
        String v = Flags.get(key);
        return v != null ? v : fallback;
    }

    /** The default float dtype of untyped constructors ({@code floatX}, float64 unless configured). */
    public static DType floatX() {
        return DType.of(Flags.get("floatX"));
    }

    /** The default device: {@code cpu}, {@code cuda} or {@code reference}. */
    public static String device() {
        return Flags.get("device");
    }

    /**
     * Whether and how test values are computed while graphs are built (Theano's
     * {@code config.compute_test_value}): {@code off} (default), {@code ignore}, {@code warn} or
     * {@code raise}; see {@link Tag}.
     */
    public static String computeTestValue() {
        return Flags.get("computeTestValue");
    }

    /** The default compilation mode: {@code FAST_RUN}, {@code FAST_COMPILE} or {@code DebugMode}. */
    public static String mode() {
        return Flags.get("mode");
    }
}
