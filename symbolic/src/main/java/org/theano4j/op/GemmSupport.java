package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Type;
import org.theano4j.tensor.NDArray;
import org.theano4j.tensor.Shapes;

/** The parts {@link Gemm} and {@link Gemv} share: type checks, reference evaluation, gradient. */
final class GemmSupport {
    private GemmSupport() {
    }

    /** Checks {@code (z, x, y)}: one float dtype, x a matrix, y of {@code yNdim} axes, z of dot(x, y)'s type. */
    static List<Type> outputTypes(String op, List<Variable> inputs, int yNdim) {
        if (inputs.size() != 3) {
            throw new IllegalArgumentException(op + " takes 3 inputs (z, x, y), got " + inputs.size());
        }
        Variable z = inputs.get(0);
        Variable x = inputs.get(1);
        Variable y = inputs.get(2);
        if (x.ndim() != 2 || y.ndim() != yNdim || !x.dtype().isFloat()) {
            throw new IllegalArgumentException(op + ": x " + x + " must be a float matrix and y " + y + " have "
                    + yNdim + " axes, got " + x.type().describe() + " and " + y.type().describe());
        }
        Type dot = new Dot().outputTypes(List.of(x, y)).get(0);
        if (!z.type().equals(dot)) {
            throw new IllegalArgumentException(op + ": z " + z + " must be " + dot.describe() + " like dot(x, y), got "
                    + z.type().describe());
        }
        return List.of(dot);
    }

    /** The output shape: z's, which must equal dot(x, y)'s. */
    static long[][] outputShapes(String op, Object[] inputs) {
        long[] z = ((NDArray) inputs[0]).shape();
        long[] dot = new Dot().outputShapes(new Object[] {inputs[1], inputs[2]})[0];
        if (!java.util.Arrays.equals(z, dot)) {
            throw new IllegalArgumentException(op + ": z has shape " + Shapes.toString(z) + " but dot(x, y) has "
                    + Shapes.toString(dot));
        }
        return new long[][] {z};
    }

    /** {@code alpha * dot(x, y) + beta * z}, computed with the reference dot. */
    static Object[] evaluate(String op, Object[] inputs, double alpha, double beta) {
        outputShapes(op, inputs);
        NDArray z = (NDArray) inputs[0];
        NDArray dot = (NDArray) new Dot().evaluate(new Object[] {inputs[1], inputs[2]})[0];
        NDArray out = NDArray.empty(z.dtype(), z.shape());
        Loops it = new Loops(out.shape(), dot, z, out);
        for (; it.hasNext(); it.next()) {
            double zv = beta == 0 ? 0 : beta * z.readDouble(it.pos(1)); // beta 0: z is not read (BLAS)
            out.writeDouble(it.pos(2), alpha * dot.readDouble(it.pos(0)) + zv);
        }
        return new Object[] {out};
    }

    /** Gradients of {@code alpha * dot(x, y) + beta * z} with respect to z, x and y. */
    static List<Variable> grad(Apply node, Variable gz, double alpha, double beta) {
        Variable x = node.input(1);
        Variable y = node.input(2);
        Apply dot = Apply.of(new Dot(), List.of(x, y));
        List<Variable> g = dot.op().grad(dot, List.of(Ops.mul(gz, alpha)));
        return List.of(Ops.mul(gz, beta), g.get(0), g.get(1));
    }
}
