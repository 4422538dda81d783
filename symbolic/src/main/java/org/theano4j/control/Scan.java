package org.theano4j.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.op.Operands;
import org.theano4j.op.Ops;

/**
 * Theano 1.0's {@code theano.scan}: a loop whose body is a symbolic graph built once by a Java
 * lambda, compiled once, and run once per step. Start with {@link #builder(StepFunction)} (every
 * option of {@code theano.scan}) or one of the {@code scan(...)} shorthands:
 *
 * <pre>{@code
 * // A ** k (the loop tutorial): result[-1]
 * ScanResult r = Scan.builder(a -> List.of(T.mul(a.get(0), a.get(1))))
 *         .outputsInfo(T.onesLike(A)).nonSequences(A).nSteps(k).build();
 * Variable power = r.output().get(-1);
 *
 * // x(t) = x(t-2) U + x(t-1) V + tanh(x(t-1) W + b), initial rows X[0], X[1]
 * Scan.builder(a -> List.of(T.dot(a.get(0), U).add(T.dot(a.get(1), V)).add(T.tanh(T.dot(a.get(1), W).add(b)))))
 *         .outputsInfo(Scan.Output.of(X).taps(-2, -1)).nSteps(n).build();
 * }</pre>
 *
 * <p><b>What the step function receives</b>, in Theano's order: for each sequence, one slice
 * per tap ({@code seq[t + k]}, in the order the taps were given); then for each output with an
 * initial value, one argument per tap ({@code out[t + k]}); then the non-sequences themselves.
 * A sequence given as a plain value has tap 0; an output given as a plain value has tap -1 and
 * its initial value has the output's shape; with other taps the initial value has one more
 * leading axis, row {@code i} standing for {@code out[i - m]}, {@code m} the largest
 * {@code |tap|}. Outputs given as {@code null} or {@link Output#none()} are plain per-step
 * outputs (a map). An empty {@code outputsInfo} makes every returned variable a plain output.
 *
 * <p><b>What it returns</b> (a {@code List<?>}, Theano's {@code (outputs, updates, until)}):
 * the output variables in {@code outputsInfo} order, optionally a
 * {@code Map<SharedVariable or random state, Variable>} of updates (applied after each step; the
 * loop's final values come back in {@link ScanResult#updates()}, to pass to
 * {@code Theano.function}), and optionally, last, {@link #until(Object)} to stop early.
 *
 * <p>Variables the step uses without receiving them become implicit non-sequences (their values
 * are read once per call); shared variables among them must be listed in
 * {@linkplain ScanBuilder#strict(boolean) strict} mode. Random draws ({@code RandomStreams},
 * {@code MRGRandomStreams}) used in the step advance their state at every step, as in Theano;
 * the state after the last step is among the updates. Every output comes back stacked along a
 * new axis 0, one row per step. The gradient is back-propagation through time, optionally
 * truncated.
 */
public final class Scan {
    private Scan() {
    }

    /** Builds the step graph from the step's symbolic inputs (see {@link Scan} for their order). */
    @FunctionalInterface
    public interface StepFunction {
        /**
         * The step's results: output variables in {@code outputsInfo} order, optionally one map of
         * shared-variable updates, and optionally, last, an {@link Until}.
         */
        List<?> step(List<Variable> args);
    }

    /**
     * A sequence and the taps the step reads of it: Theano's {@code dict(input=seq, taps=[...])}.
     * At step {@code t} tap {@code k} passes {@code seq[t + k]}, counting {@code t} from the row
     * that makes the most negative tap valid. Example: {@code Scan.Sequence.of(u).taps(-1, 0, 1)}.
     *
     * @param input the sequence (iterated over axis 0)
     * @param taps the taps, in the order the step receives them (not empty)
     */
    public record Sequence(Variable input, List<Integer> taps) {
        /** Checks and copies. */
        public Sequence {
            if (input == null) {
                throw new IllegalArgumentException("scan: a sequence's input is null");
            }
            taps = List.copyOf(taps);
            if (taps.isEmpty()) {
                throw new IllegalArgumentException("scan: sequence " + input + " needs at least one tap, got none");
            }
        }

        /** The sequence with tap 0 (one row per step). */
        public static Sequence of(Object input) {
            return new Sequence(Operands.of(input), List.of(0));
        }

        /** This sequence read at {@code taps} instead. */
        public Sequence taps(int... taps) {
            return new Sequence(input, boxed(taps));
        }

        /** A sequence entry: a {@code Sequence}, a Theano-style map {@code {"input": x, "taps": [...]}}, or a value (tap 0). */
        static Sequence from(Object o, int index) {
            if (o instanceof Sequence s) {
                return s;
            }
            if (o instanceof Map<?, ?> m) {
                checkKeys(m, Set.of("input", "taps"), "sequence " + index);
                if (m.get("input") == null) {
                    throw new IllegalArgumentException("scan: sequence " + index + " is a map without \"input\"");
                }
                Sequence s = of(m.get("input"));
                return m.get("taps") == null ? s : new Sequence(s.input(), tapList(m.get("taps"), "sequence " + index));
            }
            if (o == null) {
                throw new IllegalArgumentException("scan: sequence " + index + " is null");
            }
            return of(o);
        }
    }

    /**
     * What {@code outputsInfo} says about one output: Theano's {@code dict(initial=x, taps=[...])}.
     * Without an initial value the output is a plain per-step output; with one it is recurrent and
     * the step reads {@code out[t + k]} for each (negative, distinct) tap {@code k}.
     * Example: {@code Scan.Output.of(x0).taps(-3, -1)}.
     *
     * @param initial the initial value, or null for a plain output
     * @param taps the taps (empty exactly when there is no initial value)
     */
    public record Output(Variable initial, List<Integer> taps) {
        /** Checks and copies. */
        public Output {
            taps = List.copyOf(taps);
            if (initial == null && !taps.isEmpty()) {
                throw new IllegalArgumentException("scan: an output read at taps " + taps + " needs an initial value");
            }
            if (initial != null) {
                checkOutputTaps(taps, initial);
            }
        }

