package org.theano4j.rewrite;

import static org.theano4j.rewrite.Patterns.isNode;
import static org.theano4j.rewrite.Patterns.isSizeOneConstant;
import static org.theano4j.rewrite.Patterns.scalarConstant;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Clients;
import org.theano4j.graph.Graphs;
import org.theano4j.graph.Op;
import org.theano4j.op.Dot;
import org.theano4j.op.Gemm;
import org.theano4j.op.Gemv;
import org.theano4j.op.ScalarOp;

/**
 * {@code z + a*dot(x, y)}, {@code dot(x, y) + z} and {@code z - dot(x, y)} become one
 * {@link Gemm} (matrix y) or {@link Gemv} (vector y). It fires only when it clearly pays off:
 * the product has no other use (else it would be computed twice), z has exactly the product's
 * type (no broadcasting of z), and x is a float matrix. One node replaces two (three with a
 * constant factor).
 */
final class GemmRewrite implements Rewrite {
    private static final int MAX_ROUNDS = 4;

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public List<Variable> apply(List<Variable> outputs) {
        List<Variable> current = outputs;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Clients uses = Clients.of(current);
            List<Variable> next = new LocalRewriter("gemm", List.of(LocalRule.single(n -> dotPlusToGemm(n, uses))))
                    .apply(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** The rule; {@code uses} counts the uses of each variable of the graph the pass started from. */
    static Variable dotPlusToGemm(Apply node, Clients uses) {
        boolean add = isNode(node, ScalarOp.ADD);
        if (!add && !isNode(node, ScalarOp.SUB)) {
            return null;
        }
        for (int i = add ? 0 : 1; i < 2; i++) {
            Variable product = node.input(i);
            Variable z = node.input(1 - i);
            double sign = add ? 1 : -1;
            Variable r = gemmOf(product, z, sign, node.output(0), uses);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static Variable gemmOf(Variable product, Variable z, double sign, Variable out, Clients uses) {
        double alpha = sign;
        Variable dot = product;
        if (Patterns.is(product, ScalarOp.MUL) && usedOnce(product, uses)) {
            for (int k = 0; k < 2; k++) {
                Variable c = product.owner().input(k);
                Variable d = product.owner().input(1 - k);
                Double factor = isSizeOneConstant(c) ? scalarConstant(c) : null;
                if (factor != null && d.type().equals(product.type())) {
                    alpha = sign * factor;
                    dot = d;
                }
            }
        }
        if (dot.owner() == null || !(dot.owner().op() instanceof Dot) || !usedOnce(dot, uses)
                || !z.type().equals(out.type()) || !dot.type().equals(out.type())) {
            return null;
        }
        Variable x = dot.owner().input(0);
        Variable y = dot.owner().input(1);
        if (x.ndim() != 2 || !x.dtype().isFloat() || y.ndim() < 1 || y.ndim() > 2) {
            return null;
        }
        Op op = y.ndim() == 2 ? new Gemm(alpha, 1) : new Gemv(alpha, 1);
        return Apply.single(op, z, x, y);
    }

    private static boolean usedOnce(Variable v, Clients uses) {
        return uses.uses(v) == 1;
    }
}
