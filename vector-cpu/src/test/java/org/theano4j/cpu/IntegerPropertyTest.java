package org.theano4j.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.op.Composite;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Random integer/bool expression trees ({@link IntegerTrees}) over every integer width and bool,
 * with edge values, broadcasting and strided, reversed and transposed inputs, against an
 * independent BigInteger oracle: through {@code Theano.function} on vector-cpu (rewrites, fusion,
 * the int64-lane kernels) and through the composite kernel of the tree directly; with the vector
 * loops, with the scalar loops forced, and over several threads. Some roots are cast to a float
 * (one rounding of the exact integer) and some leaves are float inputs cast to an integer; those
 * mixed trees run the exact scalar path.
 */
class IntegerPropertyTest {
    private static final int[] COLUMNS = {1, 5, 37, 130, 37, 5, 1025};

    @AfterEach
    void restore() {
        System.clearProperty("theano4j.cpu.vector");
        System.clearProperty("theano4j.cpu.threads");
        Species.configure();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vector", "scalar", "threads"})
    void randomTreesMatchTheOracle(String mode) {
        System.setProperty("theano4j.cpu.vector", String.valueOf(!mode.equals("scalar")));
        System.setProperty("theano4j.cpu.threads", mode.equals("threads") ? "2" : "1");
        Species.configure();
        SplittableRandom rnd = new SplittableRandom(20_260_601L + mode.length());
        int trees = mode.equals("threads") ? 2 : 250;
        for (int t = 0; t < trees; t++) {
            int rows = 1 + rnd.nextInt(3);
            int cols = mode.equals("threads") ? 35_001 : COLUMNS[rnd.nextInt(COLUMNS.length)];
            IntegerTrees g = new IntegerTrees(rnd, rows, cols);
            List<DType> dtypes = new ArrayList<>(IntegerTrees.INTEGERS);
            dtypes.add(DType.BOOL);
            IntegerTrees.Tree tree = g.tree(dtypes.get(rnd.nextInt(dtypes.size())), 2 + rnd.nextInt(4));
            if (g.leaves.isEmpty()) {
                continue;
            }
            DType root = rnd.nextInt(6) == 0 ? (rnd.nextBoolean() ? DType.FLOAT64 : DType.FLOAT32) : tree.dtype();
            check("tree " + t + " (" + mode + ")", g, tree, root);
        }
    }

    private static void check(String what, IntegerTrees g, IntegerTrees.Tree tree, DType root) {
        Variable out = root == tree.dtype() ? tree.var() : T.cast(tree.var(), root);
        ScalarExpr expr = root == tree.dtype() ? tree.expr()
                : new ScalarExpr.Call(new ScalarCast(root), List.of(tree.expr()), root);
        List<Variable> vars = g.leaves.stream().map(IntegerTrees.Leaf::var).toList();
        Object[] args = g.leaves.stream().map(IntegerTrees.Leaf::value).toArray();
        NDArray[] arrays = g.leaves.stream().map(IntegerTrees.Leaf::value).toArray(NDArray[]::new);
        org.theano4j.Function f = Theano.function(vars, out);
        assertEquals("vector-cpu", f.backendName());
        NDArray viaFunction = f.call(args);
        long[] shape = broadcastShape(arrays);
        NDArray[] padded = new NDArray[arrays.length]; // a composite's inputs share the output's rank
        for (int k = 0; k < arrays.length; k++) {
            padded[k] = arrays[k];
            while (padded[k].ndim() < shape.length) {
                padded[k] = padded[k].expandDims(0);
            }
        }
        NDArray viaKernel = Parity.runKernel(Parity.node(new Composite(expr, padded.length), padded), padded);
        assertArrayEquals(shape, viaFunction.shape(), what + ": shape of " + ScalarExpr.format(expr));
        assertArrayEquals(shape, viaKernel.shape(), what + ": kernel shape");
        long cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        for (long i = 0; i < viaFunction.size(); i++) {
            BigInteger exact = tree.oracle().at((int) (i / cols), (int) (i % cols));
            String want = expected(exact, root);
            for (NDArray got : List.of(viaFunction, viaKernel)) {
                String value = observed(got, i);
                if (!want.equals(value)) {
                    fail(what + " " + ScalarExpr.format(expr) + " at flat " + i + ": oracle " + want + ", "
                            + (got == viaFunction ? "function" : "kernel") + " " + value + "\n" + f.debugprint());
                }
            }
        }
    }

    /** The oracle's value as the root dtype holds it: an integer, or a float rounded once from the exact integer. */
    private static String expected(BigInteger exact, DType root) {
        return switch (root) {
            case FLOAT64 -> Double.toString(new BigDecimal(exact).doubleValue());
            case FLOAT32 -> Float.toString(new BigDecimal(exact).floatValue());
            default -> exact.toString();
        };
    }

    private static String observed(NDArray a, long i) {
        return switch (a.dtype()) {
            case FLOAT64 -> Double.toString(a.getFlat(i));
            case FLOAT32 -> Float.toString((float) a.getFlat(i));
            default -> IntegerTrees.value(a.getFlatLong(i), a.dtype()).toString();
        };
    }

    private static long[] broadcastShape(NDArray[] arrays) {
        int nd = 0;
        for (NDArray a : arrays) {
            nd = Math.max(nd, a.ndim());
        }
        long[] shape = new long[nd];
        java.util.Arrays.fill(shape, 1);
        for (NDArray a : arrays) {
            for (int ax = 0; ax < a.ndim(); ax++) {
                int o = nd - a.ndim() + ax;
                shape[o] = Math.max(shape[o], a.shape(ax));
            }
        }
        return shape;
    }
}
