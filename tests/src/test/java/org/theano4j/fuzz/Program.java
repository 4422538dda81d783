package org.theano4j.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * A generated program: graph inputs (with the memory layout each argument is passed in), a list
 * of nodes in topological order (each reads earlier nodes by index), and the nodes returned as
 * outputs. Nodes are plain data, so a program can be printed as numpy code, rebuilt with
 * {@link GraphBuilder}, evaluated by {@link Oracle} and cut down by {@link Shrinker}.
 */
record Program(long seed, List<InputSpec> inputs, List<Node> nodes, int[] outputs) {

    /** One step: an op name, the indices of the nodes it reads, and the op's parameter (or null). */
    record Node(String op, int[] args, Object param) {
        Node(String op, int... args) {
            this(op, args, null);
        }
    }

    /** A scalar constant: weak ones are passed to {@code T} as a Java Long/Double, strong ones as a 0-d array. */
    record Const(OTensor value, boolean weak) {
    }

    /** A reduction's axes (null: all) and whether the reduced axes are kept with length 1. */
    record Reduction(int[] axes, boolean keepdims) {
    }

    /** A basic-indexing slice; null bounds are open. */
    record SliceSpec(Long start, Long stop, Long step) {
    }

    /** {@code numpy.take(x, indices, axis)}. */
    record Take(long[] indices, int axis) {
    }

    /**
     * How an argument is laid out in memory. The base array ({@code base}, C-contiguous) is sliced
     * with {@code start}/{@code step} per axis to {@code sliced}, transposed with {@code perm}, reversed
     * along {@code reverse} axes and finally broadcast to the input's shape along {@code broadcast} axes.
     */
    record Layout(OTensor base, long[] start, long[] step, long[] sliced, int[] perm, boolean[] reverse, boolean[] broadcast) {
        NDArray materialize(long[] shape) {
            NDArray v = base.toNDArray();
            for (int d = 0; d < sliced.length; d++) {
                long stop = sliced[d] == 0 ? start[d] : start[d] + (sliced[d] - 1) * step[d] + 1;
                v = v.slice(d, start[d], stop, step[d]);
            }
            v = v.transpose(perm);
            for (int d = 0; d < reverse.length; d++) {
                if (reverse[d] && v.shape(d) > 0) {
                    v = v.slice(d, v.shape(d) - 1, -1, -1);
                }
            }
            return v.broadcastTo(shape);
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (!Arrays.equals(base.shape, sliced) || Arrays.stream(step).anyMatch(s -> s != 1)) {
                parts.add("a slice (start " + Arrays.toString(start) + ", step " + Arrays.toString(step) + ") of a "
                        + Arrays.toString(base.shape) + " buffer");
            }
            if (!isIdentity(perm)) {
                parts.add("transposed " + Arrays.toString(perm));
            }
            if (any(reverse)) {
                parts.add("reversed on axes " + axes(reverse));
            }
            if (any(broadcast)) {
                parts.add("broadcast (stride 0) on axes " + axes(broadcast));
            }
            return parts.isEmpty() ? "C-contiguous" : String.join(", ", parts);
        }
    }

    /**
     * A graph input: its dtype, shape and broadcastable pattern, and the argument passed for it: its
     * own array ({@code layout}), the very same array as input {@code aliasOf}, or that array read
     * backwards along axis 0 ({@code aliasReversed}).
     */
    record InputSpec(DType dtype, long[] shape, boolean[] bcast, Layout layout, int aliasOf, boolean aliasReversed) {
    }

    /** The arguments of one call, in input order (aliased inputs share memory). */
    NDArray[] arguments() {
        NDArray[] args = new NDArray[inputs.size()];
        for (int i = 0; i < args.length; i++) {
            InputSpec in = inputs.get(i);
            if (in.aliasOf() < 0) {
                args[i] = in.layout().materialize(in.shape());
            } else {
                NDArray a = args[in.aliasOf()];
                args[i] = in.aliasReversed() ? a.slice(0, a.shape(0) - 1, -1, -1) : a;
            }
        }
        return args;
    }

