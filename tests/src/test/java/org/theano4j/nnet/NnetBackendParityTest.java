package org.theano4j.nnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.ConvOptions;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The CPU backend's convolution (im2col + GEMM, batches split over threads) and pooling kernels
 * against the reference backend's direct loops, on random configurations other than the Theano
 * cases: batches of 1 to 9 (the threaded path included), strided (non-contiguous) inputs, every
 * border mode, strides, dilations, flips and pool modes; gradients included. Pooling runs the
 * same plane loops, so it must agree exactly; the convolution sums in another order.
 */
class NnetBackendParityTest {
    static Stream<Arguments> seeds() {
        List<Arguments> a = new ArrayList<>();
        for (int s = 0; s < 24; s++) {
            a.add(Arguments.of(s));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void convolutionMatchesTheReference(int seed) {
        Random r = new Random(seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT64 : DType.FLOAT32;
        int b = 1 + r.nextInt(9);
        int c = 1 + r.nextInt(4);
        int k = 1 + r.nextInt(5);
        int fh = 1 + r.nextInt(4);
        int fw = 1 + r.nextInt(4);
        ConvOptions o = ConvOptions.defaults().subsample(1 + r.nextInt(3), 1 + r.nextInt(3))
                .filterDilation(1 + r.nextInt(2), 1 + r.nextInt(2)).filterFlip(r.nextBoolean());
        o = switch (r.nextInt(4)) {
            case 0 -> o.borderMode("valid");
            case 1 -> o.borderMode("full");
            case 2 -> o.borderMode("half");
            default -> o.borderMode(r.nextInt(3), r.nextInt(3));
        };
        int h = 2 * fh + 3 + r.nextInt(8);
        int w = 2 * fw + 3 + r.nextInt(8);
        RandomState rs = new RandomState(seed);
        // a transposed view: the kernels must not assume C order
        NDArray x = NDArray.of(rs.uniform(-1, 1, b, c, w, h)).reshape(b, c, w, h).astype(dtype).transpose(0, 1, 3, 2);
        NDArray f = NDArray.of(rs.uniform(-1, 1, k, c, fh, fw)).reshape(k, c, fh, fw).astype(dtype);
        Variable xv = T.tensor(dtype, new boolean[4], "x");
        Variable fv = T.tensor(dtype, new boolean[4], "f");
        Variable out = T.nnet.conv2d(xv, fv, o);
        Variable cost = T.sum(T.mul(out, T.sin(out)));
        List<Variable> outs = new ArrayList<>(List.of(out));
        outs.addAll(T.grad(cost, List.of(xv, fv)));
        compare(List.of(xv, fv), outs, List.of(x, f), false, o.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void poolingMatchesTheReferenceExactly(int seed) {
        Random r = new Random(100 + seed);
        DType dtype = r.nextBoolean() ? DType.FLOAT64 : DType.FLOAT32;
        String mode = List.of("max", "sum", "average_inc_pad", "average_exc_pad").get(r.nextInt(4));
        int[] ws = {1 + r.nextInt(4), 1 + r.nextInt(4)};
        int[] st = {1 + r.nextInt(4), 1 + r.nextInt(4)};
        boolean ib = r.nextBoolean();
        int[] pad = ib && !mode.equals("average_exc_pad") ? new int[] {r.nextInt(ws[0]), r.nextInt(ws[1])} : new int[] {0, 0};
        long[] shape = {1 + r.nextInt(40), 1 + r.nextInt(3), ws[0] + r.nextInt(9), ws[1] + r.nextInt(9)};
        RandomState rs = new RandomState(seed);
        NDArray x = NDArray.of(rs.randint(-3, 4, shape)).reshape(shape).astype(dtype);   // ties
        Variable xv = T.tensor(dtype, new boolean[4], "x");
        Variable out = T.signal.pool.pool2d(xv, ws, ib, st, pad, mode);
        Variable gx = T.grad(T.sum(T.sqr(out)), xv);
        Variable gg = T.grad(T.sum(T.mul(gx, xv)), xv);
        compare(List.of(xv), List.of(out, gx, gg), List.of(x), true, mode);
    }

    private static void compare(List<Variable> in, List<Variable> outs, List<NDArray> args, boolean exact, String what) {
        Function cpu = Theano.function(in, outs);
        Function ref = Theano.function(in, outs, Theano.options().device("reference"));
        assertEquals("vector-cpu", cpu.backendName());
        List<NDArray> a = cpu.callAll(args.toArray());
        List<NDArray> e = ref.callAll(args.toArray());
        for (int i = 0; i < a.size(); i++) {
            if (exact) {
                assertEquals(e.get(i), a.get(i), what + " output " + i);
            } else {
                NnetCases.assertClose(what + " output " + i, e.get(i), a.get(i));
            }
        }
    }
}
