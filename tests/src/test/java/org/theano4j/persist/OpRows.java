package org.theano4j.persist;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.FunctionOptions;
import org.theano4j.SharedVariable;
import org.theano4j.Slice;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.op.Alloc;
import org.theano4j.op.CrossentropyCategorical1HotGrad;
import org.theano4j.op.Elemwise;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.op.Indexing;
import org.theano4j.op.ReshapeLike;
import org.theano4j.op.ScalarOp;
import org.theano4j.op.SoftmaxGrad;
import org.theano4j.op.SumToShape;
import org.theano4j.rng.MRGRandomStreams;
import org.theano4j.rng.RandomStreams;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * One row per op family of the library (and per scalar function and cast): a function built
 * with the given options (the test runs every row in FAST_COMPILE, where the graph keeps the ops
 * as built, and FAST_RUN, where rewrites add fused composites, gemm and the like) and the
 * arguments to call it with.
 */
final class OpRows {
    private OpRows() {
    }

    /** Builds the row's function with {@code options}. */
    @FunctionalInterface
    interface Build {
        Function with(FunctionOptions options);
    }

    /** A row: name, function, arguments of each call (called twice, so updates show). */
    record Row(String name, Build build, Object... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final double[] X = {0.5, -1.5, 2.0, 0.0, -0.0, 3.25};
    static final double[] Y = {2.0, 0.25, -3.0, 1.0, 7.5, -0.5};
    static final double[][] M = {{0.5, -1.0, 2.0}, {1.5, 0.25, -3.0}};
    static final double[][] N = {{1.0, 2.0}, {-0.5, 0.75}, {3.0, -1.0}};

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(scalarFunctions());
        rows.addAll(casts());
        rows.addAll(tensorOps());
        rows.addAll(gradientOps());
        rows.addAll(controlFlow());
        rows.addAll(random());
        rows.addAll(shapes());
        rows.add(complexOps());
        return rows;
    }

    /** Every {@link ScalarOp} as one Elemwise node: float64 operands, int32 for bit logic, a bool condition for switch. */
    private static List<Row> scalarFunctions() {
        List<Row> rows = new ArrayList<>();
        for (ScalarOp fn : ScalarOp.values()) {
            boolean bits = List.of(ScalarOp.AND, ScalarOp.OR, ScalarOp.XOR, ScalarOp.NOT).contains(fn);
            rows.add(new Row("elemwise " + fn, o -> {
                Variable[] in = new Variable[fn.arity()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = fn == ScalarOp.SWITCH && i == 0 ? T.vector("c", DType.BOOL) : bits ? T.ivector("i" + i) : T.dvector("d" + i);
                }
                return Theano.function(List.of(in), Apply.single(new Elemwise(fn), in), o);
            }, operands(fn, bits)));
        }
        return rows;
    }

    private static Object[] operands(ScalarOp fn, boolean bits) {
        Object[] args = new Object[fn.arity()];
        for (int i = 0; i < args.length; i++) {
            args[i] = fn == ScalarOp.SWITCH && i == 0 ? new boolean[] {true, false, true, false, true, false}
                    : bits ? new int[] {5, -3, 0, 7, 12, -1} : i == 1 ? Y : i == 2 ? new double[] {1, 1, 1, 1, 1, 1} : X;
        }
        return args;
    }

    /** A cast to every dtype (ScalarCast records), and constants of every dtype at edge values. */
    private static List<Row> casts() {
        List<Row> rows = new ArrayList<>();
        for (DType d : DType.values()) {
            rows.add(new Row("cast to " + d.numpyName(), o -> {
                Variable x = T.dvector("x");
                return Theano.function(List.of(x), T.cast(x, d), o);
            }, (Object) new double[] {1.75, -2.5, 300.0, 0.0}));
        }
        rows.add(new Row("constants of every dtype", o -> {
            Variable x = T.lvector("x");
            List<Variable> outs = new ArrayList<>();
            for (DType d : DType.values()) {
                outs.add(T.add(T.cast(x, d), T.constant(edgeValues(d))));
            }
            outs.add(T.mul(T.cast(x, DType.FLOAT32), 0.1));
            return Theano.function(List.of(x), outs, o);
        }, (Object) new long[] {1, 0, -1, 2}));
        return rows;
    }

    /** Extremes, signed zeros, infinities and a NaN with a payload. */
    static NDArray edgeValues(DType d) {
        if (d.isFloat()) {
            return NDArray.of(new double[] {-0.0, Double.longBitsToDouble(0x7ff0000000000123L), Double.NEGATIVE_INFINITY, 1e-310})
                    .astype(d);
        }
        long[] v = switch (d) {
            case BOOL -> new long[] {1, 0, 1, 0};
            case UINT64 -> new long[] {-1, 0, Long.MIN_VALUE, 12345678901234567L};
            default -> new long[] {-1, 0, 1, 3};
        };
        return NDArray.of(v).astype(d).copy();
    }