    /** The program as numpy code, one assignment per node, with each input's layout. */
    String describe(OTensor[] values) {
        StringBuilder sb = new StringBuilder();
        NDArray[] args = arguments();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec in = inputs.get(i);
            NDArray a = args[i];
            sb.append("  x").append(i).append(": ").append(in.dtype().numpyName()).append(Arrays.toString(in.shape()))
                    .append(" broadcastable=").append(Arrays.toString(in.bcast()))
                    .append(", passed with strides ").append(Arrays.toString(a.strides())).append(" offset ").append(a.offset())
                    .append(" (").append(in.aliasOf() < 0 ? in.layout().describe()
                            : "the same array as x" + in.aliasOf() + (in.aliasReversed() ? " read as [::-1]" : ""))
                    .append(")\n      = ").append(OTensor.readRaw(a).preview(48)).append('\n');
        }
        for (int k = 0; k < nodes.size(); k++) {
            OTensor v = values == null ? null : values[k];
            sb.append("  n").append(k).append(" = ").append(formula(k));
            if (v != null) {
                sb.append("    # ").append(v.dtype.numpyName()).append(Arrays.toString(v.shape));
            }
            sb.append('\n');
        }
        sb.append("  return ").append(Arrays.stream(outputs).mapToObj(o -> "n" + o).collect(Collectors.joining(", ")));
        return sb.toString();
    }

    /**
     * The program's computation in brief, for grouping failures: each computed node as its op and
     * its operands' dtypes, e.g. {@code intdiv(uint64,uint64) -> sum(int32)}.
     */
    String skeleton(OTensor[] values) {
        List<String> steps = new ArrayList<>();
        for (Node n : nodes) {
            if (!n.op().equals("in") && !n.op().equals("const")) {
                steps.add(n.op() + Arrays.stream(n.args()).mapToObj(a -> values[a].dtype.numpyName())
                        .collect(Collectors.joining(",", "(", ")")));
            }
        }
        return String.join(" -> ", steps);
    }

    /** Node {@code k} as one numpy expression over earlier nodes. */
    String formula(int k) {
        Node n = nodes.get(k);
        String[] a = Arrays.stream(n.args()).mapToObj(i -> "n" + i).toArray(String[]::new);
        return switch (n.op()) {
            case "in" -> "x" + n.param();
            case "const" -> {
                Const c = (Const) n.param();
                String v = c.value().show(0);
                yield c.weak() ? v + "  # weak Java scalar" : "np." + c.value().dtype.numpyName() + "(" + v + ")";
            }
            case "add", "sub", "mul", "div", "intdiv", "mod", "pow", "gt", "ge", "lt", "le", "eq", "neq", "and", "or", "xor" ->
                    a[0] + " " + infix(n.op()) + " " + a[1];
            case "neg" -> "-" + a[0];
            case "not" -> "~" + a[0];
            case "maximum", "minimum", "abs", "sign", "exp", "log", "sqrt", "tanh", "floor", "ceil" ->
                    "np." + n.op() + "(" + String.join(", ", a) + ")";
            case "sqr" -> "np.square(" + a[0] + ")";
            case "sigmoid" -> "scipy.special.expit(" + a[0] + ")";
            case "switch" -> "np.where(" + String.join(", ", a) + ")";
            case "clip" -> "np.clip(" + String.join(", ", a) + ")";
            case "cast" -> a[0] + ".astype(np." + ((DType) n.param()).numpyName() + ")";
            case "sum", "prod", "max", "min", "mean" -> {
                Reduction r = (Reduction) n.param();
                yield "np." + n.op() + "(" + a[0] + (r.axes() == null ? "" : ", axis=" + tuple(r.axes()))
                        + (r.keepdims() ? ", keepdims=True" : "") + ")";
            }
            case "dot" -> "np.dot(" + a[0] + ", " + a[1] + ")";
            case "transpose" -> a[0] + ".transpose(" + (n.param() == null ? "" : joinInts((int[]) n.param())) + ")";
            case "dimshuffle" -> "dimshuffle(" + a[0] + ", " + Arrays.stream((Object[]) n.param())
                    .map(o -> o instanceof String ? "'x'" : o.toString()).collect(Collectors.joining(", ")) + ")";
            case "reshape" -> a[0] + ".reshape(" + Arrays.stream((long[]) n.param()).mapToObj(Long::toString)
                    .collect(Collectors.joining(", ")) + ")";
            case "flatten" -> a[0] + ".ravel()";
            case "subtensor" -> a[0] + "[" + Arrays.stream((Object[]) n.param()).map(Program::indexEntry)
                    .collect(Collectors.joining(", ")) + "]";
            case "take" -> {
                Take t = (Take) n.param();
                yield "np.take(" + a[0] + ", " + Arrays.toString(t.indices()) + ", axis=" + t.axis() + ")";
            }
            default -> n.op() + "(" + String.join(", ", a) + ")";
        };
    }

    private static String infix(String op) {
        return switch (op) {
            case "add" -> "+";
            case "sub" -> "-";
            case "mul" -> "*";
            case "div" -> "/";
            case "intdiv" -> "//";
            case "mod" -> "%";
            case "pow" -> "**";
            case "gt" -> ">";
            case "ge" -> ">=";
            case "lt" -> "<";
            case "le" -> "<=";
            case "eq" -> "==";
            case "neq" -> "!=";
            case "and" -> "&";
            case "or" -> "|";
            default -> "^";
        };
    }

    private static String indexEntry(Object o) {
        if (o instanceof SliceSpec s) {
            String r = bound(s.start()) + ":" + bound(s.stop());
            return s.step() == null ? r : r + ":" + s.step();
        }
        return o.toString();
    }

    private static String bound(Long b) {
        return b == null ? "" : b.toString();
    }

    private static String tuple(int[] axes) {
        return axes.length == 1 ? "(" + axes[0] + ",)" : "(" + joinInts(axes) + ")";
    }

    private static String joinInts(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(boolean[] b) {
        for (boolean x : b) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    private static String axes(boolean[] b) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            if (b[i]) {
                l.add(i);
            }
        }
        return l.toString();
    }
}
