package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.graph.ShapeAlgebra;

/** The pieces the ops' shape rules ({@link org.theano4j.graph.Op#inferShape}) share. */
final class ShapeRules {
    private ShapeRules() {
    }

    /** The numpy broadcast of the inputs' shapes, right-aligned. */
    static <D> List<List<D>> broadcast(List<List<D>> in, ShapeAlgebra<D> dims) {
        int ndim = 0;
        for (List<D> s : in) {
            ndim = Math.max(ndim, s.size());
        }
        List<D> out = new ArrayList<>(ndim);
        for (int i = 0; i < ndim; i++) {
            List<D> axis = new ArrayList<>(in.size());
            for (List<D> s : in) {
                int k = i - (ndim - s.size());
                axis.add(k < 0 ? dims.known(1) : s.get(k));
            }
            out.add(dims.broadcast(axis));
        }
        return List.of(out);
    }

    /** numpy.dot: a's axes but the last, then b's axes but the contracted one (which must equal a's last). */
    static <D> List<D> dot(List<D> a, List<D> b, ShapeAlgebra<D> dims) {
        int bAxis = b.size() == 1 ? 0 : b.size() - 2;
        dims.same(a.get(a.size() - 1), b.get(bAxis));
        List<D> out = new ArrayList<>(a.subList(0, a.size() - 1));
        for (int i = 0; i < b.size(); i++) {
            if (i != bAxis) {
                out.add(b.get(i));
            }
        }
        return out;
    }

    /** gemv/gemm(z, x, y): the shape of dot(x, y), which z must have. */
    static <D> List<List<D>> gemm(List<List<D>> in, ShapeAlgebra<D> dims) {
        List<D> d = dot(in.get(1), in.get(2), dims);
        List<D> out = new ArrayList<>(d.size());
        for (int i = 0; i < d.size(); i++) {
            out.add(i < in.get(0).size() ? dims.same(d.get(i), in.get(0).get(i)) : d.get(i));
        }
        return List.of(out);
    }

    /** The axes of {@code in} not in {@code axes}. */
    static <D> List<List<D>> kept(List<D> in, List<Integer> axes) {
        List<D> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (!axes.contains(i)) {
                out.add(in.get(i));
            }
        }
        return List.of(out);
    }
}
