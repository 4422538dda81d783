package org.theano4j.rng;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.graph.Apply;

/**
 * Theano 1.0's {@code shared_randomstreams.RandomStreams}: a factory of random variables, each
 * with its own shared {@link RandomState}, seeded from one seed generator. The k-th variable made
 * gets {@code RandomState(seedgen.randint(2**30))}, seedgen being {@code RandomState(seed)};
 * {@link #seed(long)} reseeds every variable made so far the same way. Functions that use a
 * variable advance its state after each call unless compiled with {@code noDefaultUpdates()}.
 * Samples match numpy's legacy {@code RandomState} methods exactly.
 */
public final class RandomStreams {
    private static final long SEED_RANGE = 1L << 30;

    private final RandomState seedGenerator;
    private final List<StateUpdate> stateUpdates = new ArrayList<>();

    /**
     * Streams seeded from {@code seed}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= seed < 2^32} (numpy's seed range)
     */
    public RandomStreams(long seed) {
        this.seedGenerator = new RandomState(seed);
    }

    /** Uniform float64 (floatX) draws in [0, 1) of shape {@code size}. */
    public RandomVariable uniform(long... size) {
        return uniform(size, 0.0, 1.0);
    }

    /** Uniform draws in [low, high) ({@code numpy uniform(low, high, size)}). */
    public RandomVariable uniform(long[] size, double low, double high) {
        return draw(new Distribution.Uniform(low, high), size);
    }

    /** Standard normal float64 (floatX) draws of shape {@code size}. */
    public RandomVariable normal(long... size) {
        return normal(size, 0.0, 1.0);
    }

    /** Normal draws with mean {@code avg} and standard deviation {@code std} ({@code numpy normal(avg, std, size)}). */
    public RandomVariable normal(long[] size, double avg, double std) {
        return draw(new Distribution.Normal(avg, std), size);
    }

    /** Binomial int64 counts of {@code n} trials with success probability {@code p}. */
    public RandomVariable binomial(long[] size, long n, double p) {
        return draw(new Distribution.Binomial(n, p), size);
    }

    /** Uniform int64 integers in [low, high], high inclusive (Theano's {@code random_integers}). */
    public RandomVariable randomIntegers(long[] size, long low, long high) {
        return draw(new Distribution.RandomIntegers(low, high), size);
    }

    /** int64 draws from {@code 0 .. a-1}, with or without replacement ({@code numpy choice(a, size, replace)}). */
    public RandomVariable choice(long[] size, long a, boolean replace) {
        return draw(new Distribution.Choice(a, replace, null), size);
    }

    /** Weighted int64 draws from {@code 0 .. a-1} with probabilities {@code p} (length {@code a}, summing to 1). */
    public RandomVariable choice(long[] size, long a, boolean replace, double[] p) {
        return draw(new Distribution.Choice(a, replace, p), size);
    }

    /** One permutation of {@code 0 .. n-1} per element of {@code size}: an int64 sample of shape {@code size + [n]}. */
    public RandomVariable permutation(long[] size, long n) {
        return draw(new Distribution.Permutation(n), size);
    }

    /** Multinomial int64 counts of {@code n} trials, shape {@code size + [pvals.length]}. */
    public RandomVariable multinomial(long[] size, long n, double[] pvals) {
        return draw(new Distribution.Multinomial(n, pvals), size);
    }

    /**
     * A new random variable drawing {@code distribution} with {@code size}, with its own state
     * (Theano's {@code gen}): the state is seeded with the next {@code randint(2**30)} of the seed
     * generator, its default update is the draw's new state, and the pair joins {@link #stateUpdates()}.
     */
    public synchronized RandomVariable draw(Distribution distribution, long[] size) {
        RandomFunction op = new RandomFunction(distribution, size);
        SharedRandomState state = new SharedRandomState(new RandomState(seedGenerator.randint(SEED_RANGE)), null);
        Apply node = Apply.of(op, List.of(state));
        state.setDefaultUpdate(node.output(0));
        stateUpdates.add(new StateUpdate(state, node.output(0)));
        return (RandomVariable) node.output(1);
    }

    /**
     * Reseeds every variable made so far: a temporary {@code RandomState(seed)} gives each state,
     * in creation order, {@code RandomState(randint(2**30))}. Variables made later still take their
     * seeds from the generator of the constructor's seed, as in Theano.
     *
     * @throws IllegalArgumentException unless {@code 0 <= seed < 2^32}
     */
    public synchronized void seed(long seed) {
        RandomState seeds = new RandomState(seed);
        for (StateUpdate u : stateUpdates) {
            u.state().setValue(new RandomState(seeds.randint(SEED_RANGE)), true);
        }
    }

    /** The (state, new state) pairs of every variable made, in creation order. */
    public synchronized List<StateUpdate> stateUpdates() {
        return List.copyOf(stateUpdates);
    }
}
