package org.theano4j.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Builders of shape operations: reshape, transpose, join/stack, shape, filled tensors, arange, eye. */
public final class ShapeOps {
    private ShapeOps() {
    }

    /** {@code x} reshaped to {@code shape} (one -1 inferred); a size mismatch fails at run time. */
    public static Variable reshape(Variable x, long[] shape) {
        return Apply.single(new Reshape(Arrays.stream(shape).boxed().toList()), x);
    }

    /**
     * {@code x.reshape([n0, n1, ...])} with lengths that are numbers or integer scalar variables (one
     * may be -1): the fixed {@link Reshape} when all are known, else {@link ReshapeTo} of their vector.
     */
    public static Variable reshape(Variable x, List<?> shape) {
        List<Variable> lengths = lengths("reshape", shape);
        long[] fixed = fixedLengths(lengths);
        if (fixed != null) {
            return reshape(x, fixed);
        }
        return Apply.single(new ReshapeTo(unitAxes(lengths)), x, Apply.of(new MakeVector(), lengths).output(0));
    }

    /**
     * Theano's {@code tensor.alloc(value, *shape)}: {@code value} broadcast into a new tensor of the
     * given lengths (numbers or integer scalar variables known at run time).
     */
    public static Variable alloc(Object value, List<?> shape) {
        List<Variable> in = new ArrayList<>(List.of(Operands.of(value)));
        List<Variable> lengths = lengths("alloc", shape);
        in.addAll(lengths);
        return Apply.of(new AllocShape(unitAxes(lengths)), in).output(0);
    }

    /** The lengths as int64 scalars (numbers become constants). */
    private static List<Variable> lengths(String op, List<?> shape) {
        List<Variable> out = new ArrayList<>(shape.size());
        for (Object o : shape) {
            Variable v = o instanceof Number n ? new Constant(NDArray.of(n.longValue())) : o instanceof Variable w ? w : null;
            if (v == null || v.ndim() != 0 || !v.dtype().isInteger()) {
                throw new IllegalArgumentException(op + ": each length must be an integer or an integer scalar variable, got "
                        + (v == null ? o : v + " of type " + v.type().describe()));
            }
            out.add(Operands.castTo(v, DType.INT64));
        }
        return out;
    }

    private static long[] fixedLengths(List<Variable> lengths) {
        long[] fixed = new long[lengths.size()];
        for (int i = 0; i < fixed.length; i++) {
            if (!(lengths.get(i) instanceof Constant c)) {
                return null;
            }
            fixed[i] = c.value().getFlatLong(0);
        }
        return fixed;
    }

    private static List<Boolean> unitAxes(List<Variable> lengths) {
        List<Boolean> bc = new ArrayList<>(lengths.size());
        for (Variable v : lengths) {
            bc.add(v instanceof Constant c && c.value().getFlatLong(0) == 1);
        }
        return bc;
    }

    /** {@code x} as a vector, in C order. */
    public static Variable flatten(Variable x) {
        return reshape(x, new long[] {-1});
    }

    /**
     * Theano's {@code flatten(x, ndim)}: the first {@code outdim - 1} axes kept, the rest joined into
     * the last (C order); {@code outdim} 1 is {@link #flatten(Variable)}, otherwise 2 .. x.ndim.
     */
    public static Variable flatten(Variable x, int outdim) {
        if (outdim == 1) {
            return flatten(x);
        }
        if (outdim < 1) {
            throw new IllegalArgumentException("flatten: outdim " + outdim + " out of bound [1, " + (x.ndim() + 1) + ") for " + x);
        }
        return Apply.single(new Flatten(outdim), x);
    }

    /** Axes permuted by {@code perm} (negative entries allowed); an empty {@code perm} reverses them. */
    public static Variable transpose(Variable x, int[] perm) {
        int n = x.ndim();
        if (perm.length != 0 && perm.length != n) {
            throw new IllegalArgumentException("transpose: permutation " + Arrays.toString(perm)
                    + " does not match a tensor of ndim " + n);
        }
        Object[] pattern = new Object[n];
        for (int i = 0; i < n; i++) {
            pattern[i] = perm.length == 0 ? n - 1 - i : perm[i];
        }
        return Ops.dimshuffle(x, pattern);
    }

