package org.theano4j.grad;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.theano4j.Function;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.op.Ops;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Numeric gradient checking, Theano's {@code verify_grad}: compares the symbolic gradient of a
 * graph with central finite differences. The output of {@code fn} is projected onto a random
 * tensor so that the checked cost is a scalar ({@code sum(out * r)}, r uniform in [0.5, 1.5)),
 * the finite differences run on a float64 copy of the graph, and the tolerances follow the
 * dtype of the point (float64 1e-4, float32 1e-2, absolute and relative). Integer and bool
 * inputs are held fixed. As in Theano, an axis of length 1 in the point makes the input
 * broadcastable there, so row, column and scalar broadcasting are exercised. Usable from user code and tests alike:
 *
 * <pre>{@code
 * GradCheck.verifyGrad(in -> T.tanh(in.get(0)).mul(in.get(1)),
 *         List.of(new double[] {0.1, -0.7}, new double[] {2.0, 3.0}));
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** Builds the graph to check from symbolic inputs (one per point value, same dtypes and ndims). */
    @FunctionalInterface
    public interface GraphBuilder {
        /** The output (any shape) of the graph for the given inputs. */
        Variable build(List<Variable> inputs);
    }

    /**
     * Settings of a check.
     *
     * @param seed seed of the random projections
     * @param nTests how many random projections to check
     * @param eps finite-difference step (in float64)
     * @param absTol absolute tolerance, or NaN for the dtype's default
     * @param relTol relative tolerance, or NaN for the dtype's default
     */
    public record Options(long seed, int nTests, double eps, double absTol, double relTol) {
        /** Theano's defaults: two projections, step 1e-7, tolerances by dtype. */
        public static Options defaults() {
            return new Options(42, 2, 1e-7, Double.NaN, Double.NaN);
        }

        /** These options with another step. */
        public Options withEps(double newEps) {
            return new Options(seed, nTests, newEps, absTol, relTol);
        }

        /** These options with other tolerances. */
        public Options withTolerance(double abs, double rel) {
            return new Options(seed, nTests, eps, abs, rel);
        }
    }

    /** Thrown when the symbolic and the numeric gradient disagree; says where and by how much. */
    public static final class GradientError extends AssertionError {
        private static final long serialVersionUID = 1L;

        GradientError(String message) {
            super(message);
        }
    }

    /** Checks with {@link Options#defaults()}; {@code point} holds NDArrays, Java arrays or numbers. */
    public static void verifyGrad(GraphBuilder fn, List<?> point) {
        verifyGrad(fn, point, Options.defaults());
    }

    /**
     * Checks the gradient of {@code fn} at {@code point} with respect to every float input.
     *
     * @throws GradientError when some element differs by more than both tolerances
     * @throws IllegalArgumentException when {@code point} has no float value or the graph is bad
     */
    public static void verifyGrad(GraphBuilder fn, List<?> point, Options options) {
        List<NDArray> values = new ArrayList<>();
        for (Object p : point) {
            values.add(p instanceof NDArray n ? n : NDArray.fromObject(p));
        }
        List<Integer> floats = floatPositions(values);
        double absTol = Double.isNaN(options.absTol()) ? tolerance(values) : options.absTol();
        double relTol = Double.isNaN(options.relTol()) ? tolerance(values) : options.relTol();
        List<Variable> inputs = inputsFor(values, false);
        Variable out = fn.build(inputs);
        List<Variable> inputs64 = inputsFor(values, true);
        Variable out64 = Ops.cast(fn.build(inputs64), DType.FLOAT64);
        NDArray outValue = Theano.function(inputs, out).callAll(values.toArray()).get(0);
        Random rng = new Random(options.seed());
        for (int test = 0; test < options.nTests(); test++) {
            NDArray projection = randomProjection(rng, outValue.shape());
            List<NDArray> analytic = analytic(inputs, out, projection, floats, values);
            Function cost64 = Theano.function(inputs64, Ops.sum(Ops.mul(out64, Ops.constant(projection))));
            for (int k = 0; k < floats.size(); k++) {
                NDArray numeric = numeric(cost64, values, floats.get(k), options.eps());
                compare(floats.get(k), analytic.get(k), numeric, absTol, relTol);
            }
        }
    }

    private static List<Integer> floatPositions(List<NDArray> values) {
        List<Integer> floats = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).dtype().isFloat()) {
                floats.add(i);
            }
        }
        if (floats.isEmpty()) {
            throw new IllegalArgumentException("verifyGrad: the point has no float value to differentiate");
        }
        return floats;
    }

    /** Theano's {@code _type_tol}: the loosest tolerance among the point's float dtypes. */
    private static double tolerance(List<NDArray> values) {
        double tol = 0;
        for (NDArray v : values) {
            if (v.dtype() == DType.FLOAT64) {
                tol = Math.max(tol, 1e-4);
            } else if (v.dtype().isFloat()) {
                tol = Math.max(tol, 1e-2);
            }
        }
        return tol;
    }

    private static List<Variable> inputsFor(List<NDArray> values, boolean float64) {
        List<Variable> vars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            NDArray v = values.get(i);
            DType dtype = float64 && v.dtype().isFloat() ? DType.FLOAT64 : v.dtype();
            boolean[] broadcastable = new boolean[v.ndim()];
            for (int d = 0; d < broadcastable.length; d++) {
                broadcastable[d] = v.shape(d) == 1;
            }
            vars.add(Ops.tensor(dtype, broadcastable, "x" + i));
        }
        return vars;
    }

    private static NDArray randomProjection(Random rng, long[] shape) {
        NDArray r = NDArray.zeros(DType.FLOAT64, shape);
        for (long i = 0; i < r.size(); i++) {
            r.setFlat(i, rng.nextDouble() + 0.5);
        }
        return r;
    }

    private static List<NDArray> analytic(List<Variable> inputs, Variable out, NDArray projection, List<Integer> floats,
            List<NDArray> values) {
        Variable cost = Ops.sum(Ops.mul(out, Ops.constant(projection.astype(out.dtype().isFloat() ? out.dtype() : DType.FLOAT64))));
        List<Variable> wrt = floats.stream().map(inputs::get).toList();
        List<Variable> grads = Gradients.grad(cost, wrt, true);
        for (int k = 0; k < grads.size(); k++) {
            TensorType expected = wrt.get(k).tensorType();
            if (grads.get(k).ndim() != expected.ndim() || grads.get(k).dtype() != expected.dtype()) {
                throw new GradientError("gradient of input " + floats.get(k) + " has type " + grads.get(k).type().describe()
                        + " but the input is " + expected.describe());
            }
        }
        return Theano.function(inputs, grads).callAll(values.toArray());
    }

    /** Central differences of the float64 cost with respect to every element of input {@code index}. */
    private static NDArray numeric(Function cost64, List<NDArray> values, int index, double eps) {
        Object[] args = values.toArray();
        NDArray x = values.get(index).astype(DType.FLOAT64);
        args[index] = x;
        NDArray g = NDArray.zeros(DType.FLOAT64, x.shape());
        for (long j = 0; j < x.size(); j++) {
            double x0 = x.getFlat(j);
            x.setFlat(j, x0 + eps);
            double plus = cost64.call(args).item();
            x.setFlat(j, x0 - eps);
            double minus = cost64.call(args).item();
            x.setFlat(j, x0);
            g.setFlat(j, (plus - minus) / (2 * eps));
        }
        return g;
    }

    private static void compare(int index, NDArray analytic, NDArray numeric, double absTol, double relTol) {
        if (!java.util.Arrays.equals(analytic.shape(), numeric.shape())) {
            throw new GradientError("gradient of input " + index + " has shape " + java.util.Arrays.toString(analytic.shape())
                    + " but the input has shape " + java.util.Arrays.toString(numeric.shape()));
        }
        for (long j = 0; j < numeric.size(); j++) {
            double a = analytic.getFlat(j);
            double n = numeric.getFlat(j);
            double absErr = Math.abs(a - n);
            double relErr = absErr / (Math.abs(a) + Math.abs(n));
            if (!(absErr <= absTol || relErr <= relTol)) {
                throw new GradientError(String.format("gradient of input %d, flat element %d: symbolic %.10g, numeric %.10g"
                        + " (abs error %.3g > %.3g, rel error %.3g > %.3g)", index, j, a, n, absErr, absTol, relErr, relTol));
            }
        }
    }
}