        /** A recurrent output starting from {@code initial}, read at tap -1 ({@code initial} has the output's shape); null: {@link #none()}. */
        public static Output of(Object initial) {
            if (initial == null) {
                return none();
            }
            return new Output(Operands.of(initial), List.of(-1));
        }

        /** A plain per-step output (Theano's {@code None} in {@code outputs_info}). */
        public static Output none() {
            return new Output(null, List.of());
        }

        /** This output read at {@code taps} (negative, distinct) instead of -1. */
        public Output taps(int... taps) {
            if (initial == null) {
                throw new IllegalArgumentException("scan: an output read at taps " + Arrays.toString(taps) + " needs an initial value");
            }
            return new Output(initial, boxed(taps));
        }

        /** Whether the step reads previous values of this output. */
        public boolean isRecurrent() {
            return initial != null;
        }

        /** An outputsInfo entry: an {@code Output}, null, a map {@code {"initial": x, "taps": [...]}}, or an initial value. */
        static Output from(Object o, int index) {
            if (o instanceof Output out) {
                return out;
            }
            if (o instanceof Map<?, ?> m) {
                checkKeys(m, Set.of("initial", "taps"), "outputsInfo entry " + index);
                Object init = m.get("initial");
                Object taps = m.get("taps");
                if (init == null && taps != null) {
                    throw new IllegalArgumentException("scan: outputsInfo entry " + index + " gives taps " + taps
                            + " but no initial value; a recurrent output needs one");
                }
                Output out = of(init);
                return taps == null || init == null ? out : new Output(out.initial(), tapList(taps, "outputsInfo entry " + index));
            }
            return of(o);
        }
    }

    /**
     * Theano's {@code theano.scan_module.until}: returned last by the step function, it ends the
     * loop after the first step at which {@code condition} (a scalar) is true; that step's outputs
     * are kept. {@code nSteps} (or the sequences) still bound the number of steps.
     *
     * @param condition the stopping condition, a scalar
     */
    public record Until(Variable condition) {
        /** Checks that the condition is a scalar tensor. */
        public Until {
            if (condition == null || !condition.isTensor() || condition.ndim() != 0) {
                throw new IllegalArgumentException("scan: until needs a scalar condition, got "
                        + (condition == null ? "null" : condition + " of type " + condition.type().describe()));
            }
        }
    }

    /** The stopping condition of a {@code repeat ... until} loop (see {@link Until}). */
    public static Until until(Object condition) {
        return new Until(Operands.of(condition));
    }

    /** A loop of {@code fn}, to be configured (sequences, outputsInfo, nonSequences, nSteps...) and built. */
    public static ScanBuilder builder(StepFunction fn) {
        return new ScanBuilder(fn);
    }

    /** A loop over {@code sequences} (as many steps as the shortest one has rows). */
    public static ScanResult scan(StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences) {
        return builder(fn).sequences(sequences).outputsInfo(outputsInfo).nonSequences(nonSequences).build();
    }

    /** A loop of {@code nSteps} steps (an integer or integer scalar variable; null: the shortest sequence's length). */
    public static ScanResult scan(StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences, Object nSteps) {
        return builder(fn).sequences(sequences).outputsInfo(outputsInfo).nonSequences(nonSequences).nSteps(nSteps).build();
    }

    /**
     * The shorthand with Theano's {@code go_backwards}: the sequences are read from their last row
     * backwards; outputs are stacked in step order either way.
     */
    public static ScanResult scan(StepFunction fn, List<?> sequences, List<?> outputsInfo, List<?> nonSequences, Object nSteps,
            boolean goBackwards) {
        return builder(fn).sequences(sequences).outputsInfo(outputsInfo).nonSequences(nonSequences).nSteps(nSteps)
                .goBackwards(goBackwards).build();
    }

    private static List<Integer> boxed(int[] taps) {
        return Arrays.stream(taps).boxed().toList();
    }

    private static List<Integer> tapList(Object taps, String where) {
        List<Integer> list = new ArrayList<>();
        if (taps instanceof Number n) {
            list.add(n.intValue());
        } else if (taps instanceof int[] a) {
            list.addAll(boxed(a));
        } else if (taps instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Integer || o instanceof Long)) {
                    throw new IllegalArgumentException("scan: " + where + ": taps must be integers, got " + l);
                }
                list.add(((Number) o).intValue());
            }
        } else {
            throw new IllegalArgumentException("scan: " + where + ": taps must be an int, an int[] or a list of ints, got " + taps);
        }
        return list;
    }

    private static void checkKeys(Map<?, ?> m, Set<String> allowed, String where) {
        for (Object k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("scan: " + where + ": unknown key " + k + " (expected one of " + allowed + ")");
            }
        }
    }

    private static void checkOutputTaps(List<Integer> taps, Variable initial) {
        if (taps.isEmpty()) {
            throw new IllegalArgumentException("scan: output with initial value " + initial + " needs at least one tap, got none");
        }
        Set<Integer> seen = new HashSet<>();
        for (int k : taps) {
            if (k >= 0) {
                throw new IllegalArgumentException("scan: output taps must be negative (an output cannot read its future), got " + taps);
            }
            if (!seen.add(k)) {
                throw new IllegalArgumentException("scan: output taps must be distinct, got " + taps);
            }
        }
    }
}
