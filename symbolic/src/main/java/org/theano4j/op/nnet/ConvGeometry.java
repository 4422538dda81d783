package org.theano4j.op.nnet;

import org.theano4j.tensor.Shapes;

/**
 * The sizes of one 2-d convolution at run time: input {@code (batch, channels, height, width)},
 * filters {@code (filters, channels, fh, fw)}, output {@code (batch, filters, outH, outW)}, with
 * the padding resolved from the border mode. Output row {@code i} reads padded input rows
 * {@code i * strideH + u * dilationH} for filter rows {@code u} (columns likewise); the filter is
 * read flipped when {@code flip}. Each factory checks the shapes and names the offending input.
 *
 * @param batch images
 * @param channels input channels
 * @param height input rows
 * @param width input columns
 * @param filters output channels
 * @param fh filter rows
 * @param fw filter columns
 * @param padH rows of zeros above and below
 * @param padW columns of zeros left and right
 * @param strideH vertical subsampling
 * @param strideW horizontal subsampling
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 * @param outH output rows
 * @param outW output columns
 * @param flip whether filters are flipped
 */
public record ConvGeometry(long batch, long channels, long height, long width, long filters, long fh, long fw,
        long padH, long padW, int strideH, int strideW, int dilationH, int dilationW, long outH, long outW,
        boolean flip) {

    /** The geometry of {@code conv2d(input, filters)}. */
    public static ConvGeometry forward(ConvParams p, long[] input, long[] filters) {
        check4("conv2d", "input", input);
        check4("conv2d", "filters", filters);
        if (input[1] != filters[1]) {
            throw new IllegalArgumentException("conv2d: input has " + input[1] + " channels (shape " + Shapes.toString(input)
                    + ") but filters expect " + filters[1] + " (shape " + Shapes.toString(filters) + ")");
        }
        long outH = outSize("conv2d", "input", p, input[2], filters[2], true);
        long outW = outSize("conv2d", "input", p, input[3], filters[3], false);
        return of(p, input[0], input[1], input[2], input[3], filters[0], filters[2], filters[3], outH, outW);
    }

    /** The geometry of the gradient w.r.t. the inputs: filters, output gradient and the input's (height, width). */
    public static ConvGeometry gradInputs(ConvParams p, long[] filters, long[] top, long[] inputHw) {
        String op = "AbstractConv2d_gradInputs";
        check4(op, "filters", filters);
        check4(op, "output gradient", top);
        checkHw(op, "input shape", inputHw);
        if (top[1] != filters[0]) {
            throw new IllegalArgumentException(op + ": output gradient has " + top[1] + " channels (shape "
                    + Shapes.toString(top) + ") but there are " + filters[0] + " filters (shape " + Shapes.toString(filters) + ")");
        }
        ConvGeometry g = of(p, top[0], filters[1], inputHw[0], inputHw[1], filters[0], filters[2], filters[3],
                outSize(op, "input shape", p, inputHw[0], filters[2], true), outSize(op, "input shape", p, inputHw[1], filters[3], false));
        return g.checkTop(op, top);
    }

    /** The geometry of the gradient w.r.t. the filters: input, output gradient and the filters' (fh, fw). */
    public static ConvGeometry gradWeights(ConvParams p, long[] input, long[] top, long[] filterHw) {
        String op = "AbstractConv2d_gradWeights";
        check4(op, "input", input);
        check4(op, "output gradient", top);
        checkHw(op, "filter shape", filterHw);
        if (top[0] != input[0]) {
            throw new IllegalArgumentException(op + ": output gradient has batch " + top[0] + " (shape " + Shapes.toString(top)
                    + ") but the input has " + input[0] + " (shape " + Shapes.toString(input) + ")");
        }
        ConvGeometry g = of(p, input[0], input[1], input[2], input[3], top[1], filterHw[0], filterHw[1],
                outSize(op, "input", p, input[2], filterHw[0], true), outSize(op, "input", p, input[3], filterHw[1], false));
        return g.checkTop(op, top);
    }

    private static ConvGeometry of(ConvParams p, long b, long c, long h, long w, long k, long fh, long fw, long oh, long ow) {
        return new ConvGeometry(b, c, h, w, k, fh, fw, p.padRows(fh), p.padCols(fw), p.strideH(), p.strideW(),
                p.dilationH(), p.dilationW(), oh, ow, p.flip());
    }

    private ConvGeometry checkTop(String op, long[] top) {
        if (top[2] != outH || top[3] != outW) {
            throw new IllegalArgumentException(op + ": output gradient has shape " + Shapes.toString(top) + " but the convolution"
                    + " gives (" + batch + ", " + filters + ", " + outH + ", " + outW + ")");
        }
        return this;
    }

    private static void check4(String op, String what, long[] shape) {
        if (shape.length != 4) {
            throw new IllegalArgumentException(op + ": " + what + " must have 4 axes, got shape " + Shapes.toString(shape));
        }
    }

    private static void checkHw(String op, String what, long[] hw) {
        if (hw.length != 2 || hw[0] < 1 || hw[1] < 1) {
            throw new IllegalArgumentException(op + ": " + what + " must be 2 positive sizes, got " + Shapes.toString(hw));
        }
    }

    private static long outSize(String op, String what, ConvParams p, long n, long f, boolean rows) {
        long pad = rows ? p.padRows(f) : p.padCols(f);
        long dilated = (f - 1) * (rows ? p.dilationH() : p.dilationW()) + 1;
        if (n + 2 * pad < dilated) {
            throw new IllegalArgumentException(op + ": the " + (rows ? "filter height " : "filter width ") + f
                    + " (dilated " + dilated + ") is larger than the " + what + "'s " + (rows ? "height " : "width ") + n
                    + " padded by " + pad + " (border_mode " + p.borderName() + ")");
        }
        return (n + 2 * pad - dilated) / (rows ? p.strideH() : p.strideW()) + 1;
    }

    /** The output shape {@code (batch, filters, outH, outW)}. */
    public long[] outputShape() {
        return new long[] {batch, filters, outH, outW};
    }

    /** The input shape {@code (batch, channels, height, width)}. */
    public long[] inputShape() {
        return new long[] {batch, channels, height, width};
    }

    /** The filter shape {@code (filters, channels, fh, fw)}. */
    public long[] filterShape() {
        return new long[] {filters, channels, fh, fw};
    }

    /** Rows of the im2col matrix: {@code channels * fh * fw}. */
    public long patch() {
        return channels * fh * fw;
    }

    /** Input row read by output row {@code i} and filter row {@code u} (may fall in the padding). */
    public long inRow(long i, long u) {
        return i * strideH + u * dilationH - padH;
    }

    /** Input column read by output column {@code j} and filter column {@code v} (may fall in the padding). */
    public long inCol(long j, long v) {
        return j * strideW + v * dilationW - padW;
    }

    /** The filter row that multiplies tap {@code u} ({@code fh - 1 - u} when flipped). */
    public long tapRow(long u) {
        return flip ? fh - 1 - u : u;
    }

    /** The filter column that multiplies tap {@code v}. */
    public long tapCol(long v) {
        return flip ? fw - 1 - v : v;
    }
}
