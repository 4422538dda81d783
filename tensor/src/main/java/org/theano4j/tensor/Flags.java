package org.theano4j.tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every configuration flag of theano4j, in one table, like Theano's {@code config}. A flag is set
 * by the system property {@code -Dtheano4j.<name>=value} or in the environment variable
 * {@code THEANO4J_FLAGS="name=value,name=value"}; the property wins. An unknown name in either
 * place (a misspelling such as {@code floatx}) and a malformed or invalid value are
 * {@link IllegalArgumentException}s naming the valid choices, raised when a flag is read, never
 * remembered: fixing the property makes the next read work.
 */
public final class Flags {
    /** The system-property prefix of every flag. */
    public static final String PREFIX = "theano4j.";
    /** The environment variable holding {@code name=value} pairs. */
    public static final String ENV = "THEANO4J_FLAGS";

    /**
     * One flag: its name, default (null: unset), the values it accepts (empty: any) and what it does.
     *
     * @param name the name after {@value #PREFIX}
     * @param defaultValue the value when unset, or null
     * @param choices the accepted values (compared ignoring case), or empty for free-form values
     * @param description one line for the README and error messages
     */
    public record Flag(String name, String defaultValue, List<String> choices, String description) {
    }

    private static final Map<String, Flag> TABLE = table(
            new Flag("device", "cpu", List.of("cpu", "cuda", "reference"), "device functions compile for"),
            new Flag("floatX", "float64", List.of("float64", "float32"), "dtype of untyped constructors (T.scalar, T.matrix) and random draws"),
            new Flag("mode", "FAST_RUN", List.of("FAST_RUN", "FAST_COMPILE", "DebugMode"), "default compilation mode"),
            new Flag("computeTestValue", "off", List.of("off", "ignore", "warn", "raise"),
                    "compute test values while the graph is built: shape errors at the line that builds the node"),
            new Flag("gcTriggerBytes", "268435456", List.of(), "native bytes allocated between the collections theano4j asks for"),
            new Flag("hugePages", "true", List.of("true", "false"), "map arrays from hugePagesFrom bytes with transparent huge pages"),
            new Flag("hugePagesFrom", "33554432", List.of(), "smallest array, in bytes, mapped with huge pages"),
            new Flag("cpu.vector", "true", List.of("true", "false"), "false forces the CPU backend's scalar code paths"),
            new Flag("cpu.vectorBits", null, List.of("64", "128", "256", "512"), "vector width of the CPU backend (default: the machine's preferred)"),
            new Flag("cpu.gemmTile", "7x3", List.of("7x3", "6x2"), "GEMM register tile, rows x vectors"),
            new Flag("cpu.gemmBlocking", null, List.of(), "GEMM cache blocking kc,mc,nc (default: from the cache sizes)"),
            new Flag("cpu.threads", null, List.of(), "threads of the CPU backend (default: available processors)"),
            new Flag("cpu.elemCodegen", "false", List.of("true", "false"),
                    "cheap-op fused float elementwise kernels over contiguous and one-value inputs as one generated class each (false: the block interpreter only)"),
            new Flag("cpu.warmup", "false", List.of("true", "false"), "warm the CPU kernels up on a background thread when the backend loads"),
            new Flag("cpu.spinMicros", "200", List.of(), "how long idle CPU workers spin before they park, in microseconds"),
            new Flag("rng.minParallel", "65536", List.of(), "smallest random draw split over threads"),
            new Flag("gpu.disable", "false", List.of("true", "false"), "true keeps the CUDA backend off even where a GPU is present"),
            new Flag("gpu.require", "false", List.of("true", "false"), "true makes an unusable GPU an error where it would be a skip or a fallback"),
            new Flag("gpu.arch", null, List.of(), "architecture NVRTC compiles for, sm_XX or compute_XX (default: the device's)"),
            new Flag("gpu.cacheDir", null, List.of(), "folder that keeps compiled GPU kernels between JVMs (default: memory only)"),
            new Flag("cuda.libPath", null, List.of(), "extra folders to search for the CUDA libraries (a path list; property only)"));

    private Flags() {
    }

    private static Map<String, Flag> table(Flag... flags) {
        Map<String, Flag> m = new LinkedHashMap<>();
        for (Flag f : flags) {
            m.put(f.name(), f);
        }
        return m;
    }

    /** Every known flag, in documentation order. */
    public static List<Flag> all() {
        return List.copyOf(TABLE.values());
    }

    /**
     * The value of flag {@code name} (its default when unset; null when it has none), after checking
     * that every flag set anywhere is known and well formed.
     */
    public static String get(String name) {
        Flag flag = TABLE.get(name);
        if (flag == null) {
            throw new IllegalArgumentException("no flag '" + name + "'; known: " + String.join(", ", TABLE.keySet()));
        }
        Map<String, String> env = environment();
        checkNames();
        String p = System.getProperty(PREFIX + name);
        String v = p != null ? p.trim() : env.getOrDefault(name, flag.defaultValue());
        return v == null ? null : checkChoice(flag, v, p != null ? "-D" + PREFIX + name : ENV);
    }

    /** The flag as a long; {@link IllegalArgumentException} when it is not an integer. */
    public static long getLong(String name) {
        String v = get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("flag " + name + " must be an integer, got '" + v + "'");
        }
    }

    /** The flag as a boolean ({@code true}/{@code false}). */
    public static boolean getBoolean(String name) {
        return Boolean.parseBoolean(get(name));
    }

    private static String checkChoice(Flag flag, String v, String where) {
        if (flag.choices().isEmpty()) {
            return v;
        }
        for (String c : flag.choices()) {
            if (c.equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException(where + ": flag " + flag.name() + " cannot be '" + v + "'; valid: "
                + String.join(", ", flag.choices()));
    }

    /** The pairs of {@value #ENV}, parsed afresh so that an error never outlives its cause. */
    private static Map<String, String> environment() {
        String text = System.getenv(ENV);
        Map<String, String> m = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (part.isBlank()) {
                continue;
            }
            if (eq <= 0) {
                throw new IllegalArgumentException(ENV + ": expected name=value, got '" + part.trim() + "' (known names: "
                        + String.join(", ", TABLE.keySet()) + ")");
            }
            String key = part.substring(0, eq).trim();
            requireKnown(key, ENV);
            m.put(key, part.substring(eq + 1).trim());
        }
        return m;
    }

    private static void checkNames() {
        for (String p : System.getProperties().stringPropertyNames()) {
            if (p.startsWith(PREFIX)) {
                requireKnown(p.substring(PREFIX.length()), "-D" + p);
            }
        }
    }

    private static void requireKnown(String name, String where) {
        if (TABLE.containsKey(name)) {
            return;
        }
        List<String> near = new ArrayList<>();
        for (String k : TABLE.keySet()) {
            if (k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT).replace('_', '.'))) {
                near.add(k);
            }
        }
        throw new IllegalArgumentException(where + ": unknown flag '" + name + "'"
                + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?") + " Known flags: " + String.join(", ", TABLE.keySet()));
    }
}
