package org.theano4j.compile;

import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.tensor.NDArray;

/**
 * Theano's run-time broadcasting rule for elementwise nodes, checked in one place (each
 * elementwise {@link Step}, on every backend): an axis of length 1 repeats to match the other
 * inputs only when the input's type marks it broadcastable. A length-1 axis that is not marked
 * (a {@code dmatrix} given a {@code 1 x 3} array added to a {@code 2 x 3} one) is an
 * {@link IllegalArgumentException} naming the input, the axis and the shapes, as Theano's
 * "Dimension mismatch; shapes are (1, 3), (2, 3)", instead of numpy's silent broadcast.
 * Declare such inputs with {@code T.row}, {@code T.col} or {@code T.tensor(dtype, broadcastable, name)}.
 */
final class BroadcastCheck {
    private final Apply node;
    /** Per input, per axis: whether the type marks the axis broadcastable. */
    private final boolean[][] broadcastable;

    private BroadcastCheck(Apply node) {
        this.node = node;
        this.broadcastable = new boolean[node.inputs().size()][];
        for (int i = 0; i < broadcastable.length; i++) {
            broadcastable[i] = node.input(i).broadcastable();
        }
    }

    /** The check for {@code node}, or null when it is not elementwise. */
    static BroadcastCheck forNode(Apply node) {
        return node.op() instanceof Elemwise || node.op() instanceof Composite ? new BroadcastCheck(node) : null;
    }

    /** Throws when an input has length 1 on an axis its type does not mark broadcastable and another input is longer there. */
    void check(Object[] args) {
        int ndim = broadcastable[0].length;
        for (int a = 0; a < ndim; a++) {
            long longest = 1;
            int unmarked = -1;
            for (int i = 0; i < args.length; i++) {
                long n = ((NDArray) args[i]).shape(a);
                if (n != 1) {
                    longest = n;
                } else if (!broadcastable[i][a] && unmarked < 0) {
                    unmarked = i;
                }
            }
            if (unmarked >= 0 && longest != 1) {
                throw new IllegalArgumentException(message(args, a, unmarked, longest));
            }
        }
    }

    private String message(Object[] args, int axis, int input, long longest) {
        Variable v = node.input(input);
        StringBuilder shapes = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            long[] s = ((NDArray) args[i]).shape();
            shapes.append(i == 0 ? "" : ", ").append('(');
            for (int k = 0; k < s.length; k++) {
                shapes.append(k == 0 ? "" : ", ").append(broadcastable[i][k] ? "*" : Long.toString(s[k]));
            }
            shapes.append(s.length == 1 ? ",)" : ")");
        }
        return "Input dimension mis-match: input " + input + " of " + node.op().displayName() + " (" + v + ") has length 1 on axis "
                + axis + ", which its type does not mark broadcastable, while another input has length " + longest
                + " there (Dimension mismatch; shapes are " + shapes + ", '*' = broadcastable). Declare the input with a"
                + " broadcastable axis (T.row, T.col, T.tensor(dtype, broadcastable, name)) or dimshuffle it";
    }
}
