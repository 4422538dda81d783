package org.theano4j.rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.SharedVariable;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code sandbox.rng_mrg.MRG_RandomStreams}: L'Ecuyer's MRG31k3p generator, bit-exact
 * with Theano 1.0 for uniform and binomial. The streams keep a six-word {@link #rstate()}; each new
 * draw takes {@code n_streams} substreams (Theano's {@code guess_n_streams} of the size, or the
 * count given) starting at the current rstate, 2^72 apart, stores them in a shared int32 matrix
 * (one row per substream) and moves rstate 2^134 ahead to the next stream. Functions that use a
 * draw advance its matrix after each call unless compiled with {@code noDefaultUpdates()}.
 */
public final class MRGRandomStreams {
    private final List<Entry> entries = new ArrayList<>();
    private int[] rstate;

    /**
     * One entry of {@link #stateUpdates()}: a draw's shared substream states and its new-state output.
     *
     * @param rstate the shared int32 matrix of substream states
     * @param update the matrix after the draw, which functions assign by default
     */
    public record Update(SharedVariable rstate, Variable update) {
    }

    private record Entry(MrgState state, Variable update, int nStreams) {
    }

    /**
     * Streams seeded with one integer, replicated to six words ({@code MRG_RandomStreams(seed)}).
     *
     * @throws IllegalArgumentException if {@code seed} is 0, at least {@link Mrg31k3p#M2}, or below int32's range
     */
    public MRGRandomStreams(long seed) {
        this.rstate = Mrg31k3p.seedToState(seed);
    }

    /**
     * Streams seeded with six words (three below {@link Mrg31k3p#M1}, three below {@link Mrg31k3p#M2},
     * neither three all zero).
     *
     * @throws IllegalArgumentException on a seed Theano rejects
     */
    public MRGRandomStreams(long[] sixSeeds) {
        this.rstate = Mrg31k3p.validateState(sixSeeds);
    }

    /** The six words the next draw starts from. */
    public synchronized long[] rstate() {
        return Arrays.stream(rstate).asLongStream().toArray();
    }

    /** Sets the six words the next draw starts from (copying {@code rstate} between streams). */
    public synchronized void rstate(long[] sixWords) {
        this.rstate = Mrg31k3p.validateState(sixWords);
    }

    /**
     * Reseeds like Theano's {@code seed(seed)}: rstate becomes the seed's state, then every draw
     * made so far, in creation order, gets fresh substream states from it (each moving rstate 2^134 on).
     *
     * @throws IllegalArgumentException on a seed Theano rejects
     */
    public synchronized void seed(long seed) {
        reseed(Mrg31k3p.seedToState(seed));
    }

    /**
     * Reseeds with six words, like {@link #seed(long)}.
     *
     * @throws IllegalArgumentException on a seed Theano rejects
     */
    public synchronized void seed(long[] sixSeeds) {
        reseed(Mrg31k3p.validateState(sixSeeds));
    }

    private void reseed(int[] state) {
        rstate = state;
        for (Entry e : entries) {
            e.state().setValue(NDArray.of(nextSubstreams(e.nStreams())), true);
        }
    }

    /** Uniform floatX draws in (0, 1) of shape {@code size} (every axis positive). */
    public Variable uniform(long... size) {
        return uniform(size, 0.0, 1.0);
    }

    /** {@code u * (high - low) + low} for uniform draws u, on {@code guess_n_streams(size)} substreams. */
    public Variable uniform(long[] size, double low, double high) {
        return uniform(size, low, high, Mrg31k3p.guessNStreams(size));
    }

    /** Uniform draws on {@code nStreams} substreams (Theano's {@code nstreams} argument). */
    public Variable uniform(long[] size, double low, double high, int nStreams) {
        return draw(new MrgDraw(MrgDraw.Kind.UNIFORM, size, low, high), nStreams);
    }

    /** Standard normal floatX draws of shape {@code size}. */
    public Variable normal(long... size) {
        return normal(size, 0.0, 1.0);
    }

    /**
     * Theano 1.0's Box-Muller normal: an even number of uniforms from
     * {@link Mrg31k3p#MAX_GUESSED_STREAMS} substreams (Theano's guess for its own size),
     * {@code z * std + avg}.
     */
    public Variable normal(long[] size, double avg, double std) {
        return normal(size, avg, std, Mrg31k3p.MAX_GUESSED_STREAMS);
    }

    /** Normal draws whose uniforms come from {@code nStreams} substreams. */
    public Variable normal(long[] size, double avg, double std, int nStreams) {
        return draw(new MrgDraw(MrgDraw.Kind.NORMAL, size, avg, std), nStreams);
    }

    /** int64 draws that are 1 with probability {@code p}, else 0 (Theano's MRG binomial, n = 1). */
    public Variable binomial(long[] size, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial: p must be in [0, 1], got " + p);
        }
        return draw(new MrgDraw(MrgDraw.Kind.BINOMIAL, size, p, 0.0), Mrg31k3p.guessNStreams(size));
    }

    private synchronized Variable draw(MrgDraw op, int nStreams) {
        MrgState state = new MrgState(nextSubstreams(nStreams));
        Apply node = Apply.of(op, List.of(state));
        state.setDefaultUpdate(node.output(0));
        entries.add(new Entry(state, node.output(0), nStreams));
        return node.output(1);
    }

    /** {@code get_substream_rstates(n)} followed by {@code inc_rstate()}. */
    private int[][] nextSubstreams(int nStreams) {
        int[][] rows = Mrg31k3p.substreamStates(rstate, nStreams);
        rstate = Mrg31k3p.jumpStream(rstate);
        return rows;
    }

    /** The (state matrix, new state) pairs of every draw made, in creation order. */
    public synchronized List<Update> stateUpdates() {
        return entries.stream().map(e -> new Update(e.state(), e.update())).toList();
    }
}
