package org.theano4j.rng;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.theano4j.Variable;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;

/**
 * {@link MrgDraw} with a size known only when the function runs (Theano's {@code mrg_uniform}
 * given a symbolic size such as {@code x.shape}): inputs the int32 substream-state matrix and an
 * integer vector of {@code ndim} axis lengths; outputs as {@link MrgDraw}'s for that size.
 *
 * @param kind what to draw
 * @param ndim the length of the size vector, the sample's ndim
 * @param a as {@link MrgDraw#a()}
 * @param b as {@link MrgDraw#b()}
 */
public record MrgSizedDraw(MrgDraw.Kind kind, int ndim, double a, double b) implements Op {
    /** Checks {@code ndim >= 0}. */
    public MrgSizedDraw {
        if (ndim < 0) {
            throw new IllegalArgumentException("MRG draw: ndim must not be negative, got " + ndim);
        }
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2 || !(inputs.get(1).type() instanceof TensorType s) || s.ndim() != 1 || !s.dtype().isInteger()) {
            throw new IllegalArgumentException(displayName() + ": expects substream states and an integer size vector, got "
                    + inputs.stream().map(v -> v.type().describe()).toList());
        }
        // the state's check and the sample's type do not depend on the axis lengths
        return draw(ones(ndim)).outputTypes(inputs.subList(0, 1));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        long[] size = ((NDArray) inputs[1]).toLongArray();
        if (size.length != ndim) {
            throw new IllegalArgumentException(displayName() + ": size must have " + ndim + " entries, got " + size.length);
        }
        return draw(size).evaluate(new Object[] {inputs[0]});
    }

    private MrgDraw draw(long[] size) {
        return new MrgDraw(kind, size, a, b);
    }

    private static long[] ones(int n) {
        long[] o = new long[n];
        Arrays.fill(o, 1);
        return o;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public String displayName() {
        return "mrg_uniform{" + kind.name().toLowerCase(Locale.ROOT) + ", symbolic size}";
    }
}
