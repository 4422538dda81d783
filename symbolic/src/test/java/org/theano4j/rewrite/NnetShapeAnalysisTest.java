package org.theano4j.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.ConvOptions;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.graph.Op;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The static shape analysis through the convolution and pooling ops' shape rules: lengths known
 * at compile time come out as the ops' run-time shapes, and unknown ones keep the equalities the
 * ops imply (batch, filters, channels).
 */
class NnetShapeAnalysisTest {

    @Test
    void knownConvolutionShapesAreTheRunTimeShapes() {
        long[][][] geometries = {{{2, 3, 9, 11}, {4, 3, 2, 3}}, {{1, 2, 7, 7}, {5, 2, 3, 3}}, {{3, 1, 16, 5}, {2, 1, 4, 1}}};
        String[] borders = {"valid", "full", "half"};
        int[][] pads = {{1, 2}, {0, 3}};
        int checked = 0;
        for (long[][] g : geometries) {
            for (int s = 1; s <= 3; s++) {
                for (int d = 1; d <= 2; d++) {
                    ConvOptions base = ConvOptions.defaults().subsample(s, 4 - s).filterDilation(d, 3 - d);
                    for (String b : borders) {
                        checked += checkConv(base.borderMode(b), g) ? 1 : 0;
                    }
                    for (int[] p : pads) {
                        checked += checkConv(base.borderMode(p[0], p[1]), g) ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(checked > 60, "only " + checked + " geometries fit");
    }

    /** Compares the analysis with the op's run-time shape; false when the op rejects the geometry. */
    private static boolean checkConv(ConvOptions o, long[][] g) {
        Variable out = T.nnet.conv2d(T.specifyShape(T.dtensor4("x"), g[0]), T.specifyShape(T.dtensor4("w"), g[1]), o);
        long[] want;
        try {
            want = runTime(out.owner().op(), NDArray.empty(DType.FLOAT64, g[0]), NDArray.empty(DType.FLOAT64, g[1]));
        } catch (IllegalArgumentException rejected) {
            return false;
        }
        assertArrayEquals(want, known(ShapeAnalysis.of(List.of(out)).dims(out)), o + " on " + java.util.Arrays.deepToString(g));
        return true;
    }

    @Test
    void knownPoolShapesAreTheRunTimeShapes() {
        long[][] shapes = {{2, 3, 7, 6}, {1, 1, 1, 1}, {3, 2, 1, 9}, {0, 2, 8, 8}};
        int[][] windows = {{2, 2}, {3, 2}, {4, 3}};
        int[][] strides = {{1, 1}, {2, 3}, {3, 1}, {5, 4}};
        for (long[] s : shapes) {
            for (int[] ws : windows) {
                for (int[] st : strides) {
                    for (boolean ignore : new boolean[] {true, false}) {
                        int[] pad = ignore ? new int[] {ws[0] - 1, 1} : new int[] {0, 0};
                        Variable out = T.signal.pool.pool2d(T.specifyShape(T.dtensor4("x"), s), ws, ignore, st, pad, "max");
                        long[] want = runTime(out.owner().op(), NDArray.empty(DType.FLOAT64, s));
                        assertArrayEquals(want, known(ShapeAnalysis.of(List.of(out)).dims(out)), out.owner().op() + " on "
                                + java.util.Arrays.toString(s));
                    }
                }
            }
        }
    }

    @Test
    void unknownLengthsKeepTheEqualitiesTheOpsImply() {
        Variable x = T.dtensor4("x");
        Variable w = T.dtensor4("w");
        Variable out = T.nnet.conv2d(x, w, ConvOptions.defaults().borderMode("half"));
        Variable gx = T.grad(T.sum(out), x);
        Variable gw = T.grad(T.sum(out), w);
        Variable pooled = T.signal.pool.pool2d(out, new int[] {2, 2}, true);
        ShapeAnalysis a = ShapeAnalysis.of(List.of(gx, gw, pooled));
        assertTrue(a.sameLength(out, 0, x, 0) && a.sameLength(out, 1, w, 0), "conv2d: (batch, filters, ...)");
        assertTrue(a.sameLength(gx, 0, x, 0) && a.sameLength(gx, 1, x, 1), "grad wrt input: batch, channels");
        assertTrue(a.sameLength(gw, 0, w, 0) && a.sameLength(gw, 1, x, 1), "grad wrt filters: filters, channels");
        assertTrue(a.sameLength(w, 1, x, 1), "conv2d requires the channels to agree");
        assertTrue(a.sameLength(pooled, 0, x, 0) && a.sameLength(pooled, 1, w, 0), "pool keeps the leading axes");
        assertFalse(a.sameLength(out, 2, x, 2), "the rows depend on the filter's, unknown");
        assertFalse(a.sameLength(pooled, 2, out, 2), "pooling by 2 changes the rows");
    }

    private static long[] runTime(Op op, Object... inputs) {
        return op.outputShapes(inputs)[0];
    }

    private static long[] known(List<ShapeAnalysis.Dim> dims) {
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dims.get(i) instanceof ShapeAnalysis.Dim.Known k ? k.length() : -1;
        }
        return out;
    }
}
