package org.theano4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.gpu.CudaExpressionRenderer;
import org.theano4j.graph.Apply;
import org.theano4j.op.ElemwiseBuilder;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Every scalar op through every backend, with the same inputs: the reference backend (the
 * oracle, itself checked against numpy by ScalarSemanticsTest), vector-cpu unfused (FAST_COMPILE)
 * and fused (FAST_RUN), and the gpu backend's rendering of the op to CUDA C, which must exist for
 * every op and dtype the reference computes. vector-cpu must give the reference's bits, except for
 * the ops whose vector forms are a few ulp off ({@link ScalarOp#isTranscendental()}; they may also
 * flush a subnormal result to zero), and fail where the reference fails.
 */
class ScalarOpBackendsTest {
    private static final DType[] DTYPES = {DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32, DType.INT8,
        DType.UINT8, DType.BOOL};
    private static final double[] FLOATS = {0.5, -1.25, 3.0, -0.0, 0.0, 1.0, -1.0, 2.75, -3.5, 1e-3, 7.0, -6.5,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.125, 40.0, -0.75, 1e300, 5.5, 2.0, -2.0, 0.3};
    private static final double[] INTS = {0, 1, -1, 2, 3, -4, 5, 7, -7, 6, 100, -100, 127, -128, 9, 4, 11, -3, 8};
    private static final int N = 37; // past a vector's width and a few lanes more (tails)

    @Test
    void everyScalarOpAgreesOnEveryBackend() {
        int compared = 0;
        List<String> failures = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            for (DType dtype : DTYPES) {
                String where = op + " on " + dtype.numpyName();
                try {
                    compared += compare(op, dtype, where) ? 1 : 0;
                } catch (AssertionError | RuntimeException e) {
                    failures.add(where + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(compared >= ScalarOp.values().length * 3, "only " + compared + " op/dtype pairs ran");
    }

    /** Runs one op on one dtype through every backend; false when the op is not defined there. */
    private static boolean compare(ScalarOp op, DType dtype, String where) {
        List<Variable> in = new ArrayList<>();
        Object[] args = new Object[op.arity()];
        for (int k = 0; k < op.arity(); k++) {
            in.add(T.vector("x" + k, dtype));
            args[k] = values(op, dtype, k);
        }
        Variable out;
        try {
            out = ElemwiseBuilder.apply(op, in.toArray());
        } catch (IllegalArgumentException undefined) {
            return false;
        }
        NDArray want;
        try {
            want = run(in, out, Theano.options().device("reference").mode("FAST_COMPILE"), args);
        } catch (IllegalArgumentException refused) {
            for (String mode : List.of("FAST_COMPILE", "FAST_RUN")) {
                assertThrows(IllegalArgumentException.class, () -> run(in, out, Theano.options().device("cpu").mode(mode), args),
                        where + ": the reference fails (" + refused.getMessage() + "), vector-cpu " + mode + " does not");
            }
            return true;
        }
        for (String mode : List.of("FAST_COMPILE", "FAST_RUN")) {
            NDArray got = run(in, out, Theano.options().device("cpu").mode(mode), args);
            assertSame(op, want, got, where + " vector-cpu " + mode);
        }
        assertRenders(out.owner(), where);
        return true;
    }

    private static NDArray run(List<Variable> in, Variable out, FunctionOptions options, Object[] args) {
        Function f = Theano.function(in, out, options);
        return f.call(args);
    }

    /** N values of the op's domain: integers keep a power's exponent non-negative. */
    private static NDArray values(ScalarOp op, DType dtype, int k) {
        double[] pool = dtype.isFloat() ? FLOATS : INTS;
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            double x = pool[(i * (k + 2) + 3 * k) % pool.length];
            if (!dtype.isFloat() && op == ScalarOp.POW && k == 1) {
                x = Math.abs(x) % 6;
            }
            v[i] = x;
        }
        return NDArray.of(v).astype(dtype);
    }

    private static void assertSame(ScalarOp op, NDArray want, NDArray got, String where) {
        assertEquals(want.dtype(), got.dtype(), where + ": dtype");
        double[] wd = want.dtype().isFloat() ? want.toDoubleArray() : null;
        double[] gd = want.dtype().isFloat() ? got.toDoubleArray() : null;
        for (int i = 0; i < N; i++) {
            if (wd != null) {
                double w = wd[i];
                double g = gd[i];
                double ulps = op.isTranscendental() ? 4 : 0;
                boolean ok = Double.doubleToLongBits(w) == Double.doubleToLongBits(g) || (Double.isNaN(w) && Double.isNaN(g))
                        || (ulps > 0 && Math.abs(w - g) <= Math.max(ulps * ulp(w, want.dtype()), minNormal(want.dtype())));
                if (!ok) {
                    fail(where + ": element " + i + " is " + g + ", the reference gives " + w);
                }
            } else if (want.getFlatLong(i) != got.getFlatLong(i)) {
                fail(where + ": element " + i + " is " + got.getFlatLong(i) + ", the reference gives " + want.getFlatLong(i));
            }
        }
    }

    /** A vector form may flush a subnormal result to zero (float32 sigmoid(-100) is 3.8e-44 or 0). */
    private static double minNormal(DType dtype) {
        return dtype == DType.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    }

    private static double ulp(double w, DType dtype) {
        return dtype == DType.FLOAT32 ? Math.ulp((float) w) : Math.ulp(w);
    }

    /** The gpu backend's CUDA C for the node: it renders, and names each input once at least. */
    private static void assertRenders(Apply node, String where) {
        List<ScalarExpr> args = new ArrayList<>();
        List<DType> types = new ArrayList<>();
        for (int k = 0; k < node.inputs().size(); k++) {
            args.add(new ScalarExpr.Input(k, node.input(k).dtype()));
            types.add(node.input(k).dtype());
        }
        ScalarExpr expr = new ScalarExpr.Call(node.op() instanceof org.theano4j.op.Elemwise e ? e.fn() : null, args,
                node.output(0).dtype());
        assertTrue(CudaExpressionRenderer.supports(expr), where + ": the gpu renderer does not support it");
        String c = CudaExpressionRenderer.render(expr);
        for (int k = 0; k < args.size(); k++) {
            assertTrue(c.contains("x" + k), where + ": the CUDA expression " + c + " does not read x" + k);
        }
        assertTrue(CudaExpressionRenderer.kernelSource(expr, types).contains(c), where);
    }
}