    /** Every complex function and reduction, complex64 and complex128, with a complex constant. */
    private static Row complexOps() {
        return new Row("complex", o -> {
            Variable x = T.dvector("x");
            Variable y = T.dvector("y");
            Variable z = T.complex(x, y);
            Variable c = T.cast(T.complex(T.cast(y, DType.FLOAT32), T.cast(x, DType.FLOAT32)), DType.COMPLEX64);
            Variable k = T.constant(NDArray.ofComplex(DType.COMPLEX128, new double[] {1.5, -0.0, Double.NaN, 2, -3e300, Double.POSITIVE_INFINITY}, 3));
            Variable pair = T.add(T.sum(T.reshape(z, 3, 2), 1), k);
            return Theano.function(List.of(x, y), List.of(T.add(z, c), T.sub(z, 1.5), T.mul(c, c), T.div(z, T.conj(z)),
                    T.neg(T.exp(z)), T.log(z), T.sqrt(c), T.abs(z), T.angle(c), T.real(z), T.imag(c), T.prod(z),
                    T.mean(c), pair, T.cast(z, DType.INT32)), o);
        }, X, Y);
    }

    private static List<Row> tensorOps() {
        return List.of(
                new Row("reductions", o -> {
                    Variable m = T.dmatrix("m");
                    return Theano.function(List.of(m), List.of(T.sum(m, 0), T.mean(m), T.prod(m, 1), T.max(m, 0), T.min(m),
                            T.argmax(m, 1), T.argmin(m, 0), T.var(m, 1), T.std(m)), o);
                }, (Object) M),
                new Row("dot, gemm, gemv", o -> {
                    Variable a = T.dmatrix("a");
                    Variable b = T.dmatrix("b");
                    Variable z = T.dmatrix("z");
                    Variable v = T.dvector("v");
                    Variable u = T.dvector("u");
                    Variable q = T.dvector("q");
                    return Theano.function(List.of(a, b, z, v, u, q), List.of(T.dot(a, b).add(z), T.dot(a, v), T.outer(v, v),
                            Apply.single(new Gemm(0.5, -2.0), z, a, b), Apply.single(new Gemv(1.5, 0.25), u, b, q)), o);
                }, M, N, new double[][] {{1, 2}, {3, 4}}, new double[] {1, -1, 0.5}, new double[] {1, 2, 3}, new double[] {0.5, 2}),
                new Row("shape ops", o -> {
                    Variable m = T.dmatrix("m");
                    Variable k = T.lscalar("k");
                    return Theano.function(List.of(m, k), List.of(T.reshape(m, 3, -1), T.flatten(m), T.transpose(m),
                            T.dimshuffle(m, 1, "x", 0), T.concatenate(List.of(m, m), 1), T.stack(List.of(m, m), 0), T.shape(m),
                            T.zerosLike(m), T.onesLike(m), T.arange(0, k, 2), T.specifyShape(m, 2, 3), T.eye(3),
                            Apply.single(new Alloc(), T.constant(2.5), m), T.shape(T.concatenate(List.of(m, m), 0))), o);
                }, M, 7L),
                new Row("indexing", o -> {
                    Variable m = T.dmatrix("m");
                    Variable i = T.iscalar("i");
                    Variable idx = T.lvector("idx");
                    return Theano.function(List.of(m, i, idx), List.of(m.get(Slice.of(1, null), 0), m.get(i, Slice.of(null, i)),
                            m.get(Slice.of(null, null, -1)), Indexing.incSubtensor(m, 1.0, 0, Slice.of(1, 3)),
                            Indexing.setSubtensor(m, T.constant(new double[] {9, 8}), Slice.all(), i), Indexing.take(m, idx, 1),
                            Indexing.advancedIncSubtensor1(m, 1.5, idx, 1), Indexing.advancedSetSubtensor1(m, -1.0, idx, 0)), o);
                }, M, 1, new long[] {0, 1, 1}),
                new Row("nnet", o -> {
                    Variable m = T.dmatrix("m");
                    Variable t = T.lvector("t");
                    Variable p = T.softmax(m);
                    return Theano.function(List.of(m, t), List.of(p, T.logSoftmax(m), T.categoricalCrossentropy(p, t),
                            T.binaryCrossentropy(T.sigmoid(m), T.gt(m, 0).astype(DType.FLOAT64))), o);
                }, M, new long[] {2, 0}),
                new Row("conv2d, pool_2d, ultra_fast_sigmoid and their gradients", o -> {
                    Variable x = T.dtensor4("x");
                    Variable w = T.dtensor4("w");
                    Variable c = T.nnet.conv2d(x, w, org.theano4j.ConvOptions.defaults().borderMode("half").subsample(1, 2));
                    Variable cost = T.sum(T.sqr(T.signal.pool.pool2d(c, new int[] {2, 2}, false)))
                            .add(T.sum(T.signal.pool.pool2d(c, new int[] {2, 2}, true, null, new int[] {1, 0}, "average_inc_pad")))
                            .add(T.sum(T.nnet.ultraFastSigmoid(c)));
                    List<Variable> g = T.grad(cost, List.of(x, w));
                    return Theano.function(List.of(x, w), List.of(cost, g.get(0), g.get(1), T.grad(T.sum(T.sqr(g.get(0))), w)), o);
                }, NDArray.of(new double[] {0.5, -1.5, 2.0, 0.0, 3.25, -0.75, 1.0, 0.25, -2.0, 1.5, 0.75, -0.5}).reshape(1, 1, 3, 4),
                        NDArray.of(new double[] {1.0, -0.5, 0.25, 2.0}).reshape(2, 1, 2, 1)),
                new Row("run-time reshape and alloc, integer-vector indexing and its gradient", o -> {
                    Variable m = T.dmatrix("m");
                    Variable k = T.lscalar("k");
                    Variable rows = T.lvector("rows");
                    Variable cols = T.lvector("cols");
                    Variable picked = m.get(rows, cols);
                    return Theano.function(List.of(m, k, rows, cols), List.of(T.reshape(m, List.of(k, -1)), T.alloc(1.5, k, 2),
                            picked, T.grad(T.sum(T.sqr(picked)), m)), o);
                }, M, 3L, new long[] {1, 0, 1}, new long[] {2, 2, 0}),
                new Row("print to System.out", o -> {
                    Variable x = T.dvector("x");
                    return Theano.function(List.of(x), T.print("x is", x).mul(2), o);
                }, (Object) X));
    }

