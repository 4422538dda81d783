package org.theano4j.op.nnet;

/**
 * The parameters of Theano 1.0's abstract 2-d convolution ({@code AbstractConv2d} and its two
 * gradients): the border mode with its explicit padding, the subsampling (stride), the filter
 * dilation and whether the filters are flipped (a true convolution) or not (a correlation).
 *
 * @param border how the input is padded
 * @param padH explicit top/bottom padding (with {@link Border#EXPLICIT}, else 0)
 * @param padW explicit left/right padding (with {@link Border#EXPLICIT}, else 0)
 * @param strideH vertical subsampling, at least 1
 * @param strideW horizontal subsampling, at least 1
 * @param dilationH vertical filter dilation, at least 1
 * @param dilationW horizontal filter dilation, at least 1
 * @param flip whether the filters are flipped (Theano's {@code filter_flip})
 */
public record ConvParams(Border border, int padH, int padW, int strideH, int strideW, int dilationH, int dilationW,
        boolean flip) {

    /** Theano's border modes. */
    public enum Border {
        /** No padding: only positions where the filter fits inside the input. */
        VALID,
        /** Pad by the dilated filter size minus one: every overlap. */
        FULL,
        /** Pad by half the dilated filter size (rounded down): the same size with unit stride and odd filters. */
        HALF,
        /** Pad by {@code padH}, {@code padW}. */
        EXPLICIT
    }

    /** Checks the parameters. */
    public ConvParams {
        if (border == null) {
            throw new IllegalArgumentException("conv2d: border_mode is null");
        }
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("conv2d: border_mode padding must be >= 0, got (" + padH + ", " + padW + ")");
        }
        if (border != Border.EXPLICIT && (padH != 0 || padW != 0)) {
            throw new IllegalArgumentException("conv2d: padding is given only with an explicit border mode");
        }
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("conv2d: subsample must be >= 1, got (" + strideH + ", " + strideW + ")");
        }
        if (dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("conv2d: filter_dilation must be >= 1, got (" + dilationH + ", "
                    + dilationW + ")");
        }
    }

    /** The padding of the rows for filters of height {@code fh}. */
    public long padRows(long fh) {
        return pad(padH, (fh - 1) * dilationH + 1);
    }

    /** The padding of the columns for filters of width {@code fw}. */
    public long padCols(long fw) {
        return pad(padW, (fw - 1) * dilationW + 1);
    }

    private long pad(int explicit, long dilated) {
        return switch (border) {
            case VALID -> 0;
            case FULL -> dilated - 1;
            case HALF -> dilated / 2;
            case EXPLICIT -> explicit;
        };
    }

    /** Theano's border_mode as it prints: {@code 'valid'}, {@code 'full'}, {@code 'half'} or {@code (ph, pw)}. */
    public String borderName() {
        return border == Border.EXPLICIT ? "(" + padH + ", " + padW + ")" : "'" + border.name().toLowerCase(java.util.Locale.ROOT) + "'";
    }

    @Override
    public String toString() {
        return "border_mode=" + borderName() + ", subsample=(" + strideH + ", " + strideW + "), filter_flip=" + flip
                + ", filter_dilation=(" + dilationH + ", " + dilationW + ")";
    }
}
