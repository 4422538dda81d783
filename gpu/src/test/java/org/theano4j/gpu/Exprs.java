package org.theano4j.gpu;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/** Builds {@link ScalarExpr} trees for tests, each node typed as the fusion rewrite types it. */
final class Exprs {

    private Exprs() {
    }

    static ScalarExpr in(int index, DType dtype) {
        return new ScalarExpr.Input(index, dtype);
    }

    static ScalarExpr c(Number value, DType dtype) {
        return new ScalarExpr.Const(value, dtype);
    }

    /** {@code op(args)}, of op's output dtype for the first data argument's dtype. */
    static ScalarExpr op(ScalarOp op, ScalarExpr... args) {
        DType compute = args[op.conditionInput() == 0 ? 1 : 0].dtype();
        return new ScalarExpr.Call(op, Arrays.asList(args), op.outputDType(compute));
    }

    static ScalarExpr cast(DType to, ScalarExpr arg) {
        return new ScalarExpr.Call(new ScalarCast(to), List.of(arg), to);
    }

    /** The seed's logistic {@code 1 / (1 + exp(-x0))} in a dtype. */
    static ScalarExpr logistic(DType dtype) {
        return op(ScalarOp.TRUE_DIV, c(1, dtype),
                op(ScalarOp.ADD, c(1, dtype), op(ScalarOp.EXP, op(ScalarOp.NEG, in(0, dtype)))));
    }

    /** The dtype of every input the tree reads, by index (inputs it skips are float64). */
    static List<DType> inputTypes(ScalarExpr e) {
        TreeMap<Integer, DType> found = new TreeMap<>();
        collect(e, found);
        int n = found.isEmpty() ? 0 : found.lastKey() + 1;
        DType[] types = new DType[n];
        Arrays.fill(types, DType.FLOAT64);
        found.forEach((i, t) -> types[i] = t);
        return List.of(types);
    }

    private static void collect(ScalarExpr e, TreeMap<Integer, DType> found) {
        switch (e) {
            case ScalarExpr.Input in -> found.put(in.index(), in.dtype());
            case ScalarExpr.Const c -> { }
            case ScalarExpr.Call call -> call.args().forEach(a -> collect(a, found));
        }
    }
}