    /** Gradients bring the ops that only rewrites and gradients make, plus those built directly. */
    private static List<Row> gradientOps() {
        return List.of(new Row("gradient ops", o -> {
            Variable m = T.dmatrix("m");
            Variable v = T.dvector("v");
            Variable t = T.lvector("t");
            Variable idx = T.lvector("idx");
            SharedVariable w = Theano.shared(new double[] {0.5, -0.25, 1.0}, "w");
            Variable p = T.softmax(m.add(w));
            Variable cost = T.categoricalCrossentropy(p, t).sum().add(T.prod(m)).add(Indexing.take(T.reshape(m, 6), idx, 0).sum())
                    .add(T.max(m, 1).sum());
            List<Variable> g = T.grad(cost, List.of(m, w));
            return Theano.function(List.of(m, v, t, idx), List.of(g.get(0), g.get(1),
                    Apply.single(new SumToShape(), m, v.get(Slice.of(0, 1)).dimshuffle("x", 0)),
                    Apply.single(new ReshapeLike(), T.flatten(m), m), Apply.single(new SoftmaxGrad(), m, p),
                    T.dimshuffle(m, 0, "x", 1).flatten(2),
                    Apply.single(new CrossentropyCategorical1HotGrad(), v.get(Slice.of(0, 2)), p, t)),
                    o.update(w, w.sub(g.get(1).mul(0.1))));
        }, M, new double[] {1, 2, 3}, new long[] {2, 0}, new long[] {0, 5, 5}));
    }

