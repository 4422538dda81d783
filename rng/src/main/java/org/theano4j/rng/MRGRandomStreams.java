package org.theano4j.rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.tensor.DType;
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

    /**
     * Uniform draws in [low, high) of a size known when the function runs, such as {@code x.shape()}
     * (Theano's {@code uniform(size=x.shape)}). As in Theano, a symbolic size gets
     * {@code 60 * 256} substreams ({@code guess_n_streams} cannot count its elements).
     *
     * @param size an integer vector whose length is known from the graph: a {@code shape()} or a constant
     * @throws IllegalArgumentException when the length of {@code size} is not known
     */
    public Variable uniform(Variable size, double low, double high) {
        return sizedDraw(MrgDraw.Kind.UNIFORM, size, low, high);
    }

    /**
     * Theano's {@code binomial(size, n=1, p, dtype)} with a tensor {@code p} and a run-time size:
     * {@code cast(uniform(size) < p, dtype)}, the uniforms in floatX ({@code p} broadcasts against them).
     *
     * @param size as for {@link #uniform(Variable, double, double)}
     * @param p the success probabilities, a tensor, a number or an array
     * @param dtype the sample's dtype (Theano's tutorials ask for floatX)
     */
    public Variable binomial(Variable size, Object p, DType dtype) {
        return T.cast(T.lt(uniform(size, 0.0, 1.0), p), dtype);
    }

    private Variable sizedDraw(MrgDraw.Kind kind, Variable size, double a, double b) {
        int ndim = SizeVectors.length("MRG draw", size);
        int nStreams = Mrg31k3p.MAX_GUESSED_STREAMS;
        synchronized (this) {
            MrgState state = new MrgState(nextSubstreams(nStreams));
            Apply node = Apply.of(new MrgSizedDraw(kind, ndim, a, b), List.of(state, size));
            state.setDefaultUpdate(node.output(0));
            entries.add(new Entry(state, node.output(0), nStreams));
            return node.output(1);
        }
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

    /** {@code multinomial(pvals=pvals)}: one int64 draw per row of {@code pvals} (n = 1). */
    public Variable multinomial(double[][] pvals) {
        return multinomial(pvals, 1);
    }

    /** {@code multinomial(n=n, pvals=pvals)}: int64 counts of {@code n} draws per row. */
    public Variable multinomial(double[][] pvals, long n) {
        return multinomial(pvals, n, DType.INT64, Mrg31k3p.MAX_GUESSED_STREAMS);
    }

    /**
     * Theano 1.0's {@code MRG_RandomStreams.multinomial(n=n, pvals=pvals, dtype=dtype, nstreams=nStreams)}:
     * {@code rows * n} floatX uniforms on {@code nStreams} substreams (Theano's size is symbolic
     * here, so it guesses {@link Mrg31k3p#MAX_GUESSED_STREAMS}), then {@link MultinomialFromUniform}:
     * counts of shape {@code pvals}, uniform {@code c * rows + r} being draw c of row r. pvals are
     * not checked beyond being a non-empty rectangle, as in Theano.
     *
     * @throws IllegalArgumentException if pvals is empty or ragged, or {@code n < 1}
     */
    public Variable multinomial(double[][] pvals, long n, DType dtype, int nStreams) {
        MultinomialFromUniform op = new MultinomialFromUniform(dtype, n);
        return fromUniform(op, "multinomial", pvals, n, nStreams);
    }

    /**
     * Theano 1.0's {@code MRG_RandomStreams.choice(size, a=None, replace, p)}: {@code size}
     * int64 indices per row of {@code p}, without replacement, shape {@code (rows, size)}.
     *
     * @throws UnsupportedOperationException if {@code replace} (Theano 1.0 raises NotImplementedError)
     * @throws IllegalArgumentException if p is empty or ragged, or {@code size < 1}
     */
    public Variable choice(long size, boolean replace, double[][] p) {
        return choice(size, replace, p, DType.INT64, Mrg31k3p.MAX_GUESSED_STREAMS);
    }

    /**
     * {@link #choice(long, boolean, double[][])} with Theano's {@code dtype} and {@code nstreams}:
     * {@code rows * size} floatX uniforms on {@code nStreams} substreams, then
     * {@link ChoiceFromUniform} (uniform {@code c * rows + r} gives column c of row r).
     *
     * @throws UnsupportedOperationException if {@code replace}
     * @throws IllegalArgumentException if p is empty or ragged, or {@code size < 1}
     */
    public Variable choice(long size, boolean replace, double[][] p, DType dtype, int nStreams) {
        if (replace) {
            throw new UnsupportedOperationException("MRG_RandomStreams.choice only works without replacement for now.");
        }
        return fromUniform(new ChoiceFromUniform(dtype, size, false), "choice", p, size, nStreams);
    }

    /**
     * Theano 1.0's deprecated {@code multinomial_wo_replacement(n=n, pvals=pvals)}, which is
     * {@code choice(size=n, replace=False, p=pvals)}.
     *
     * @deprecated as in Theano 1.0; use {@link #choice(long, boolean, double[][])}
     */
    @Deprecated
    public Variable multinomialWoReplacement(double[][] pvals, long n) {
        return choice(n, false, pvals);
    }

    private Variable fromUniform(Op op, String what, double[][] pvals, long n, int nStreams) {
        int cols = pvals.length == 0 ? 0 : pvals[0].length;
        for (double[] row : pvals) {
            if (row.length != cols || cols == 0) {
                throw new IllegalArgumentException(what + ": pvals must be a non-empty rectangular matrix, got rows of "
                        + Arrays.stream(pvals).mapToInt(r -> r.length).boxed().toList() + " outcomes");
            }
        }
        Variable unis = uniform(new long[] {Math.multiplyExact(pvals.length, n)}, 0.0, 1.0, nStreams);
        return Apply.of(op, List.of(T.constant(NDArray.of(pvals)), unis)).output(0);
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
