package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.theano4j.Variable;
import org.theano4j.backend.Kernel;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Shared helpers: build nodes, run the backend kernel and the reference, compare. */
final class Parity {
    static final int[] SIZES = {0, 1, 7, 8, 15, 16, 17, 33, 1023, 1025};

    private Parity() {
    }

    /** A variable of {@code a}'s dtype whose broadcastable flags follow its length-1 axes. */
    static Variable var(NDArray a) {
        boolean[] bc = new boolean[a.ndim()];
        for (int i = 0; i < bc.length; i++) {
            bc[i] = a.shape(i) == 1;
        }
        return new Variable(new TensorType(a.dtype(), bc), null, 0, null);
    }

    /** The node {@code op(vars of inputs)}. */
    static Apply node(Op op, NDArray... inputs) {
        return Apply.of(op, java.util.Arrays.stream(inputs).map(Parity::var).toList());
    }

    /** Runs the vector-cpu kernel of {@code node} on {@code inputs} into fresh outputs. */
    static NDArray runKernel(Apply node, NDArray... inputs) {
        Kernel k = new VectorCpuBackend().kernelFor(node);
        assertNotNull(k, "no kernel for " + node.op().displayName());
        long[][] shapes = node.op().outputShapes(inputs);
        NDArray out = NDArray.empty(node.output(0).dtype(), shapes[0]);
        k.run(inputs, new NDArray[] {out});
        return out;
    }

    /** The reference result. */
    static NDArray reference(Apply node, NDArray... inputs) {
        return (NDArray) node.op().evaluate(inputs.clone())[0];
    }

    /**
     * Kernel vs reference: integer and bool outputs equal exactly (their long forms, uint64 as
     * bits); float outputs within {@code ulps} units in the last place of the dtype (0 = the same
     * value; NaNs equal, zeros of either sign equal only to themselves).
     */
    static void check(String what, Apply node, int ulps, NDArray... inputs) {
        NDArray want = reference(node, inputs);
        NDArray got = runKernel(node, inputs);
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        boolean single = want.dtype() == DType.FLOAT32;
        for (long i = 0; i < want.size(); i++) {
            boolean ok = want.dtype().isFloat() ? close(want.getFlat(i), got.getFlat(i), ulps, single)
                    : want.getFlatLong(i) == got.getFlatLong(i);
            if (!ok) {
                fail(what + " " + node.op().displayName() + " at flat " + i + ": reference " + show(want, i) + " kernel "
                        + show(got, i) + " (input " + show(inputs[0], Math.min(i, Math.max(0, inputs[0].size() - 1))) + ")");
            }
        }
    }

    private static String show(NDArray a, long i) {
        if (a.size() == 0) {
            return "none";
        }
        return a.dtype().isFloat() ? Double.toString(a.getFlat(i))
                : a.dtype() == DType.UINT64 ? Long.toUnsignedString(a.getFlatLong(i)) : Long.toString(a.getFlatLong(i));
    }

    static boolean close(double want, double got, int ulps, boolean single) {
        if (Double.compare(want, got) == 0) {
            return true;
        }
        if (want == 0 && got == 0 || Double.isNaN(want) || Double.isNaN(got) || Double.isInfinite(want) || Double.isInfinite(got)) {
            return false;
        }
        double ulp = single ? Math.ulp((float) Math.max(Math.abs(want), Math.abs(got)))
                : Math.ulp(Math.max(Math.abs(want), Math.abs(got)));
        return Math.abs(want - got) <= ulps * ulp;
    }

    /** {@code n} values in {@code [lo, hi)} with a few specials (NaN, infinities, signed zeros) mixed in. */
    static double[] values(long seed, int n, double lo, double hi, boolean specials) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        double[] sp = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0};
        for (int i = 0; i < n; i++) {
            v[i] = specials && i % 11 == 3 ? sp[(i / 11) % sp.length] : lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }

    /** An array of {@code dtype} and {@code shape} filled from {@link #values}. */
    static NDArray array(DType dtype, long seed, double lo, double hi, boolean specials, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return NDArray.of(values(seed, (int) n, lo, hi, specials)).astype(dtype).reshape(shape);
    }

    /** A strided (every other column of a wider array) view with the given shape. */
    static NDArray strided(DType dtype, long seed, long rows, long cols) {
        NDArray wide = array(dtype, seed, -3, 3, true, rows, 2 * cols + 1);
        return wide.slice(1, 1, 2 * cols + 1, 2);
    }

    static List<DType> floats() {
        return List.of(DType.FLOAT64, DType.FLOAT32);
    }
}
