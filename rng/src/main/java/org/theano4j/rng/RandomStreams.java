package org.theano4j.rng;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.Operands;
import org.theano4j.tensor.DType;

/**
 * Theano 1.0's {@code shared_randomstreams.RandomStreams}: a factory of random variables, each
 * with its own shared {@link RandomState}, seeded from one seed generator. The k-th variable made
 * gets {@code RandomState(seedgen.randint(2**30))}, seedgen being {@code RandomState(seed)};
 * {@link #seed(long)} reseeds every variable made so far the same way. Functions that use a
 * variable advance its state after each call unless compiled with {@code noDefaultUpdates()}.
 * Samples match numpy's legacy {@code RandomState} methods exactly. Draws take a constant
 * {@code long[]} size and numbers, or (the overloads ending in a {@code DType}) a symbolic size
 * and tensor parameters, as Theano's {@code raw_random} constructors do.
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
     * Theano's {@code binomial(size, n, p, dtype)} with tensor parameters: counts of {@code n}
     * trials of success probability {@code p}, drawn element by element with numpy's legacy sampler.
     *
     * @param size the sample's size: null (the broadcast shape of {@code n} and {@code p}), an
     *     integer vector variable such as {@code T.shape(x)} (or a constant), a {@code long[]}, or a
     *     {@code List} of integers, {@code -1} and integer scalar variables such as {@code T.shape(w).get(1)}
     * @param n the trials, an integer tensor, a number or an array (broadcast against {@code size})
     * @param p the success probabilities, a tensor, a number or an array, each in [0, 1] when drawn
     * @param dtype the sample's dtype; null means int64 (e.g. floatX for float samples, as in the scan guide)
     * @throws IllegalArgumentException on a size Theano refuses or parameters of more axes than the size
     */
    public RandomVariable binomial(Object size, Object n, Object p, DType dtype) {
        return draw(ParamDistribution.BINOMIAL, size, n, p, dtype);
    }

    /**
     * Theano's {@code uniform(size, low, high, dtype)} with tensor bounds: {@code low + (high - low) * u}
     * per element; dtype null means the upcast of floatX and the bounds' dtypes.
     *
     * @param size as for {@link #binomial(Object, Object, Object, DType)}
     */
    public RandomVariable uniform(Object size, Object low, Object high, DType dtype) {
        return draw(ParamDistribution.UNIFORM, size, low, high, dtype);
    }

    /**
     * Theano's {@code normal(size, avg, std, dtype)} with tensor parameters: {@code avg + std * z}
     * per element; dtype null means the upcast of floatX and the parameters' dtypes.
     *
     * @param size as for {@link #binomial(Object, Object, Object, DType)}
     */
    public RandomVariable normal(Object size, Object avg, Object std, DType dtype) {
        return draw(ParamDistribution.NORMAL, size, avg, std, dtype);
    }

    /**
     * Theano's {@code random_integers(size, low, high, dtype)} with integer tensor bounds, both
     * inclusive ({@code randint(low, high + 1)} per element); dtype null means int64.
     *
     * @param size as for {@link #binomial(Object, Object, Object, DType)}
     */
    public RandomVariable randomIntegers(Object size, Object low, Object high, DType dtype) {
        return draw(ParamDistribution.RANDOM_INTEGERS, size, low, high, dtype);
    }

    /**
     * Theano's {@code multinomial(size, n, pvals, dtype)} with tensor parameters: {@code pvals}'s
     * last axis holds the outcomes, its other axes (and {@code n}) broadcast against {@code size};
     * one legacy multinomial per row, shape {@code size + [outcomes]}; dtype null means int64.
     * With {@code size} null a {@code (rows, outcomes)} pvals matrix gives one draw per row.
     *
     * @param size as for {@link #binomial(Object, Object, Object, DType)}, a {@code -1} entry
     *     taking the length of the matching axis of pvals' rows
     */
    public RandomVariable multinomial(Object size, Object n, Object pvals, DType dtype) {
        return draw(ParamDistribution.MULTINOMIAL, size, n, pvals, dtype);
    }

    /**
     * A new random variable drawing {@code distribution} with a symbolic size and tensor parameters
     * (Theano's {@code gen} with a {@code raw_random} constructor): as in Theano the seed is taken
     * from the seed generator first, then the size and the sample's type are inferred.
     *
     * @throws IllegalArgumentException as described for {@link #binomial(Object, Object, Object, DType)}
     */
    public synchronized RandomVariable draw(ParamDistribution distribution, Object size, Object a, Object b, DType dtype) {
        long seed = seedGenerator.randint(SEED_RANGE);
        Variable av = Operands.of(a);
        Variable bv = Operands.of(b);
        distribution.checkParameters(av, bv);
        SizeArgument s = SizeArgument.infer(distribution.displayName(), size, distribution.templates(av, bv));
        SizedRandomFunction op = new SizedRandomFunction(distribution, distribution.outputType(dtype, s, av, bv));
        SharedRandomState state = new SharedRandomState(new RandomState(seed), null);
        return register(state, Apply.of(op, List.of(state, s.vector(), av, bv)));
    }

    private RandomVariable register(SharedRandomState state, Apply node) {
        state.setDefaultUpdate(node.output(0));
        stateUpdates.add(new StateUpdate(state, node.output(0)));
        return (RandomVariable) node.output(1);
    }

    /**
     * A new random variable drawing {@code distribution} with {@code size}, with its own state
     * (Theano's {@code gen}): the state is seeded with the next {@code randint(2**30)} of the seed
     * generator, its default update is the draw's new state, and the pair joins {@link #stateUpdates()}.
     */
    public synchronized RandomVariable draw(Distribution distribution, long[] size) {
        RandomFunction op = new RandomFunction(distribution, size);
        SharedRandomState state = new SharedRandomState(new RandomState(seedGenerator.randint(SEED_RANGE)), null);
        return register(state, Apply.of(op, List.of(state)));
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
