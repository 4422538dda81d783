package org.theano4j.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.tensor.DType;

/**
 * Gradients of {@link ComplexElemwise}, for a real cost: the gradient of a complex {@code z} is
 * {@code dL/d re(z) + j dL/d im(z)}, so a holomorphic {@code f} passes back {@code conj(f'(z)) * g};
 * a real input receives the real part of that (its own partial derivative), summed over the axes
 * it was broadcast along, and an integer input receives none.
 */
final class ComplexGrad {
    private ComplexGrad() {
    }

    static List<Variable> of(ComplexElemwise op, Apply node, Variable gz) {
        if (gz == null) {
            return Arrays.asList(new Variable[node.inputs().size()]);
        }
        List<Variable> raw = raw(op, node, gz);
        List<Variable> result = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            result.add(toInput(raw.get(i), node.input(i)));
        }
        return result;
    }

    private static List<Variable> raw(ComplexElemwise op, Apply node, Variable gz) {
        Variable a = node.input(0);
        Variable b = node.inputs().size() > 1 ? node.input(1) : null;
        Variable z = node.output(0);
        return switch (op.kind()) {
            case ADD -> List.of(gz, gz);
            case SUB -> List.of(gz, Ops.neg(gz));
            case MUL -> List.of(Ops.mul(gz, ComplexOps.conj(b)), Ops.mul(gz, ComplexOps.conj(a)));
            case DIV -> List.of(Ops.div(gz, ComplexOps.conj(b)),
                    Ops.neg(Ops.div(Ops.mul(gz, ComplexOps.conj(z)), ComplexOps.conj(b))));
            case NEG -> List.of(Ops.neg(gz));
            case EXP -> List.of(Ops.mul(gz, ComplexOps.conj(z)));
            case LOG -> List.of(Ops.div(gz, ComplexOps.conj(a)));
            case SQRT -> List.of(Ops.div(Ops.mul(gz, 0.5), ComplexOps.conj(z)));
            case CONJ -> List.of(ComplexOps.conj(gz));
            case REAL -> List.of(ComplexOps.complex(gz, ShapeOps.zerosLike(gz)));
            case IMAG -> List.of(ComplexOps.complex(ShapeOps.zerosLike(gz), gz));
            case ABS -> List.of(Ops.mul(gz, Ops.div(a, z)));
            case ANGLE -> {
                Variable r2 = Ops.sqr(Ops.abs(a));
                Variable gre = Ops.neg(Ops.div(Ops.mul(gz, ComplexOps.imag(a)), r2));
                Variable gim = Ops.div(Ops.mul(gz, ComplexOps.real(a)), r2);
                yield List.of(ComplexOps.complex(gre, gim));
            }
            case COMPLEX -> List.of(ComplexOps.real(gz), ComplexOps.imag(gz));
            case CAST -> List.of(gz);
        };
    }

    /** {@code g} as the gradient of input {@code x}: its dtype, summed back over broadcast axes. */
    private static Variable toInput(Variable g, Variable x) {
        if (g == null || !(x.dtype().isFloat() || x.dtype().isComplex())) {
            return null;
        }
        if (!x.dtype().isComplex()) {
            return Broadcasting.reduceTo(ComplexOps.real(g), x);
        }
        Variable c = ComplexOps.cast(g, x.dtype());
        int lead = c.ndim() - x.ndim();
        List<Integer> summed = new ArrayList<>();
        for (int i = 0; i < c.ndim(); i++) {
            if (i < lead || x.tensorType().isBroadcastable(i - lead) && !c.tensorType().isBroadcastable(i)) {
                summed.add(i);
            }
        }
        if (summed.isEmpty()) {
            return c;
        }
        Variable s = Apply.single(new ComplexReduce(org.theano4j.op.Reduce.Kind.SUM, summed), c);
        List<Integer> kept = new ArrayList<>();
        for (int i : summed) {
            if (i >= lead) {
                kept.add(i - lead);
            }
        }
        return kept.isEmpty() ? s : Axes.keepDims(s, kept, x.ndim());
    }
}