    /** numpy.concatenate along an existing {@code axis}; operands are cast to their common dtype. */
    public static Variable concatenate(List<Variable> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concatenate: need at least one tensor");
        }
        int ndim = xs.get(0).ndim();
        if (ndim == 0) {
            throw new IllegalArgumentException("concatenate: zero-dimensional tensors cannot be concatenated");
        }
        for (int i = 1; i < xs.size(); i++) {
            if (xs.get(i).ndim() != ndim) {
                throw new IllegalArgumentException("concatenate: all inputs must have the same ndim, but input 0 has "
                        + ndim + " and input " + i + " (" + xs.get(i) + ") has " + xs.get(i).ndim());
            }
        }
        int a = Axes.resolve("concatenate", new int[] {axis}, ndim).get(0);
        DType common = DTypeRules.common(xs, -1);
        List<Variable> cast = new ArrayList<>(xs.size());
        for (Variable x : xs) {
            cast.add(Operands.castTo(x, common));
        }
        return Apply.of(new Join(a), cast).output(0);
    }

    /** numpy.stack: joins tensors of one ndim along a new {@code axis} (in {@code [-ndim-1, ndim]}). */
    public static Variable stack(List<Variable> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("stack: need at least one tensor");
        }
        int ndim = xs.get(0).ndim();
        int a = Axes.resolve("stack", new int[] {axis}, ndim + 1).get(0);
        List<Variable> expanded = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) {
            Variable x = xs.get(i);
            if (x.ndim() != ndim) {
                throw new IllegalArgumentException("stack: all inputs must have the same ndim, but input 0 has "
                        + ndim + " and input " + i + " (" + x + ") has " + x.ndim());
            }
            Object[] pattern = new Object[ndim + 1];
            for (int d = 0, k = 0; d <= ndim; d++) {
                pattern[d] = d == a ? "x" : (Object) k++;
            }
            expanded.add(Ops.dimshuffle(x, pattern));
        }
        return concatenate(expanded, a);
    }

    /** The run-time shape of {@code x} as an int64 vector. */
    public static Variable shape(Variable x) {
        return Apply.single(new Shape(), x);
    }

    /** Zeros of the run-time shape and the dtype of {@code x}. */
    public static Variable zerosLike(Variable x) {
        return broadcastLike(new Constant(NDArray.zeros(x.dtype())), x);
    }

    /** Ones of the run-time shape and the dtype of {@code x}. */
    public static Variable onesLike(Variable x) {
        return broadcastLike(new Constant(NDArray.ones(x.dtype())), x);
    }

    /** {@code value} broadcast to the run-time shape of {@code template}, as a new tensor of value's dtype. */
    public static Variable broadcastLike(Variable value, Variable template) {
        return Apply.single(new Alloc(), value, template);
    }

    /** A constant tensor of zeros. */
    public static Variable zeros(DType dtype, long[] shape) {
        return new Constant(NDArray.zeros(dtype, shape));
    }

    /** A constant tensor of ones. */
    public static Variable ones(DType dtype, long[] shape) {
        return new Constant(NDArray.ones(dtype, shape));
    }

    /**
     * numpy.arange. Java numbers give a constant: int64 when all are integers, float64 when one is
     * a float or double. With a scalar {@link Variable} among them the length is known at run time
     * only, and the dtype is the operands' common dtype (Java numbers count as weak scalars).
     */
    public static Variable arange(Object start, Object stop, Object step) {
        Object[] args = {start, stop, step};
        boolean symbolic = false;
        boolean floating = false;
        for (Object o : args) {
            if (o == null || !(o instanceof Variable || o instanceof Number)) {
                throw new IllegalArgumentException("arange: bounds are numbers or scalar variables, got " + o);
            }
            symbolic |= o instanceof Variable;
            floating |= o instanceof Double || o instanceof Float;
        }
        List<Variable> in = List.of(Operands.of(start), Operands.of(stop), Operands.of(step));
        DType dtype = symbolic ? DTypeRules.common(in, -1) : floating ? DType.FLOAT64 : DType.INT64;
        Apply node = Apply.of(new Arange(dtype), in);
        if (symbolic) {
            return node.output(0);
        }
        Object[] values = {((Constant) in.get(0)).value(), ((Constant) in.get(1)).value(), ((Constant) in.get(2)).value()};
        return new Constant((NDArray) node.op().evaluate(values)[0]);
    }

    /** An {@code n x m} constant with ones on diagonal {@code k} (0 main, positive above, negative below). */
    public static Variable eye(long n, long m, int k, DType dtype) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("eye: negative dimensions (" + n + ", " + m + ")");
        }
        NDArray a = NDArray.zeros(dtype, n, m);
        for (long i = Math.max(0, -k); i < n && i + k < m; i++) {
            a.writeDouble(i * m + i + k, 1);
        }
        return new Constant(a);
    }
}
