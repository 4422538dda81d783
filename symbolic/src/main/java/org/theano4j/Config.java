package org.theano4j;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.theano4j.tensor.DType;

/**
 * Configuration flags, like Theano's: the environment variable
 * {@code THEANO4J_FLAGS="device=cuda,floatX=float32,mode=FAST_COMPILE"} or system properties
 * {@code -Dtheano4j.device=cuda}; system properties win.
 */
public final class Config {
    private static final Map<String, String> ENV_FLAGS = parse(System.getenv("THEANO4J_FLAGS"));

    private Config() {
    }

    static Map<String, String> parse(String flags) {
        Map<String, String> m = new HashMap<>();
        if (flags == null || flags.isBlank()) {
            return m;
        }
        for (String part : flags.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("THEANO4J_FLAGS: expected key=value, got '" + part + "'");
            }
            m.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return m;
    }

    /** The value of flag {@code key}, or {@code fallback}. */
    public static String get(String key, String fallback) {
        String p = System.getProperty("theano4j." + key);
        if (p != null) {
            return p;
        }
        return ENV_FLAGS.getOrDefault(key, fallback);
    }

    /** The default float dtype of untyped constructors ({@code floatX}, float64 unless configured). */
    public static DType floatX() {
        DType d = DType.of(get("floatX", "float64"));
        if (!d.isFloat()) {
            throw new IllegalArgumentException("floatX must be float32 or float64, got " + d.numpyName());
        }
        return d;
    }

    /** The default device: {@code cpu} or {@code cuda}. */
    public static String device() {
        return get("device", "cpu").toLowerCase(Locale.ROOT);
    }

    /** The default compilation mode: {@code FAST_RUN} or {@code FAST_COMPILE}. */
    public static String mode() {
        return get("mode", "FAST_RUN").toUpperCase(Locale.ROOT);
    }
}
