package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;

/** Axis lists of reductions: validation, and putting reduced axes back as broadcastable ones. */
final class Axes {
    private Axes() {
    }

    /**
     * {@code axes} resolved against {@code ndim} and sorted; {@code null} means every axis.
     * Out-of-range and repeated axes are an {@link IllegalArgumentException} naming {@code op}.
     */
    static List<Integer> resolve(String op, int[] axes, int ndim) {
        List<Integer> out = new ArrayList<>();
        if (axes == null) {
            for (int a = 0; a < ndim; a++) {
                out.add(a);
            }
            return List.copyOf(out);
        }
        boolean[] seen = new boolean[ndim];
        for (int axis : axes) {
            if (axis < -ndim || axis >= ndim) {
                throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for a tensor of ndim " + ndim);
            }
            int a = axis < 0 ? axis + ndim : axis;
            if (seen[a]) {
                throw new IllegalArgumentException(op + ": duplicate axis " + axis + " (ndim " + ndim + ")");
            }
            seen[a] = true;
        }
        for (int a = 0; a < ndim; a++) {
            if (seen[a]) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** The axes of {@code 0..ndim-1} not in {@code reduced}, in order. */
    static int[] kept(List<Integer> reduced, int ndim) {
        int[] out = new int[ndim - reduced.size()];
        int k = 0;
        for (int a = 0; a < ndim; a++) {
            if (!reduced.contains(a)) {
                out[k++] = a;
            }
        }
        return out;
    }

    /**
     * {@code r}, the result of reducing a tensor of {@code ndim} axes over {@code reduced}, with
     * the reduced axes put back as broadcastable axes (numpy's {@code keepdims=True}).
     */
    static Variable keepDims(Variable r, List<Integer> reduced, int ndim) {
        Object[] pattern = new Object[ndim];
        int k = 0;
        for (int a = 0; a < ndim; a++) {
            pattern[a] = reduced.contains(a) ? "x" : (Object) k++;
        }
        return Ops.dimshuffle(r, pattern);
    }

    static int[] toArray(List<Integer> axes) {
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }
}
