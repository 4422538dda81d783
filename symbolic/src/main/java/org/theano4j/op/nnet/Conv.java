package org.theano4j.op.nnet;

import org.theano4j.Slice;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.op.DTypeRules;
import org.theano4j.op.Indexing;
import org.theano4j.op.Operands;
import org.theano4j.op.ShapeOps;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Builders of the convolution ops: operands checked and cast to one float dtype, as Theano's {@code conv2d} does. */
public final class Conv {
    private Conv() {
    }

    /** {@code conv2d(input, filters)} with {@code params}. */
    public static Variable conv2d(Variable input, Variable filters, ConvParams params) {
        DType d = floatOf(input, filters);
        Variable x = ndim4("conv2d", "input", input, d);
        Variable w = ndim4("conv2d", "filters", filters, d);
        return Apply.single(new AbstractConv2d(params), x, w);
    }

    /** Theano's {@code conv2d_grad_wrt_inputs}: the input gradient for filters, output gradient and the input's (rows, columns). */
    public static Variable gradInputs(ConvParams params, Variable filters, Variable top, Object inputHw) {
        DType d = floatOf(filters, top);
        String op = "conv2d_grad_wrt_inputs";
        Variable w = ndim4(op, "filters", filters, d);
        Variable t = ndim4(op, "output gradient", top, d);
        return Apply.single(new AbstractConv2dGradInputs(params), w, t, shapeVector(inputHw));
    }

    /** Theano's {@code conv2d_grad_wrt_weights}: the filter gradient for input, output gradient and the filters' (rows, columns). */
    public static Variable gradWeights(ConvParams params, Variable input, Variable top, Object filterHw) {
        DType d = floatOf(input, top);
        String op = "conv2d_grad_wrt_weights";
        Variable x = ndim4(op, "input", input, d);
        Variable t = ndim4(op, "output gradient", top, d);
        return Apply.single(new AbstractConv2dGradWeights(params), x, t, shapeVector(filterHw));
    }

    /** The last two entries of {@code x}'s shape, an int64 vector. */
    static Variable lastTwo(Variable x) {
        return Indexing.subtensor(ShapeOps.shape(x), Slice.of(2, 4));
    }

    /** {@code g} cast to {@code like}'s dtype. */
    static Variable castLike(Variable g, Variable like) {
        return Operands.castTo(g, like.dtype());
    }

    private static Variable shapeVector(Object hw) {
        if (hw instanceof long[] l) {
            return new Constant(NDArray.of(l), false, null);
        }
        if (hw instanceof int[] i) {
            return new Constant(NDArray.of(i).astype(DType.INT64), false, null);
        }
        return Operands.of(hw);
    }

    /** The float dtype both operands become: the common dtype, integers upgraded to float. */
    private static DType floatOf(Variable a, Variable b) {
        DType da = a.isTensor() ? DTypeRules.upgradeToFloat(a.dtype()) : DType.FLOAT64;
        DType db = b.isTensor() ? DTypeRules.upgradeToFloat(b.dtype()) : DType.FLOAT64;
        return da == DType.FLOAT64 || db == DType.FLOAT64 ? DType.FLOAT64 : da;
    }

    private static Variable ndim4(String op, String what, Variable v, DType d) {
        if (!v.isTensor() || v.ndim() != 4) {
            throw new IllegalArgumentException(op + ": " + what + " " + v + " must be a 4-d tensor "
                    + (what.equals("filters") ? "(filters, channels, rows, columns)" : "(batch, channels, rows, columns)")
                    + ", got " + v.type().describe());
        }
        return Operands.castTo(v, d);
    }
}
