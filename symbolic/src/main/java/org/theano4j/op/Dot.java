package org.theano4j.op;

import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;
import org.theano4j.tensor.Summation;

/**
 * numpy.dot of two tensors of one dtype, each with at least one axis: the sum over the last axis
 * of {@code a} and the second-to-last axis of {@code b} (its only axis for a vector). Gradients
 * are defined for vectors and matrices, and for a tensor times a matrix. Float inputs accumulate in float64.
 */
public record Dot() implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("dot takes 2 inputs, got " + inputs.size());
        }
        TensorType a = inputs.get(0).tensorType();
        TensorType b = inputs.get(1).tensorType();
        if (a.ndim() == 0 || b.ndim() == 0) {
            throw new IllegalArgumentException("Dot needs inputs with at least one axis, got " + a + " and " + b
                    + " (use mul for scalars)");
        }
        if (a.dtype().isComplex()) {
            throw new IllegalArgumentException("Dot of complex tensors is not supported, got " + inputs.get(0) + " of dtype "
                    + a.dtype().numpyName() + " (write it as sum(mul(...)))");
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("Dot: input dtypes differ (" + a.dtype().numpyName() + " and "
                    + b.dtype().numpyName() + "); cast first");
        }
        boolean[] ab = a.broadcastable();
        boolean[] bb = b.broadcastable();
        boolean[] bc = new boolean[a.ndim() - 1 + Math.max(b.ndim() - 1, 0)];
        System.arraycopy(ab, 0, bc, 0, a.ndim() - 1);
        if (b.ndim() >= 2) {
            System.arraycopy(bb, 0, bc, a.ndim() - 1, b.ndim() - 2);
            bc[bc.length - 1] = bb[b.ndim() - 1];
        }
        return List.of(new TensorType(a.dtype(), bc));
    }

    /** The contracted axis of {@code b}. */
    private static int bAxis(int bNdim) {
        return bNdim == 1 ? 0 : bNdim - 2;
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return List.of(ShapeRules.dot(inputShapes.get(0), inputShapes.get(1), dims));
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        long[] a = ((NDArray) inputs[0]).shape();
        long[] b = ((NDArray) inputs[1]).shape();
        int ba = bAxis(b.length);
        if (a[a.length - 1] != b[ba]) {
            throw new IllegalArgumentException("dot: shapes " + Shapes.toString(a) + " and " + Shapes.toString(b)
                    + " not aligned: " + a[a.length - 1] + " (dim " + (a.length - 1) + ") != " + b[ba] + " (dim " + ba + ")");
        }
        long[] out = new long[a.length - 1 + b.length - 1];
        System.arraycopy(a, 0, out, 0, a.length - 1);
        for (int i = 0, k = a.length - 1; i < b.length; i++) {
            if (i != ba) {
                out[k++] = b[i];
            }
        }
        return new long[][] {out};
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        NDArray a = (NDArray) inputs[0];
        NDArray b = (NDArray) inputs[1];
        NDArray out = NDArray.zeros(a.dtype(), outputShapes(inputs)[0]);
        long k = a.shape(a.ndim() - 1);
        if (k == 0 || out.size() == 0) {
            return new Object[] {out};
        }
        // move b's contracted axis last; then out[i.., j..] = sum_k a[i.., k] * bt[j.., k]
        int[] perm = new int[b.ndim()];
        for (int i = 0, p = 0; i < b.ndim(); i++) {
            if (i != bAxis(b.ndim())) {
                perm[p++] = i;
            }
        }
        perm[b.ndim() - 1] = bAxis(b.ndim());
        NDArray bt = b.transpose(perm);
        NDArray rowsA = a.index(a.ndim() - 1, 0);
        NDArray rowsB = bt.index(bt.ndim() - 1, 0);
        long sa = a.stride(a.ndim() - 1);
        long sb = bt.stride(bt.ndim() - 1);
        long o = 0;
        for (Loops ia = new Loops(rowsA.shape(), rowsA); ia.hasNext(); ia.next()) {
            for (Loops ib = new Loops(rowsB.shape(), rowsB); ib.hasNext(); ib.next()) {
                if (a.dtype().isFloat()) {
                    out.writeDouble(o++, floatDot(a, ia.pos(0), sa, b, ib.pos(0), sb, k));
                } else {
                    out.writeLong(o++, intDot(a, ia.pos(0), sa, b, ib.pos(0), sb, k));
                }
            }
        }
        return new Object[] {out};
    }

    /** {@code sum a[ra + i sa] * b[rb + i sb]} left to right in float64; two stride-0 rows are one product repeated. */
    private static double floatDot(NDArray a, long ra, long sa, NDArray b, long rb, long sb, long k) {
        if (sa == 0 && sb == 0) {
            return Summation.sequential(a.readDouble(ra) * b.readDouble(rb), k);
        }
        double s = 0;
        for (long i = 0; i < k; i++) {
            s += a.readDouble(ra + i * sa) * b.readDouble(rb + i * sb);
        }
        return s;
    }

    /** The same in wrapping int64 arithmetic. */
    private static long intDot(NDArray a, long ra, long sa, NDArray b, long rb, long sb, long k) {
        if (sa == 0 && sb == 0) {
            return k * (a.readLong(ra) * b.readLong(rb));
        }
        long s = 0;
        for (long i = 0; i < k; i++) {
            s += a.readLong(ra + i * sa) * b.readLong(rb + i * sb);
        }
        return s;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable a = node.input(0);
        Variable b = node.input(1);
        Variable gz = outputGrads.get(0);
        if (!a.dtype().isFloat()) {
            return Arrays.asList(null, null);
        }
        Variable ga;
        Variable gb;
        switch (a.ndim() * 10 + b.ndim()) {
            case 11 -> { // scalar = v . w
                ga = Ops.mul(gz, b);
                gb = Ops.mul(gz, a);
            }
            case 21 -> { // vector = M . v
                ga = LinearAlgebra.outer(gz, b);
                gb = LinearAlgebra.dot(ShapeOps.transpose(a, new int[0]), gz);
            }
            case 12 -> { // vector = v . M
                ga = LinearAlgebra.dot(b, gz);
                gb = LinearAlgebra.outer(a, gz);
            }
            case 22 -> { // matrix = M . N
                ga = LinearAlgebra.dot(gz, ShapeOps.transpose(b, new int[0]));
                gb = LinearAlgebra.dot(ShapeOps.transpose(a, new int[0]), gz);
            }
            default -> {
                if (a.ndim() < 3 || b.ndim() != 2) {
                    throw new IllegalArgumentException("dot: gradient for inputs of ndim " + a.ndim() + " and "
                            + b.ndim() + " is not implemented (vectors and matrices, or a tensor times a matrix)");
                }
                // tensor = T . M, Theano's tensordot over a's last axis: the leading axes are rows
                ga = LinearAlgebra.dot(gz, ShapeOps.transpose(b, new int[0]));
                gb = LinearAlgebra.dot(ShapeOps.transpose(rows(a), new int[0]), rows(gz));
            }
        }
        // dot never broadcasts: the gradients have the inputs' shapes already (no SumToShape, which
        // would keep the inputs alive only for their shapes, e.g. in Theano's Lop example)
        return List.of(ElemwiseBuilder.cast(ga, a.dtype()), ElemwiseBuilder.cast(gb, b.dtype()));
    }

    /** {@code x} as a matrix: its leading axes joined, its last axis kept. */
    private static Variable rows(Variable x) {
        return ShapeOps.reshape(x, List.of(-1, Ops.shape(x).get(x.ndim() - 1)));
    }

    @Override
    public String displayName() {
        return "dot";
    }

    @Override
    public String format(List<String> inputs) {
        return "dot(" + inputs.get(0) + ", " + inputs.get(1) + ")";
    }
}
