package org.theano4j.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.theano4j.rewrite.Pipeline;

/**
 * The arguments of Theano's {@code theano.scan}, one method each, from {@link Scan#builder}:
 *
 * <pre>{@code
 * ScanResult r = Scan.builder(step)
 *         .sequences(Scan.Sequence.of(u).taps(-4, 0))            // sequences=dict(input=u, taps=[-4, 0])
 *         .outputsInfo(Scan.Output.of(x0).taps(-3, -1), y0)      // outputs_info=[dict(initial=x0, taps=[-3, -1]), y0]
 *         .nonSequences(W, Win1, Win2, Wfeedback, Wout)          // non_sequences=[...]
 *         .strict(true)
 *         .build();
 * }</pre>
 *
 * Sequence entries are variables (or values), {@link Scan.Sequence}s or Theano-style maps
 * {@code Map.of("input", u, "taps", List.of(-4, 0))}; outputsInfo entries are initial values,
 * {@code null}, {@link Scan.Output}s or maps {@code Map.of("initial", x0, "taps", List.of(-3, -1))}.
 * Not carried over from Theano: {@code profile} and {@code allow_gc} (no effect here). Theano's
 * {@code return_list} is the choice between {@link ScanResult#outputs()} (always a list) and
 * {@link ScanResult#output()} (the single output).
 */
public final class ScanBuilder {
    final Scan.StepFunction fn;
    List<?> sequences = List.of();
    List<?> outputsInfo = List.of();
    List<?> nonSequences = List.of();
    Object nSteps;
    int truncateGradient = -1;
    boolean goBackwards;
    boolean strict;
    String mode;
    String name;

    ScanBuilder(Scan.StepFunction fn) {
        if (fn == null) {
            throw new IllegalArgumentException("scan: the step function is null");
        }
        this.fn = fn;
    }

    /** The sequences to iterate over (axis 0), in the order the step receives their slices. */
    public ScanBuilder sequences(List<?> seqs) {
        this.sequences = seqs == null ? List.of() : seqs;
        return this;
    }

    /** {@link #sequences(List)} as arguments. */
    public ScanBuilder sequences(Object... seqs) {
        return sequences(Arrays.asList(seqs));
    }

    /** One entry per output of the step function (null entries allowed: plain outputs). */
    public ScanBuilder outputsInfo(List<?> info) {
        this.outputsInfo = info == null ? List.of() : info;
        return this;
    }

    /** {@link #outputsInfo(List)} as arguments. */
    public ScanBuilder outputsInfo(Object... info) {
        return outputsInfo(Arrays.asList(info));
    }

    /** Values passed unchanged to every step, after the sequences' and outputs' slices. */
    public ScanBuilder nonSequences(List<?> nonSeqs) {
        this.nonSequences = nonSeqs == null ? List.of() : nonSeqs;
        return this;
    }

    /** {@link #nonSequences(List)} as arguments. */
    public ScanBuilder nonSequences(Object... nonSeqs) {
        return nonSequences(Arrays.asList(nonSeqs));
    }

    /**
     * The number of steps: an integer or an integer scalar variable (null: as many as the
     * shortest sequence allows). With {@link Scan#until}, the most steps the loop may take.
     */
    public ScanBuilder nSteps(Object steps) {
        this.nSteps = steps;
        return this;
    }

    /**
     * Theano's {@code truncate_gradient}: the gradient goes back only this many steps from the
     * last one (truncated BPTT): earlier steps contribute nothing, and the sequences' gradient
     * rows for them are zero. -1 (the default) back-propagates through every step.
     */
    public ScanBuilder truncateGradient(int steps) {
        if (steps < -1 || steps == 0) {
            throw new IllegalArgumentException("scan: truncateGradient must be -1 (no truncation) or positive, got " + steps);
        }
        this.truncateGradient = steps;
        return this;
    }

    /** Read the sequences from their last row backwards (Theano's {@code go_backwards}). */
    public ScanBuilder goBackwards(boolean backwards) {
        this.goBackwards = backwards;
        return this;
    }

    /**
     * Theano's {@code strict}: every shared variable the step reads (and does not update) must be
     * among the non-sequences; building the loop fails naming the first one that is not.
     */
    public ScanBuilder strict(boolean on) {
        this.strict = on;
        return this;
    }

    /**
     * The mode the step graph is compiled in ({@code FAST_RUN} or {@code FAST_COMPILE}); by
     * default the mode of the function that runs the loop, as in Theano.
     */
    public ScanBuilder mode(String stepMode) {
        String m = stepMode == null ? null : stepMode.toUpperCase(Locale.ROOT);
        if (m != null) {
            Pipeline.forMode(m);
        }
        this.mode = m;
        return this;
    }

    /** A name for the loop, shown when graphs are printed. */
    public ScanBuilder name(String loopName) {
        this.name = loopName;
        return this;
    }

    /** Calls the step function once on symbolic inputs and builds the loop. */
    public ScanResult build() {
        return ScanConstruction.build(this).result();
    }
}
