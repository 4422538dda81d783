package org.theano4j.rng;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Config;
import org.theano4j.Variable;
import org.theano4j.graph.Constant;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The distributions a {@link SizedRandomFunction} draws, each with two tensor parameters: Theano
 * 1.0's {@code raw_random} {@code uniform}, {@code normal}, {@code binomial},
 * {@code random_integers} and {@code multinomial} given variables, calling numpy's legacy
 * {@code RandomState} element by element (row by row for multinomial) as Theano's
 * {@code RandomFunction.perform} does.
 */
public enum ParamDistribution {
    /** {@code rng.uniform(low, high, size)}. */
    UNIFORM("uniform", "low", "high"),
    /** {@code rng.normal(avg, std, size)}. */
    NORMAL("normal", "avg", "std"),
    /** {@code rng.binomial(n, p, size)}. */
    BINOMIAL("binomial", "n", "p"),
    /** Theano's {@code random_integers_helper}: {@code rng.randint(low, high + 1)} per element. */
    RANDOM_INTEGERS("random_integers", "low", "high"),
    /** Theano's {@code multinomial_helper}: {@code rng.multinomial(n, pvals_row)} per row. */
    MULTINOMIAL("multinomial", "n", "pvals");

    private final String displayName;
    private final String first;
    private final String second;

    ParamDistribution(String displayName, String first, String second) {
        this.displayName = displayName;
        this.first = first;
        this.second = second;
    }

    /** Theano's name of the draw, e.g. {@code binomial}. */
    public String displayName() {
        return displayName;
    }

    /** The name of parameter {@code i} (0 or 1), e.g. {@code p}. */
    public String parameterName(int i) {
        return i == 0 ? first : second;
    }

    /** The axes the draw adds after the size's (1 for multinomial's outcome axis). */
    public int ndimAdded() {
        return this == MULTINOMIAL ? 1 : 0;
    }

    /**
     * Draws a sample of {@code size} (null: the parameters' broadcast shape) from {@code rng}, in
     * float64 for uniform and normal, int64 otherwise.
     *
     * @throws IllegalArgumentException when the parameters do not broadcast to the size or are out of range
     */
    NDArray draw(RandomState rng, long[] size, NDArray a, NDArray b) {
        return this == MULTINOMIAL ? MultinomialRows.draw(rng, size, a, b) : ElementwiseDraws.draw(this, rng, size, a, b);
    }

    /** Checks the parameters' types when the draw is built. */
    void checkParameters(Variable a, Variable b) {
        boolean integers = this == BINOMIAL || this == RANDOM_INTEGERS || this == MULTINOMIAL;
        requireTensor(0, a, integers && !a.dtype().isInteger() ? "an integer tensor" : null);
        requireTensor(1, b, this == RANDOM_INTEGERS && !b.dtype().isInteger() ? "an integer tensor" : null);
        if (this == MULTINOMIAL && b.ndim() < 1) {
            throw new IllegalArgumentException("multinomial: pvals must have at least one axis, got " + b.type().describe());
        }
    }

    private void requireTensor(int i, Variable v, String expected) {
        if (!(v.type() instanceof TensorType) || expected != null) {
            throw new IllegalArgumentException(displayName + ": " + parameterName(i) + " must be " + (expected == null ? "a tensor" : expected)
                    + ", got " + v.type().describe());
        }
    }

    /** What the size inference sees of the parameters (multinomial: pvals without their last axis). */
    List<SizeArgument.Template> templates(Variable a, Variable b) {
        boolean[] bb = pattern(b);
        return List.of(new SizeArgument.Template(a, pattern(a)),
                new SizeArgument.Template(b, this == MULTINOMIAL ? Arrays.copyOf(bb, bb.length - 1) : bb));
    }

    /**
     * The sample's type, as Theano's constructors give it: uniform and normal default to the upcast
     * of floatX and the (non-weak) parameters, the others to int64; binomial's axes are never
     * broadcastable, multinomial's outcome axis follows the pvals' last.
     */
    TensorType outputType(DType dtype, SizeArgument size, Variable a, Variable b) {
        DType out = dtype != null ? dtype : this == UNIFORM || this == NORMAL ? upcastFloatX(a, b) : DType.INT64;
        boolean[] bcast = switch (this) {
            case BINOMIAL -> new boolean[size.ndim()];
            case MULTINOMIAL -> appended(size.broadcastable(), pattern(b)[b.ndim() - 1]);
            default -> size.broadcastable();
        };
        return new TensorType(out, bcast);
    }

    private static DType upcastFloatX(Variable... params) {
        DType d = Config.floatX();
        for (Variable v : params) {
            if (!(v instanceof Constant c && c.isWeak())) {
                d = DType.promote(d, v.dtype());
            }
        }
        return d;
    }

    private static boolean[] pattern(Variable v) {
        return ((TensorType) v.type()).broadcastable();
    }

    private static boolean[] appended(boolean[] b, boolean last) {
        boolean[] r = Arrays.copyOf(b, b.length + 1);
        r[b.length] = last;
        return r;
    }
}
