package org.theano4j.grad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.TestValues;
import org.theano4j.op.Ops;
import org.theano4j.rewrite.Pipeline;
import org.theano4j.tensor.NDArray;

/**
 * Reverse-mode differentiation over the symbolic graph: one reverse sweep over the nodes
 * between {@code wrt} and the cost, asking each op for its gradient rule and summing the
 * contributions of every path. The result is itself a graph. The cost is first put in
 * numerically stable form ({@link Pipeline#stabilizeForGradient}), Theano's stabilization
 * "before differentiation"; the gradient graph gets Theano's switch sinking
 * ({@link Pipeline#sinkSwitchesForGradient}), so that a switch's untaken branch adds no NaN.
 */
public final class Gradients {
    private Gradients() {
    }

    /** d cost / d w for each w; {@code disconnectedZero} gives zeros for a w the cost does not depend on. */
    public static List<Variable> grad(Variable cost, List<? extends Variable> wrt, boolean disconnectedZero) {
        if (!cost.isTensor() || cost.ndim() != 0) {
            throw new IllegalArgumentException("grad: cost must be a scalar, got " + cost.type().describe()
                    + " (take .sum() or .mean() first)");
        }
        if (cost.dtype().isComplex()) {
            throw new IllegalArgumentException("grad: cost must be real, got a " + cost.dtype().numpyName()
                    + " cost (take T.real, T.imag or T.abs of it first, as Theano asks)");
        }
        Variable seed = new Constant(NDArray.full(cost.dtype().isFloat() ? cost.dtype() : org.theano4j.Config.floatX(), 1.0));
        // differentiate the stable form (sigmoid/softplus/log-softmax...): rewriting the gradient
        // graph afterwards cannot undo an inf/inf already built into it
        Variable stable = TestValues.suspended(() -> Pipeline.stabilizeForGradient(cost, wrt));
        return backprop(stable, seed, wrt, disconnectedZero);
    }

    /** The gradients of {@code root} (any shape) seeded with {@code seed} (root's shape), as in the L-operator. */
    public static List<Variable> backprop(Variable root, Variable seed, List<? extends Variable> wrt, boolean disconnectedZero) {
        Set<Variable> relevant = dependOnWrt(root, wrt);
        Map<Variable, Variable> grads = new IdentityHashMap<>();
        grads.put(root, seed);
        List<Apply> order = Graphs.toposort(List.of(root));
        for (int n = order.size() - 1; n >= 0; n--) {
            Apply node = order.get(n);
            if (!relevant.contains(node.output(0)) && !anyRelevant(node.outputs(), relevant)) {
                continue;
            }
            List<Variable> outGrads = realOutputs(node) ? outputGrads(node, grads) : null;
            if (outGrads == null) {
                continue;
            }
            List<Variable> inGrads = node.op().grad(node, outGrads);
            for (int i = 0; i < node.inputs().size(); i++) {
                Variable in = node.input(i);
                Variable g = inGrads.get(i);
                if (g != null && relevant.contains(in) && in.isTensor() && g.isTensor() && carriesGradient(g.dtype())) {
                    grads.merge(in, g, Ops::add);
                }
            }
        }
        List<Variable> result = new ArrayList<>(wrt.size());
        for (Variable w : wrt) {
            result.add(finish(root, w, grads.get(w), disconnectedZero));
        }
        return TestValues.suspended(() -> Pipeline.sinkSwitchesForGradient(result));
    }

