package org.theano4j.op.nnet;

/**
 * The parameters of Theano's {@code Pool} over the last two axes and of its gradients: window,
 * stride, padding, {@code ignore_border} and the mode. Theano's rules hold: padding needs
 * {@code ignore_border=True} and must be smaller than the window.
 *
 * @param wsH window rows
 * @param wsW window columns
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param padH rows of padding above and below
 * @param padW columns of padding left and right
 * @param ignoreBorder whether partial windows at the bottom/right edge are dropped
 * @param mode what each window computes
 */
public record PoolParams(int wsH, int wsW, int strideH, int strideW, int padH, int padW, boolean ignoreBorder,
        Mode mode) {

    /** Theano's pool modes. */
    public enum Mode {
        /** The maximum of the window (padding excluded). */
        MAX("max"),
        /** The sum of the window (padding excluded). */
        SUM("sum"),
        /** The sum divided by the window size, padding counted. */
        AVERAGE_INC_PAD("average_inc_pad"),
        /** The mean of the window's elements, padding excluded. */
        AVERAGE_EXC_PAD("average_exc_pad");

        private final String theanoName;

        Mode(String theanoName) {
            this.theanoName = theanoName;
        }

        /** Theano's name of the mode, e.g. {@code average_inc_pad}. */
        public String theanoName() {
            return theanoName;
        }

        /** The mode Theano calls {@code name} ({@code max_deterministic} is {@code max}). */
        public static Mode of(String name) {
            for (Mode m : values()) {
                if (m.theanoName.equals(name)) {
                    return m;
                }
            }
            if ("max_deterministic".equals(name)) {
                return MAX;
            }
            throw new IllegalArgumentException("pool_2d: mode must be 'max', 'sum', 'average_inc_pad' or 'average_exc_pad',"
                    + " got " + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /** Checks the parameters as Theano's {@code Pool} does. */
    public PoolParams {
        if (mode == null) {
            throw new IllegalArgumentException("pool_2d: mode is null");
        }
        if (wsH < 1 || wsW < 1) {
            throw new IllegalArgumentException("pool_2d: ws must be >= 1, got (" + wsH + ", " + wsW + ")");
        }
        if (strideH < 1 || strideW < 1) {
            throw new IllegalArgumentException("pool_2d: stride must be >= 1, got (" + strideH + ", " + strideW + ")");
        }
        if (padH < 0 || padW < 0) {
            throw new IllegalArgumentException("pool_2d: pad must be >= 0, got (" + padH + ", " + padW + ")");
        }
        if ((padH > 0 || padW > 0) && !ignoreBorder) {
            throw new IllegalArgumentException("pool_2d: padding works only with ignore_border=True, got pad (" + padH
                    + ", " + padW + ")");
        }
        if (padH >= wsH || padW >= wsW) {
            throw new IllegalArgumentException("pool_2d: pad (" + padH + ", " + padW + ") must be smaller than ws (" + wsH
                    + ", " + wsW + ")");
        }
    }

    /** The windows along the rows for {@code n} input rows. */
    PoolAxis rows(long n) {
        return PoolAxis.of(n, wsH, strideH, padH, ignoreBorder, mode == Mode.AVERAGE_INC_PAD);
    }

    /** The windows along the columns for {@code n} input columns. */
    PoolAxis cols(long n) {
        return PoolAxis.of(n, wsW, strideW, padW, ignoreBorder, mode == Mode.AVERAGE_INC_PAD);
    }

    @Override
    public String toString() {
        return "ws=(" + wsH + ", " + wsW + "), stride=(" + strideH + ", " + strideW + "), pad=(" + padH + ", " + padW
                + "), ignore_border=" + ignoreBorder + ", mode='" + mode.theanoName + "'";
    }
}
