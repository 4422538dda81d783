package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.ConvOptions;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.nnet.AbstractConv2d;
import org.theano4j.op.nnet.AbstractConv2dGradInputs;
import org.theano4j.op.nnet.AbstractConv2dGradWeights;
import org.theano4j.op.nnet.AveragePoolGrad;
import org.theano4j.op.nnet.DownsampleFactorMaxGradGrad;
import org.theano4j.op.nnet.MaxPoolGrad;
import org.theano4j.op.nnet.Pool;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The shape rules of the convolution and pooling ops (Theano's {@code infer_shape}): a function of
 * {@code out.shape} runs none of these ops, and gives the shape that computing {@code out} gives,
 * over many geometries (border modes, subsampling, dilation, window, stride, padding, borders,
 * empty batches and channels).
 */
class ConvShapeInferenceTest {
    private static final List<Class<?>> NNET_OPS = List.of(AbstractConv2d.class, AbstractConv2dGradInputs.class,
            AbstractConv2dGradWeights.class, Pool.class, MaxPoolGrad.class, AveragePoolGrad.class,
            DownsampleFactorMaxGradGrad.class);

    /** Convolution options and the (input, filters) shapes to try them on. */
    record ConvCase(String name, ConvOptions options, List<long[][]> shapes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Pooling parameters and the input shapes to try them on. */
    record PoolCase(int[] ws, boolean ignoreBorder, int[] stride, int[] pad, String mode, List<long[]> shapes) {
        @Override
        public String toString() {
            return "ws=" + Arrays.toString(ws) + " ignore_border=" + ignoreBorder + " stride=" + Arrays.toString(stride)
                    + " pad=" + Arrays.toString(pad) + " " + mode;
        }
    }

    static Stream<ConvCase> convCases() {
        List<ConvCase> out = new ArrayList<>();
        Object[] borders = {"valid", "full", "half", new int[] {1, 2}, new int[] {0, 3}};
        int[][] subsamples = {{1, 1}, {2, 3}, {3, 1}};
        int[][] dilations = {{1, 1}, {2, 1}, {1, 3}};
        Random rnd = new Random(20261203);
        for (Object border : borders) {
            for (int[] s : subsamples) {
                for (int[] d : dilations) {
                    ConvOptions o = ConvOptions.defaults().subsample(s[0], s[1]).filterDilation(d[0], d[1])
                            .filterFlip(rnd.nextBoolean());
                    o = border instanceof int[] p ? o.borderMode(p[0], p[1]) : o.borderMode((String) border);
                    out.add(new ConvCase(o.toString(), o, convShapes(rnd)));
                }
            }
        }
        return out.stream();
    }

    /** Fixed edge geometries (empty batch, channels, filters; 1x1; filter as large as the input) and random ones. */
    private static List<long[][]> convShapes(Random rnd) {
        List<long[][]> s = new ArrayList<>(List.of(
                new long[][] {{2, 3, 9, 11}, {4, 3, 2, 3}},
                new long[][] {{0, 3, 8, 7}, {2, 3, 3, 1}},
                new long[][] {{2, 0, 8, 9}, {2, 0, 2, 2}},
                new long[][] {{1, 2, 9, 10}, {0, 2, 1, 3}},
                new long[][] {{1, 1, 1, 1}, {1, 1, 1, 1}},
                new long[][] {{1, 2, 7, 9}, {3, 2, 3, 3}}));
        for (int i = 0; i < 4; i++) {
            long c = rnd.nextInt(4);
            s.add(new long[][] {{rnd.nextInt(3), c, 6 + rnd.nextInt(10), 6 + rnd.nextInt(10)},
                    {rnd.nextInt(4), c, 1 + rnd.nextInt(3), 1 + rnd.nextInt(3)}});
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convShapesWithoutConvolving(ConvCase c) {
        Variable x = T.tensor(DType.FLOAT64, new boolean[4], "x");
        Variable w = T.tensor(DType.FLOAT64, new boolean[4], "w");
        Variable out = T.nnet.conv2d(x, w, c.options());
        Variable top = T.tensor(DType.FLOAT64, new boolean[4], "top");
        Variable cost = T.sum(T.mul(out, top));
        List<long[][]> shapes = new ArrayList<>();
        for (long[][] s : c.shapes()) {
            long[] outShape = outShapeOf(x, w, out, s);
            if (outShape != null) {
                shapes.add(new long[][] {s[0], s[1], outShape});
            }
        }
        assertTrue(shapes.size() >= 4, c + ": too few geometries fit");
        List<Variable> ins = List.of(x, w, top);
        check(c + " conv2d", ins, out, shapes);
        check(c + " grad wrt input", ins, T.grad(cost, x), shapes);
        check(c + " grad wrt filters", ins, T.grad(cost, w), shapes);
        for (long[][] s : shapes) {
            check(c + " conv2d_grad_wrt_inputs", ins, T.nnet.conv2dGradWrtInputs(top, w, s[0], c.options()), List.<long[][]>of(s));
            check(c + " conv2d_grad_wrt_weights", ins, T.nnet.conv2dGradWrtWeights(x, top, s[1], c.options()), List.<long[][]>of(s));
        }
    }

    static Stream<PoolCase> poolCases() {
        List<PoolCase> out = new ArrayList<>();
        List<long[]> shapes = List.of(new long[] {2, 3, 7, 6}, new long[] {0, 3, 5, 5}, new long[] {2, 0, 4, 4},
                new long[] {1, 1, 1, 1}, new long[] {3, 2, 1, 9}, new long[] {1, 2, 8, 8});
        int[][] windows = {{2, 2}, {3, 2}, {1, 1}, {4, 3}};
        int[][] strides = {null, {1, 1}, {2, 3}, {3, 1}, {5, 4}};
        String[] modes = {"max", "sum", "average_inc_pad", "average_exc_pad"};
        int m = 0;
        for (int[] ws : windows) {
            for (int[] st : strides) {
                int[] stride = st == null ? ws : st;
                for (boolean ignore : new boolean[] {true, false}) {
                    out.add(new PoolCase(ws, ignore, stride, new int[] {0, 0}, modes[m++ % modes.length], shapes));
                }
                if (ws[0] > 1 && ws[1] > 1) {
                    out.add(new PoolCase(ws, true, stride, new int[] {1, ws[1] - 1}, modes[m++ % modes.length], shapes));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolShapesWithoutPooling(PoolCase c) {
        Variable x = T.tensor(DType.FLOAT64, new boolean[4], "x");
        Variable cc = T.tensor(DType.FLOAT64, new boolean[4], "c");
        Variable d = T.tensor(DType.FLOAT64, new boolean[4], "d");
        Variable out = T.signal.pool.pool2d(x, c.ws(), c.ignoreBorder(), c.stride(), c.pad(), c.mode());
        Variable gx = T.grad(T.sum(T.mul(out, cc)), x);
        Variable ggc = T.grad(T.sum(T.mul(gx, d)), cc);
        List<long[][]> shapes = new ArrayList<>();
        for (long[] s : c.shapes()) {
            long[] pooled = pooledShape(x, out, s);
            if (pooled != null) {
                shapes.add(new long[][] {s, pooled, s});
            }
        }
        assertTrue(shapes.size() >= 3, c + ": too few shapes pool");
        for (Variable v : List.of(out, gx, ggc)) {
            check(c + " " + v, List.of(x, cc, d), v, shapes);
        }
    }

    /**
     * Compiles {@code shape(out)}, checks that it runs no nnet op, and that on each shape tuple
     * (one shape per input) it gives the shape of the computed {@code out}.
     */
    private static void check(String what, List<Variable> ins, Variable out, List<long[][]> shapes) {
        org.theano4j.Function shapeOnly = Theano.function(ins, T.shape(out));
        for (Apply node : shapeOnly.planNodes()) {
            assertTrue(NNET_OPS.stream().noneMatch(k -> k.isInstance(node.op())),
                    what + ": the shape function runs " + node.op() + "\n" + shapeOnly.debugprint());
        }
        org.theano4j.Function full = Theano.function(ins, out);
        for (long[][] s : shapes) {
            Object[] args = args(s);
            assertArrayEquals(full.call(args).shape(), toLongs(shapeOnly.call(args)), what + " on " + Arrays.deepToString(s));
        }
    }

    /** The conv output shape for input and filter shapes {@code s}, or null when conv2d rejects them. */
    private static long[] outShapeOf(Variable x, Variable w, Variable out, long[][] s) {
        try {
            return Theano.function(List.of(x, w), out).call(filled(s[0]), filled(s[1])).shape();
        } catch (IllegalArgumentException rejected) {
            return null;
        }
    }

    private static long[] pooledShape(Variable x, Variable out, long[] s) {
        try {
            return Theano.function(List.of(x), out).call(filled(s)).shape();
        } catch (IllegalArgumentException rejected) {
            return null;
        }
    }

    private static Object[] args(long[][] shapes) {
        Object[] a = new Object[shapes.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = filled(shapes[i]);
        }
        return a;
    }

    private static NDArray filled(long[] shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.25 * (i % 17) - 1;
        }
        return NDArray.of(v).reshape(shape);
    }

    private static long[] toLongs(NDArray a) {
        long[] out = new long[(int) a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getFlatLong(i);
        }
        return out;
    }
}