    /**
     * The gradient of one w: the summed contributions, or zeros when every path from w to the
     * root runs through integer or bool values (they carry no gradient), or an error when the
     * root does not depend on w at all (Theano's DisconnectedInputError) unless {@code disconnectedZero},
     * or when it is built from a {@link NullGrad} (Theano's NullTypeGradError).
     */
    private static Variable finish(Variable root, Variable w, Variable g, boolean disconnectedZero) {
        if (g == null) {
            if (!disconnectedZero && !Graphs.dependsOn(root, w)) {
                throw new IllegalArgumentException("grad: the cost does not depend on " + w
                        + " (" + w.type().describe() + "); pass disconnectedZero=true to get zeros");
            }
            return Ops.zerosLike(w.dtype().isFloat() ? w : Ops.cast(w, org.theano4j.Config.floatX()));
        }
        String undefined = NullGrad.reasonIn(g);
        if (undefined != null) {
            throw new IllegalArgumentException("grad: the gradient with respect to " + w + " is undefined: " + undefined);
        }
        // Theano 1.0: the gradient with respect to an integer w is real-valued, of the upcast dtype
        return g.dtype() == w.dtype() || !w.dtype().isFloat() ? g : Ops.cast(g, w.dtype());
    }

    private static List<Variable> outputGrads(Apply node, Map<Variable, Variable> grads) {
        List<Variable> outGrads = new ArrayList<>(node.outputs().size());
        boolean any = false;
        for (Variable out : node.outputs()) {
            Variable g = grads.get(out);
            any |= g != null;
            outGrads.add(g);
        }
        if (!any) {
            return null;
        }
        for (int i = 0; i < outGrads.size(); i++) {
            if (outGrads.get(i) == null && node.outputs().size() > 1 && node.output(i).isTensor()) {
                outGrads.set(i, Ops.zerosLike(node.output(i)));
            }
        }
        return outGrads;
    }

    /**
     * Whether some output of {@code node} is real-valued: a node whose outputs are all integer or
     * bool passes no gradient to its inputs (Theano's inputs "only connected to integer outputs").
     */
    private static boolean realOutputs(Apply node) {
        for (Variable out : node.outputs()) {
            if (!out.isTensor() || carriesGradient(out.dtype())) {
                return true;
            }
        }
        return false;
    }

    /** Float and complex values carry gradients; integers and bools do not. */
    private static boolean carriesGradient(org.theano4j.tensor.DType d) {
        return d.isFloat() || d.isComplex();
    }

    private static boolean anyRelevant(List<Variable> vs, Set<Variable> relevant) {
        for (Variable v : vs) {
            if (relevant.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** The variables between wrt and root: those that depend on some w. */
    private static Set<Variable> dependOnWrt(Variable root, List<? extends Variable> wrt) {
        Set<Variable> dep = Collections.newSetFromMap(new IdentityHashMap<>());
        dep.addAll(wrt);
        for (Apply node : Graphs.toposort(List.of(root))) {
            for (Variable in : node.inputs()) {
                if (dep.contains(in)) {
                    dep.addAll(node.outputs());
                    break;
                }
            }
        }
        return dep;
    }

    /** Jacobian of vector y with respect to wrt (one gradient row per element of y). */
    public static Variable jacobian(Variable y, Variable wrt) {
        return Jacobians.jacobian(y, wrt);
    }

    /** Hessian of scalar cost with respect to vector wrt. */
    public static Variable hessian(Variable cost, Variable wrt) {
        return Jacobians.jacobian(grad(cost, List.of(wrt), false).get(0), wrt);
    }

    /** R-operator: J(y, wrt) · eval, by the double-L-operator trick. */
    public static Variable rop(Variable y, Variable wrt, Variable eval) {
        Variable u = new Variable(y.type(), null, 0, "rop_u");
        Variable lop = lop(y, wrt, u);
        Variable jv = backprop(lop, eval, List.of(u), true).get(0);
        // jv is linear in eval and does not depend on u's values, only (through shapes) on u's shape, which is y's
        return Graphs.clone(List.of(jv), java.util.Map.of(u, Ops.zerosLike(y))).get(0);
    }

    /** L-operator: eval · J(y, wrt). */
    public static Variable lop(Variable y, Variable wrt, Variable eval) {
        return backprop(y, eval, List.of(wrt), false).get(0);
    }
}
