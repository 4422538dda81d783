package org.theano4j.rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Theano's {@code _infer_ndim_bcast}: the sample's ndim, the int64 size vector a draw gets and the
 * sample's broadcastable pattern, from the {@code size} argument and the parameters' templates.
 *
 * @param ndim the sample's ndim (before an added axis)
 * @param vector the int64 size vector; empty means numpy's {@code size=None}
 * @param broadcastable one flag per axis
 */
record SizeArgument(int ndim, Variable vector, boolean[] broadcastable) {
    /**
     * What the size inference knows of one parameter: its ndim and broadcastable pattern, and how
     * to read an axis length (for a {@code -1} entry of a size tuple).
     *
     * @param variable the parameter (for multinomial's pvals, the pvals themselves)
     * @param broadcastable the pattern of the template (pvals without their last axis)
     */
    record Template(Variable variable, boolean[] broadcastable) {
        int ndim() {
            return broadcastable.length;
        }

        Variable length(int axis) {
            return T.shape(variable).get(axis);
        }
    }

    /**
     * Infers the size as Theano does.
     *
     * @param what the draw, for messages
     * @param size null (shape from the parameters), an integer vector variable (a {@code shape()}
     *     or a constant), a {@code long[]}/{@code int[]}, or a {@code List}/{@code Object[]} of
     *     non-negative numbers, {@code -1} (the length of a parameter's axis) and integer scalar variables
     * @throws IllegalArgumentException on any other size, or a size of fewer axes than a parameter
     */
    static SizeArgument infer(String what, Object size, List<Template> params) {
        int paramNdim = params.stream().mapToInt(Template::ndim).max().orElse(0);
        SizeArgument s = switch (size) {
            case null -> fromParams(what, params);
            case Variable v -> fromVector(what, v);
            case long[] a -> fromEntries(what, Arrays.stream(a).boxed().map(x -> (Object) x).toList(), params);
            case int[] a -> fromEntries(what, Arrays.stream(a).boxed().map(x -> (Object) x).toList(), params);
            case Object[] a -> fromEntries(what, Arrays.asList(a), params);
            case List<?> l -> fromEntries(what, l, params);
            default -> throw new IllegalArgumentException(what + ": size must be null, an integer vector, or a tuple of integers and"
                    + " integer scalars, got " + size.getClass().getSimpleName());
        };
        if (paramNdim > s.ndim) {
            throw new IllegalArgumentException(what + ": size must have at least as many axes as the parameters (" + paramNdim
                    + "), got " + s.ndim);
        }
        return s;
    }

    private static SizeArgument fromVector(String what, Variable v) {
        int ndim = SizeVectors.length(what, v);
        return new SizeArgument(ndim, T.cast(v, DType.INT64), new boolean[ndim]);
    }

    private static SizeArgument fromParams(String what, List<Template> params) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException(what + ": cannot infer the shape without either size or parameters");
        }
        int ndim = params.stream().mapToInt(Template::ndim).max().orElseThrow();
        boolean[] bcast = new boolean[ndim];
        Arrays.fill(bcast, true);
        for (Template t : params) {
            for (int i = 0; i < t.ndim(); i++) {
                bcast[ndim - t.ndim() + i] &= t.broadcastable()[i];
            }
        }
        return new SizeArgument(ndim, emptyVector(), bcast);
    }

    private static SizeArgument fromEntries(String what, List<?> entries, List<Template> params) {
        int ndim = entries.size();
        boolean[] bcast = new boolean[ndim];
        List<Variable> lengths = new ArrayList<>();
        for (int i = 0; i < ndim; i++) {
            Object e = entries.get(i);
            if (e instanceof Variable v) {
                if (v.ndim() != 0 || !v.dtype().isInteger()) {
                    throw new IllegalArgumentException(what + ": size entry " + i + " must be an integer scalar, got " + v.type().describe());
                }
                lengths.add(v);
            } else if (e instanceof Long || e instanceof Integer || e instanceof Short || e instanceof Byte) {
                long n = ((Number) e).longValue();
                if (n == -1) {
                    bcast[i] = autoLength(what, i, ndim, params, lengths);
                } else if (n >= 0) {
                    lengths.add(T.constant(NDArray.of(n)));
                    bcast[i] = n == 1;
                } else {
                    throw new IllegalArgumentException(what + ": size entry " + i + " must be >= 0 or -1, got " + n);
                }
            } else {
                throw new IllegalArgumentException(what + ": size entry " + i + " must be an integer or an integer scalar variable, got " + e);
            }
        }
        Variable vector = lengths.isEmpty() ? emptyVector() : T.cast(T.stack(lengths, 0), DType.INT64);
        return new SizeArgument(ndim, vector, bcast);
    }

    /** A {@code -1} entry: the first overlapping parameter axis that is not broadcastable, else 1. */
    private static boolean autoLength(String what, int i, int ndim, List<Template> params, List<Variable> lengths) {
        boolean overlaps = false;
        for (Template a : params) {
            if (i >= ndim - a.ndim()) {
                overlaps = true;
                int axis = i + a.ndim() - ndim;
                if (!a.broadcastable()[axis]) {
                    lengths.add(T.cast(a.length(axis), DType.INT64));
                    return false;
                }
            }
        }
        if (!overlaps) {
            throw new IllegalArgumentException(what + ": size entry " + i + " is -1 but overlaps no parameter axis");
        }
        lengths.add(T.constant(NDArray.of(1L)));
        return true;
    }

    private static Variable emptyVector() {
        return T.constant(NDArray.of(new long[0]));
    }
}
