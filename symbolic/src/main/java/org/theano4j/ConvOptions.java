package org.theano4j;

import org.theano4j.op.nnet.ConvParams;
import org.theano4j.op.nnet.ConvParams.Border;

/**
 * The keyword arguments of Theano's {@code T.nnet.conv2d}, as an immutable builder: each method
 * returns a changed copy. The defaults are Theano's: {@code border_mode='valid'},
 * {@code subsample=(1, 1)}, {@code filter_dilation=(1, 1)}, {@code filter_flip=True}.
 *
 * <pre>{@code
 * T.nnet.conv2d(x, w, ConvOptions.defaults().borderMode("half").subsample(2, 2).filterFlip(false));
 * }</pre>
 */
public final class ConvOptions {
    private static final ConvOptions DEFAULTS = new ConvOptions(new ConvParams(Border.VALID, 0, 0, 1, 1, 1, 1, true));

    private final ConvParams params;

    private ConvOptions(ConvParams params) {
        this.params = params;
    }

    /** Theano's defaults. */
    public static ConvOptions defaults() {
        return DEFAULTS;
    }

    /** {@code border_mode}: {@code "valid"}, {@code "full"} or {@code "half"}. */
    public ConvOptions borderMode(String mode) {
        Border b = switch (mode == null ? "" : mode) {
            case "valid" -> Border.VALID;
            case "full" -> Border.FULL;
            case "half" -> Border.HALF;
            default -> throw new IllegalArgumentException("conv2d: border_mode must be 'valid', 'full', 'half', an int or"
                    + " a pair of ints, got " + (mode == null ? "null" : "'" + mode + "'"));
        };
        return with(b, 0, 0, params.strideH(), params.strideW(), params.dilationH(), params.dilationW(), params.flip());
    }

    /** {@code border_mode=pad}: {@code pad} rows and columns of zeros on every side. */
    public ConvOptions borderMode(int pad) {
        return borderMode(pad, pad);
    }

    /** {@code border_mode=(padRows, padCols)}. */
    public ConvOptions borderMode(int padRows, int padCols) {
        return with(Border.EXPLICIT, padRows, padCols, params.strideH(), params.strideW(), params.dilationH(),
                params.dilationW(), params.flip());
    }

    /** {@code subsample=(rows, cols)}: the stride of the output positions. */
    public ConvOptions subsample(int rows, int cols) {
        return with(params.border(), params.padH(), params.padW(), rows, cols, params.dilationH(), params.dilationW(),
                params.flip());
    }

    /** {@code filter_dilation=(rows, cols)}: the spacing of the filter taps. */
    public ConvOptions filterDilation(int rows, int cols) {
        return with(params.border(), params.padH(), params.padW(), params.strideH(), params.strideW(), rows, cols,
                params.flip());
    }

    /** {@code filter_flip}: true for a convolution (the default), false for a cross-correlation. */
    public ConvOptions filterFlip(boolean flip) {
        return with(params.border(), params.padH(), params.padW(), params.strideH(), params.strideW(), params.dilationH(),
                params.dilationW(), flip);
    }

    private static ConvOptions with(Border b, int ph, int pw, int sh, int sw, int dh, int dw, boolean flip) {
        return new ConvOptions(new ConvParams(b, ph, pw, sh, sw, dh, dw, flip));
    }

    /** The op parameters these options give. */
    ConvParams params() {
        return params;
    }

    @Override
    public String toString() {
        return "ConvOptions(" + params + ")";
    }
}
