package org.theano4j.rng;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Config;
import org.theano4j.Variable;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The draw op of {@link MRGRandomStreams} (Theano's {@code mrg_uniform} with the arithmetic that
 * Theano's {@code MRG_RandomStreams} builds on top of it): input an int32 matrix of substream
 * states (one row of six words per substream), outputs the advanced state matrix and the sample.
 * Element i comes from substream {@code i % rows}, as {@link Mrg31k3p} computes it. Works on a
 * copy of the state; never merged and never constant-folded.
 *
 * @param kind what to draw
 * @param size the sample's shape
 * @param a {@code low} (uniform), {@code avg} (normal) or {@code p} (binomial)
 * @param b {@code high} (uniform), {@code std} (normal), unused (binomial)
 */
public record MrgDraw(Kind kind, long[] size, double a, double b) implements Op {
    /** The three draws of Theano's MRG streams. */
    public enum Kind {
        /** {@code u * (b - a) + a} for uniforms u in (0, 1), in floatX. */
        UNIFORM,
        /** Theano 1.0's Box-Muller over float64 uniforms, times b plus a, in floatX. */
        NORMAL,
        /** int64: 1 where a uniform in floatX is below {@code a}, else 0. */
        BINOMIAL
    }

    /** Checks that the size has positive axes (Theano rejects axes {@code <= 0}) and copies it. */
    public MrgDraw {
        size = size.clone();
        for (long s : size) {
            if (s <= 0) {
                throw new IllegalArgumentException("MRG draw: the specified size contains a dimension with value <= 0: "
                        + Arrays.toString(size));
            }
        }
        if (Shapes.count(size) > Mrg31k3p.M1) {
            throw new IllegalArgumentException("rng_mrg does not support more than (2**31 -1) samples");
        }
    }

    /** The shape of the draw (a copy). */
    @Override
    public long[] size() {
        return size.clone();
    }

    /** The sample's dtype: floatX, or int64 for binomial. */
    public DType sampleDType() {
        return kind == Kind.BINOMIAL ? DType.INT64 : Config.floatX();
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        Type t = inputs.size() == 1 ? inputs.get(0).type() : null;
        if (!(t instanceof TensorType tt) || tt.dtype() != DType.INT32 || tt.ndim() != 2) {
            throw new IllegalArgumentException(displayName() + ": expects one int32 matrix of substream states, got "
                    + inputs.stream().map(v -> v.type().describe()).toList());
        }
        return List.of(t, TensorType.of(sampleDType(), size.length));
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        int[] flat = states((NDArray) inputs[0]);
        NDArray sample = switch (kind) {
            case UNIFORM -> uniform(flat);
            case NORMAL -> normal(flat);
            case BINOMIAL -> binomial(flat);
        };
        return new Object[] {MrgBulk.stateMatrix(flat), sample};
    }

    private static int[] states(NDArray m) {
        if (m.dtype() != DType.INT32 || m.ndim() != 2 || m.shape(1) != 6 || m.shape(0) == 0) {
            throw new IllegalArgumentException("MRG state must be an int32 matrix (n_streams, 6) with n_streams > 0, got "
                    + m.dtype().numpyName() + Arrays.toString(m.shape()));
        }
        return MrgBulk.flatStates(m);
    }

    private NDArray uniform(int[] flat) {
        NDArray out = NDArray.empty(Config.floatX(), size);
        MrgBulk.uniform(flat, out, a, b);
        return out;
    }

    private NDArray normal(int[] flat) {
        NDArray out = NDArray.empty(DType.FLOAT64, size);
        MrgBulk.normal(flat, out, a, b);
        return Config.floatX() == DType.FLOAT64 ? out : out.astype(Config.floatX());
    }

    private NDArray binomial(int[] flat) {
        NDArray out = NDArray.empty(DType.INT64, size);
        MrgBulk.binomial(flat, out, a, Config.floatX() == DType.FLOAT32);
        return out;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public String displayName() {
        return "mrg_uniform{" + kind.name().toLowerCase(java.util.Locale.ROOT) + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MrgDraw d && kind == d.kind && Arrays.equals(size, d.size)
                && Double.compare(a, d.a) == 0 && Double.compare(b, d.b) == 0;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Arrays.hashCode(size)) * 31 + Double.hashCode(a) * 7 + Double.hashCode(b);
    }

    @Override
    public String toString() {
        return displayName() + Arrays.toString(size);
    }
}
