package org.theano4j.op.nnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.graph.Apply;
import org.theano4j.graph.ShapeAlgebra;

/**
 * The shape rules ({@link org.theano4j.graph.Op#inferShape}) of the convolution and pooling ops,
 * Theano 1.0's {@code get_conv_output_shape} and {@code Pool.out_shape} written over a
 * {@link ShapeAlgebra}. They give what {@link ConvGeometry} and {@link PoolAxis#outSize} give at
 * run time (without their checks: like Theano's, a shape computed this way does not run the op).
 */
final class ConvShapeRules {
    private ConvShapeRules() {
    }

    /** {@code conv2d(input, filters)}: {@code (batch, filters, outH, outW)}; the channels must agree. */
    static <D> List<List<D>> forward(ConvParams p, List<D> x, List<D> w, ShapeAlgebra<D> a) {
        a.same(x.get(1), w.get(1));
        return List.of(Arrays.asList(x.get(0), w.get(0), outLength(p, x.get(2), w.get(2), true, a),
                outLength(p, x.get(3), w.get(3), false, a)));
    }

    /** The gradient w.r.t. the input: {@code (batch of top, channels of filters, shape[0], shape[1])}. */
    static <D> List<List<D>> gradInputs(Apply node, List<D> w, List<D> top, ShapeAlgebra<D> a) {
        a.same(top.get(1), w.get(0));
        return List.of(Arrays.asList(top.get(0), w.get(1), a.element(node, 2, 0), a.element(node, 2, 1)));
    }

    /** The gradient w.r.t. the filters: {@code (channels of top, channels of input, shape[0], shape[1])}. */
    static <D> List<List<D>> gradWeights(Apply node, List<D> x, List<D> top, ShapeAlgebra<D> a) {
        a.same(top.get(0), x.get(0));
        return List.of(Arrays.asList(top.get(1), x.get(1), a.element(node, 2, 0), a.element(node, 2, 1)));
    }

    /**
     * One output axis of a convolution: {@code (n + 2 pad - dilated) // stride + 1}, where
     * {@code dilated = (f - 1) * dilation + 1} and the padding is that of the border mode.
     */
    static <D> D outLength(ConvParams p, D n, D f, boolean rows, ShapeAlgebra<D> a) {
        int dilation = rows ? p.dilationH() : p.dilationW();
        int stride = rows ? p.strideH() : p.strideW();
        D minusDilated = a.sum(List.of(a.times(f, -dilation), a.known(dilation - 1L)));
        D padded = switch (p.border()) {
            case VALID -> n;
            case FULL -> a.sum(List.of(n, a.times(minusDilated, -2), a.known(-2)));
            case HALF -> a.sum(List.of(n, a.times(a.floorDiv(a.times(minusDilated, -1), 2), 2)));
            case EXPLICIT -> a.sum(List.of(n, a.known(2L * (rows ? p.padH() : p.padW()))));
        };
        return a.sum(List.of(a.floorDiv(a.sum(List.of(padded, minusDilated)), stride), a.known(1)));
    }

    /** {@code pool_2d}: the leading axes, then the windows along the last two. */
    static <D> List<List<D>> pool(PoolParams p, List<D> x, ShapeAlgebra<D> a) {
        List<D> out = new ArrayList<>(x);
        int r = x.size() - 2;
        out.set(r, poolLength(x.get(r), p.wsH(), p.strideH(), p.padH(), p.ignoreBorder(), a));
        out.set(r + 1, poolLength(x.get(r + 1), p.wsW(), p.strideW(), p.padW(), p.ignoreBorder(), a));
        return List.of(out);
    }

    /** {@link PoolAxis#outSize} of {@code n + 2 pad}. */
    static <D> D poolLength(D n, int ws, int stride, int pad, boolean ignoreBorder, ShapeAlgebra<D> a) {
        D v = a.sum(List.of(n, a.known(2L * pad)));
        if (ignoreBorder) {
            return ws == stride ? a.floorDiv(v, stride)
                    : a.max(a.sum(List.of(a.floorDiv(a.sum(List.of(v, a.known(-ws))), stride), a.known(1))), 0);
        }
        if (stride >= ws) {
            return a.sum(List.of(a.floorDiv(a.sum(List.of(v, a.known(-1))), stride), a.known(1)));
        }
        return a.sum(List.of(a.max(a.floorDiv(a.sum(List.of(v, a.known(stride - 1L - ws))), stride), 0), a.known(1)));
    }
}
