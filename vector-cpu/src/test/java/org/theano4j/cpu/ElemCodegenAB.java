package org.theano4j.cpu;

import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarExpr.Call;
import org.theano4j.op.ScalarExpr.Const;
import org.theano4j.op.ScalarExpr.Input;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Not a test: the A/B harness behind ElemCodegen's numbers. {@code java -cp <test+main classes> org.theano4j.cpu.ElemCodegenAB
 * PROGRAM float64|float32 N [slices] [gen|interp|both]}: ns/element of the generated kernel and of the
 * interpreter on one fused program (logistic, poly, leaky, tanhlayer, tanh, tanhmul, exp2, expmix, chain),
 * median and min of 30 ms slices after a warm-up; {@code gen}/{@code interp} measure one path per process
 * (no JIT interference between them), {@code both} alternates them in one process.
 */
public final class ElemCodegenAB {
    static ScalarExpr c(ScalarOp op, DType d, ScalarExpr... a) { return new Call(op, List.of(a), d); }

    public static void main(String[] args) {
        String which = args[0];
        DType d = DType.of(args[1]);
        long n = Long.parseLong(args[2]);
        int slices = Integer.parseInt(args.length > 3 ? args[3] : "40");
        String mode = args.length > 4 ? args[4] : "both";
        ScalarExpr x = new Input(0, d), y = new Input(1, d), z = new Input(2, d);
        ScalarExpr tree;
        int nIn;
        switch (which) {
            case "logistic" -> { // 1 / (1 + exp(-x))
                tree = c(ScalarOp.TRUE_DIV, d, new Const(1, d), c(ScalarOp.ADD, d, new Const(1, d), c(ScalarOp.EXP, d, c(ScalarOp.NEG, d, x))));
                nIn = 1;
            }
            case "poly" -> { // ((x*y + z)*x + 0.5)*y - z : cheap ops, three inputs
                tree = c(ScalarOp.SUB, d, c(ScalarOp.MUL, d, c(ScalarOp.ADD, d, c(ScalarOp.MUL, d, c(ScalarOp.ADD, d, c(ScalarOp.MUL, d, x, y), z), x), new Const(0.5, d)), y), z);
                nIn = 3;
            }
            case "leaky" -> { // switch(x > 0, x, 0.01 x) * y + z
                ScalarExpr gt = c(ScalarOp.GT, DType.BOOL, x, new Const(0, d));
                tree = c(ScalarOp.ADD, d, c(ScalarOp.MUL, d, c(ScalarOp.SWITCH, d, gt, x, c(ScalarOp.MUL, d, new Const(0.01, d), x)), y), z);
                nIn = 3;
            }
            case "tanhlayer" -> { // tanh(x * y + z), z one value
                tree = c(ScalarOp.TANH, d, c(ScalarOp.ADD, d, c(ScalarOp.MUL, d, x, y), z));
                nIn = 3;
            }
            case "tanh" -> { tree = c(ScalarOp.TANH, d, x); nIn = 1; }
            case "exp2" -> { tree = c(ScalarOp.MUL, d, c(ScalarOp.EXP, d, x), c(ScalarOp.LOG, d, c(ScalarOp.ABS, d, y))); nIn = 2; }
            case "tanhmul" -> { tree = c(ScalarOp.TANH, d, c(ScalarOp.MUL, d, x, y)); nIn = 2; }
            case "expmix" -> { tree = c(ScalarOp.ADD, d, c(ScalarOp.SUB, d, c(ScalarOp.MUL, d, c(ScalarOp.EXP, d, c(ScalarOp.ADD, d, c(ScalarOp.MUL, d, x, y), z)), y), c(ScalarOp.MUL, d, z, x)), new Const(0.5, d)); nIn = 3; }
            case "chain" -> { // long chain of cheap ops over three inputs
                int len = Integer.getInteger("chain", 30);
                ScalarExpr t = x; ScalarExpr[] ins = {x, y, z};
                for (int i = 0; i < len; i++) t = c(i % 3 == 0 ? ScalarOp.ADD : i % 3 == 1 ? ScalarOp.MUL : ScalarOp.MAXIMUM, d, t, ins[i % 3]);
                tree = t; nIn = 3;
            }
            default -> throw new IllegalArgumentException(which);
        }
        ElemProgram p = ElemProgram.compile(tree);
        NDArray[] in = new NDArray[nIn];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        for (int k = 0; k < nIn; k++) {
            boolean scalar = which.equals("tanhlayer") && k == 2;
            NDArray a = scalar ? NDArray.empty(d) : NDArray.empty(d, n);
            for (long i = 0; i < a.size(); i++) {
                if (d == DType.FLOAT32) a.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) rnd.nextDouble(-4, 4));
                else a.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, i, rnd.nextDouble(-4, 4));
            }
            in[k] = a;
        }
        NDArray out = NDArray.empty(d, n);
        NDArray[] outs = {out};
        ElemwiseKernel gen = new ElemwiseKernel(p, true);
        ElemwiseKernel interp = new ElemwiseKernel(p, false);
        if (!mode.equals("interp") && !gen.runsGenerated(in, out)) throw new IllegalStateException("not generated");
        if (!mode.equals("both")) { // one path per process: no JIT interference between the two
            ElemwiseKernel k = mode.equals("gen") ? gen : interp;
            for (int w = 0; w < 8; w++) slice(k, in, outs, 500_000_000L, n);
            List<Double> v = new ArrayList<>();
            for (int s = 0; s < slices; s++) v.add(slice(k, in, outs, 30_000_000L, n));
            System.out.printf("%s %s n=%d %s median %.4f min %.4f%n", which, d, n, mode, med(v), min(v));
            return;
        }
        // warm-up: 4 s each, alternating (C2 is slow on a loaded 2-core machine)
        for (int w = 0; w < 16; w++) {
            slice(w % 2 == 0 ? gen : interp, in, outs, 500_000_000L, n);
        }
        List<Double> g = new ArrayList<>(), r = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            if (s % 2 == 0) { g.add(slice(gen, in, outs, 30_000_000L, n)); r.add(slice(interp, in, outs, 30_000_000L, n)); }
            else { r.add(slice(interp, in, outs, 30_000_000L, n)); g.add(slice(gen, in, outs, 30_000_000L, n)); }
        }
        System.out.printf("%s %s n=%d codegen median %.4f min %.4f | interp median %.4f min %.4f ns/elem | ratio(med) %.3f ratio(min) %.3f%n",
                which, d, n, med(g), min(g), med(r), min(r), med(r) / med(g), min(r) / min(g));
    }

    static double slice(ElemwiseKernel k, NDArray[] in, NDArray[] out, long budget, long n) {
        long calls = 0, t0 = System.nanoTime(), t;
        do { k.run(in, out); calls++; t = System.nanoTime(); } while (t - t0 < budget);
        return (double) (t - t0) / calls / n;
    }

    static double med(List<Double> v) { double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray(); return a[a.length / 2]; }
    static double min(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).min().orElseThrow(); }
}
