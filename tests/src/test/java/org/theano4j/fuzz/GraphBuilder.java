package org.theano4j.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.op.Indexing;
import org.theano4j.tensor.NDArray;

/**
 * Turns program nodes into theano4j expressions through the public facade ({@link T},
 * {@link Variable}); only integer-vector indexing, which {@code T} does not offer, goes through
 * {@link Indexing#take}. Reductions with {@code keepdims} are a reduction followed by a dimshuffle
 * that puts the reduced axes back as broadcastable ones ({@code T} has no keepdims flag).
 */
final class GraphBuilder {
    private GraphBuilder() {
    }

    /** The graph input variables of {@code p}, one per input. */
    static List<Variable> inputVariables(Program p) {
        List<Variable> vars = new ArrayList<>();
        for (int i = 0; i < p.inputs().size(); i++) {
            Program.InputSpec in = p.inputs().get(i);
            vars.add(T.tensor(in.dtype(), in.bcast(), "x" + i));
        }
        return vars;
    }

    /** One variable per node (null for weak constants, which are passed to their users as Java numbers). */
    static Variable[] build(Program p, List<Variable> inputs) {
        Variable[] vars = new Variable[p.nodes().size()];
        for (int k = 0; k < vars.length; k++) {
            vars[k] = apply(p.nodes().get(k), vars, p, inputs);
        }
        return vars;
    }

    /** The expression of {@code n}, whose arguments are already built in {@code vars}. */
    static Variable apply(Program.Node n, Variable[] vars, Program p, List<Variable> inputs) {
        Object[] a = new Object[n.args().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = operand(p.nodes().get(n.args()[i]), vars[n.args()[i]]);
        }
        return switch (n.op()) {
            case "in" -> inputs.get((Integer) n.param());
            case "const" -> {
                Program.Const c = (Program.Const) n.param();
                yield c.weak() ? null : T.constant(c.value().toNDArray());
            }
            case "add" -> T.add(a[0], a[1]);
            case "sub" -> T.sub(a[0], a[1]);
            case "mul" -> T.mul(a[0], a[1]);
            case "div" -> T.div(a[0], a[1]);
            case "intdiv" -> T.intDiv(a[0], a[1]);
            case "mod" -> T.mod(a[0], a[1]);
            case "pow" -> T.pow(a[0], a[1]);
            case "maximum" -> T.maximum(a[0], a[1]);
            case "minimum" -> T.minimum(a[0], a[1]);
            case "gt" -> T.gt(a[0], a[1]);
            case "ge" -> T.ge(a[0], a[1]);
            case "lt" -> T.lt(a[0], a[1]);
            case "le" -> T.le(a[0], a[1]);
            case "eq" -> T.eq(a[0], a[1]);
            case "neq" -> T.neq(a[0], a[1]);
            case "and" -> T.and(a[0], a[1]);
            case "or" -> T.or(a[0], a[1]);
            case "xor" -> T.xor(a[0], a[1]);
            case "neg" -> T.neg(a[0]);
            case "abs" -> T.abs(a[0]);
            case "sqr" -> T.sqr(a[0]);
            case "sign" -> T.sign(a[0]);
            case "exp" -> T.exp(a[0]);
            case "log" -> T.log(a[0]);
            case "sqrt" -> T.sqrt(a[0]);
            case "tanh" -> T.tanh(a[0]);
            case "sigmoid" -> T.sigmoid(a[0]);
            case "floor" -> T.floor(a[0]);
            case "ceil" -> T.ceil(a[0]);
            case "not" -> T.not(a[0]);
            case "switch" -> T.switchOp(a[0], a[1], a[2]);
            case "clip" -> T.clip(a[0], a[1], a[2]);
            case "cast" -> T.cast(a[0], (org.theano4j.tensor.DType) n.param());
            case "sum", "prod", "max", "min", "mean" -> reduce(n.op(), (Variable) a[0], (Program.Reduction) n.param());
            case "dot" -> T.dot(a[0], a[1]);
            case "transpose" -> n.param() == null ? T.transpose(a[0]) : T.transpose(a[0], (int[]) n.param());
            case "dimshuffle" -> T.dimshuffle(a[0], (Object[]) n.param());
            case "reshape" -> T.reshape(a[0], (long[]) n.param());
            case "flatten" -> T.flatten(a[0]);
            case "subtensor" -> ((Variable) a[0]).get(Arrays.stream((Object[]) n.param()).map(GraphBuilder::indexEntry).toArray());
            case "take" -> {
                Program.Take t = (Program.Take) n.param();
                yield Indexing.take((Variable) a[0], T.constant(NDArray.of(t.indices())), t.axis());
            }
            default -> throw new IllegalArgumentException("unknown op " + n.op());
        };
    }

    private static Object operand(Program.Node n, Variable v) {
        if (n.op().equals("const") && ((Program.Const) n.param()).weak()) {
            OTensor c = ((Program.Const) n.param()).value();
            return c.isFloat() ? (Object) c.fv[0] : (Object) c.iv[0].longValue();
        }
        return v;
    }

    private static Variable reduce(String op, Variable x, Program.Reduction r) {
        int[] axes = r.axes();
        Variable y = switch (op) {
            case "sum" -> axes == null ? T.sum(x) : T.sum(x, axes);
            case "prod" -> axes == null ? T.prod(x) : T.prod(x, axes);
            case "max" -> axes == null ? T.max(x) : T.max(x, axes);
            case "min" -> axes == null ? T.min(x) : T.min(x, axes);
            default -> axes == null ? T.mean(x) : T.mean(x, axes);
        };
        if (!r.keepdims()) {
            return y;
        }
        boolean[] reduced = Oracle.reducedAxes(axes, x.ndim());
        Object[] pattern = new Object[x.ndim()];
        int next = 0;
        for (int d = 0; d < pattern.length; d++) {
            pattern[d] = reduced[d] ? "x" : (Object) next++;
        }
        return T.dimshuffle(y, pattern);
    }

    private static Object indexEntry(Object o) {
        if (o instanceof Program.SliceSpec s) {
            return Slice.of(s.start(), s.stop(), s.step());
        }
        return o;
    }
}
