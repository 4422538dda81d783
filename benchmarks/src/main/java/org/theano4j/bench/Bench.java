package org.theano4j.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The in-process measuring loop and the workload options. A measurement warms the operation up
 * for a while, picks a repetition count that makes one round last about {@code round} seconds,
 * then times {@code rounds} rounds and reports the median time per operation: JVM start-up,
 * class loading and JIT compilation are left out.
 */
public final class Bench {
    private final Map<String, String> options;
    private final int rounds;

    /** Options from {@code key=value} command-line words; {@code rounds} measured rounds. */
    public Bench(int rounds, Map<String, String> options) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: expected >= 1, given " + rounds);
        }
        this.rounds = rounds;
        this.options = Map.copyOf(options);
    }

    /** Parses {@code key=value} words into a map. */
    public static Map<String, String> parseOptions(String[] words, int from) {
        Map<String, String> m = new HashMap<>();
        for (int i = from; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option: expected key=value, given '" + words[i] + "'");
            }
            m.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        return m;
    }

    /** Number of measured rounds. */
    public int rounds() {
        return rounds;
    }

    /** A string option, or {@code fallback}. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** An integer option, or {@code fallback}. */
    public long longOption(String key, long fallback) {
        String v = options.get(key);
        return v == null ? fallback : (long) Double.parseDouble(v);
    }

    /** A comma-separated list of integers ({@code n=256,512}), or {@code fallback}. */
    public long[] longsOption(String key, long... fallback) {
        String v = options.get(key);
        return v == null ? fallback : Arrays.stream(v.split(",")).mapToLong(s -> (long) Double.parseDouble(s)).toArray();
    }

    /**
     * Median nanoseconds per call of {@code op}: warm-up for at least {@code warmup} seconds (option,
     * default 3; at least two calls) and until the JIT has settled (three consecutive 0.25 s warm-up
     * windows within 5 % of each other, at most {@code warmupMax} seconds, default 30), then
     * {@link #rounds()} rounds of about {@code round} seconds (option, default 0.25; at least one
     * call each). A short warm-up is not enough where C2 compiles the kernels late: on 2 cores the
     * float32 mlp step still ran at 25x its steady time after one second, and two slow windows
     * agree with each other as well as two fast ones.
     */
    public double medianNanos(Runnable op) {
        double roundNanos = Double.parseDouble(option("round", "0.25")) * 1e9;
        double perCallNanos = warmUp(op);
        long reps = Math.max(1, Math.round(roundNanos / perCallNanos));
        double[] perCall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            perCall[r] = window(op, reps);
        }
        return median(perCall);
    }

    /** Runs {@code op} until warm (see {@link #medianNanos}); returns the last window's ns per call. */
    public double warmUp(Runnable op) {
        double minNanos = Double.parseDouble(option("warmup", "3")) * 1e9;
        double maxNanos = Math.max(minNanos, Double.parseDouble(option("warmupMax", "30")) * 1e9);
        long start = System.nanoTime();
        double[] last = {Double.NaN, Double.NaN, window(op, 2)};
        while (true) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= maxNanos || (elapsed >= minNanos && settled(last))) {
                return last[2];
            }
            long reps = Math.max(1, Math.round(0.25e9 / last[2]));
            last[0] = last[1];
            last[1] = last[2];
            last[2] = window(op, reps);
        }
    }

    /** Whether the three windows' times lie within 5 % of their smallest. */
    private static boolean settled(double[] windows) {
        double lo = Math.min(windows[0], Math.min(windows[1], windows[2]));
        double hi = Math.max(windows[0], Math.max(windows[1], windows[2]));
        return hi <= 1.05 * lo; // false while a window is NaN
    }

    /** Nanoseconds per call of {@code reps} back-to-back calls of {@code op}. */
    private static double window(Runnable op, long reps) {
        long t0 = System.nanoTime();
        for (long i = 0; i < reps; i++) {
            op.run();
        }
        return (double) (System.nanoTime() - t0) / reps;
    }

    /** The median of {@code values} (mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Prints {@code NAME theano4j=<value> <unit>} with four significant digits. */
    public static void report(String name, double value, String unit) {
        System.out.println(name + " theano4j=" + format(value) + " " + unit);
        System.out.flush();
    }

    /** Prints a row that cannot be measured here: {@code NAME theano4j=n/a (why)}. */
    public static void unavailable(String name, String why) {
        System.out.println(name + " theano4j=n/a (" + why + ")");
        System.out.flush();
    }

    /** Prints a comment line (starting with {@code #}), ignored by compare.sh. */
    public static void note(String text) {
        System.out.println("# " + text);
        System.out.flush();
    }

    /** {@code value} rounded to four significant digits, without an exponent. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