    private static List<Row> controlFlow() {
        return List.of(
                new Row("ifelse", o -> {
                    Variable a = T.dscalar("a");
                    Variable x = T.dvector("x");
                    return Theano.function(List.of(a, x), List.of(T.ifelse(T.gt(a, 0), x.sum(), x.max()),
                            T.ifelse(T.lt(a, 0), x.exp(), x.neg())), o);
                }, 1.0, X),
                new Row("scan backwards, its gradient and a jacobian", o -> {
                    Variable x = T.dvector("x");
                    Variable h0 = T.dscalar("h0");
                    Variable out = org.theano4j.control.Scan.scan(s -> List.of(T.tanh(s.get(0).add(s.get(1).mul(0.5)))), List.of(x), List.of(h0), List.of(),
                            null, true).output();
                    return Theano.function(List.of(x, h0), List.of(out, T.grad(out.sum(), x), T.jacobian(x.sqr(), x)), o);
                }, X, 0.25),
                new Row("scan with taps, until, a random draw and a shared accumulator", o -> {
                    Variable x = T.dvector("x");
                    Variable x0 = T.dvector("x0");
                    SharedVariable acc = Theano.shared(0.0, "acc");
                    RandomStreams rs = new RandomStreams(11);
                    org.theano4j.control.ScanResult r = org.theano4j.control.Scan.builder(s -> {
                        Variable next = s.get(0).add(s.get(1)).add(s.get(2).mul(0.5)).add(s.get(3).mul(0.25))
                                .add(rs.uniform(new long[] {1}, 0, 1).sum());
                        return List.of(next, java.util.Map.of(acc, acc.add(next)), org.theano4j.control.Scan.until(T.gt(next, 50)));
                    }).sequences(org.theano4j.control.Scan.Sequence.of(x).taps(-1, 0))
                            .outputsInfo(org.theano4j.control.Scan.Output.of(x0).taps(-2, -1)).build();
                    return Theano.function(List.of(x, x0), r.output(), o.updates(r.updates()));
                }, new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {0.5, 1.5}));
    }

    /** Shapes computed from input shapes (the shape rewrite's MakeVector in FAST_RUN). */
    private static List<Row> shapes() {
        return List.of(new Row("shape of a join", o -> {
            Variable x = T.dmatrix("x");
            Variable y = T.dmatrix("y");
            return Theano.function(List.of(x, y), T.shape(T.join(0, x, y)), o);
        }, M, M));
    }

    private static List<Row> random() {
        return List.of(
                new Row("random streams, every distribution", o -> {
                    RandomStreams s = new RandomStreams(99);
                    return Theano.function(List.of(), List.of(s.uniform(new long[] {3}, -1, 1), s.normal(new long[] {2, 2}, 0, 3),
                            s.binomial(new long[] {4}, 7, 0.4), s.randomIntegers(new long[] {3}, 0, 9), s.choice(new long[] {2}, 6, false),
                            s.choice(new long[] {3}, 3, true, new double[] {0.2, 0.5, 0.3}), s.permutation(new long[] {1}, 5),
                            s.multinomial(new long[] {2}, 10, new double[] {0.1, 0.9})), o);
                }),
                new Row("MRG streams, every draw", o -> {
                    MRGRandomStreams m = new MRGRandomStreams(7);
                    double[][] pvals = {{0.1, 0.9}, {0.5, 0.5}};
                    return Theano.function(List.of(), List.of(m.uniform(new long[] {5}, 2, 3), m.normal(new long[] {3}, 1, 2),
                            m.binomial(new long[] {4}, 0.5), m.multinomial(pvals, 3), m.choice(1, false, pvals)), o);
                }),
                new Row("MRG draws with run-time sizes and a tensor p", o -> {
                    MRGRandomStreams m = new MRGRandomStreams(11);
                    Variable x = T.dmatrix("x");
                    return Theano.function(List.of(x), List.of(m.uniform(T.shape(x), -1, 1),
                            m.binomial(T.shape(x), T.sigmoid(x), DType.FLOAT64)), o);
                }, (Object) M),
                new Row("random streams with run-time sizes and tensor parameters", o -> {
                    RandomStreams s = new RandomStreams(13);
                    Variable x = T.dmatrix("x");
                    Variable p = T.sigmoid(x);
                    return Theano.function(List.of(x), List.of(s.binomial(T.shape(x), 1, p, DType.FLOAT64), s.uniform(null, x, x.add(1), null),
                            s.normal(List.of(3, T.shape(x).get(0), -1), x, 2.0, null), s.randomIntegers(null, 0, T.cast(p.mul(9), DType.INT64), null),
                            s.multinomial(null, 4, p.div(p.sum(1).dimshuffle(0, "x")), null)), o);
                }, (Object) M),
                new Row("no default updates", o -> Theano.function(List.of(), new RandomStreams(5).normal(3),
                        o.noDefaultUpdates().name("frozen").profile(true).nanGuard(true))));
    }

    /** Every op a function runs, its scans' step graphs included. */
    static List<Object> opsOf(Function f) {
        List<Object> ops = new ArrayList<>();
        collect(f.planNodes(), ops);
        return ops;
    }

    private static void collect(List<Apply> nodes, List<Object> ops) {
        for (Apply node : nodes) {
            ops.add(node.op());
            if (node.op() instanceof org.theano4j.control.ScanOp s) {
                collect(org.theano4j.graph.Graphs.toposort(s.innerOutputs()), ops);
            }
        }
    }
}
