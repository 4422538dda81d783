package org.theano4j.op;

import java.util.ArrayList;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Constant;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Builders of complex graphs: {@link ElemwiseBuilder} sends an elementwise function whose operands
 * promote to a complex dtype here, {@link Reductions} a sum or product of a complex tensor, and
 * {@link Operands#castTo} a cast to or from complex. Functions without a complex form are refused.
 */
public final class ComplexOps {
    private ComplexOps() {
    }

    /** {@code fn(operands)} computed in the complex dtype {@code compute}. */
    static Variable elementwise(ScalarOp fn, List<Variable> operands, DType compute) {
        ComplexElemwise.Kind kind = switch (fn) {
            case ADD -> ComplexElemwise.Kind.ADD;
            case SUB -> ComplexElemwise.Kind.SUB;
            case MUL -> ComplexElemwise.Kind.MUL;
            case TRUE_DIV -> ComplexElemwise.Kind.DIV;
            case NEG -> ComplexElemwise.Kind.NEG;
            case EXP -> ComplexElemwise.Kind.EXP;
            case LOG -> ComplexElemwise.Kind.LOG;
            case SQRT -> ComplexElemwise.Kind.SQRT;
            case ABS -> ComplexElemwise.Kind.ABS;
            case IDENTITY -> null;
            default -> throw new IllegalArgumentException(fn.name().toLowerCase(java.util.Locale.ROOT)
                    + " does not take complex operands (got " + compute.numpyName() + " from " + operands
                    + "); complex supports + - * / neg exp log sqrt abs real imag angle conj");
        };
        if (kind == null) {
            return operands.get(0);
        }
        return apply(kind, compute, operands);
    }

    /** {@code kind(operands)} in {@code compute}: constants converted, axes padded to a common rank. */
    static Variable apply(ComplexElemwise.Kind kind, DType compute, List<Variable> operands) {
        int ndim = 0;
        for (Variable v : operands) {
            ndim = Math.max(ndim, v.ndim());
        }
        List<Variable> ready = new ArrayList<>(operands.size());
        for (Variable v : operands) {
            Variable c = v instanceof Constant && kind != ComplexElemwise.Kind.COMPLEX ? cast(v, compute) : v;
            ready.add(Operands.padTo(c, ndim));
        }
        return Apply.of(new ComplexElemwise(kind, compute), ready).output(0);
    }

    /** {@code x} as {@code dtype} (numpy's astype; no node when it already has it, a constant is converted now). */
    public static Variable cast(Variable x, DType dtype) {
        if (x.dtype() == dtype) {
            return x;
        }
        ComplexElemwise op = new ComplexElemwise(ComplexElemwise.Kind.CAST, dtype);
        if (x instanceof Constant c) {
            NDArray converted = (NDArray) op.evaluate(new Object[] {c.value()})[0];
            return new Constant(converted, c.isWeak(), c.name());
        }
        return Apply.single(op, x);
    }

    /** The real part of {@code x}: a float for complex x, {@code x} itself otherwise (Theano's {@code real}). */
    public static Variable real(Variable x) {
        return x.dtype().isComplex() ? unary(ComplexElemwise.Kind.REAL, x) : x;
    }

    /** The imaginary part of {@code x}: a float for complex x, zeros like {@code x} otherwise. */
    public static Variable imag(Variable x) {
        return x.dtype().isComplex() ? unary(ComplexElemwise.Kind.IMAG, x) : ShapeOps.zerosLike(x);
    }

    /** The complex conjugate of {@code x}; a real {@code x} is its own conjugate. */
    public static Variable conj(Variable x) {
        return x.dtype().isComplex() ? unary(ComplexElemwise.Kind.CONJ, x) : x;
    }

    /** The argument {@code atan2(imag, real)} (numpy's {@code angle}), a float; 0 or pi for a real {@code x}. */
    public static Variable angle(Variable x) {
        DType compute = x.dtype().isComplex() ? x.dtype() : DTypeRules.upgradeToFloat(x.dtype()).complexType();
        return apply(ComplexElemwise.Kind.ANGLE, compute, List.of(x));
    }

    /**
     * {@code re + j im} from two real tensors (broadcast): complex64 when both fit a float32 (as
     * numpy's promotion with complex64 says), else complex128.
     */
    public static Variable complex(Variable re, Variable im) {
        for (Variable v : List.of(re, im)) {
            if (v.dtype().isComplex()) {
                throw new IllegalArgumentException("complex(re, im) takes real parts, got " + v + " of dtype "
                        + v.dtype().numpyName());
            }
        }
        DType compute = DType.promote(DType.promote(re.dtype(), im.dtype()), DType.COMPLEX64);
        return apply(ComplexElemwise.Kind.COMPLEX, compute, List.of(re, im));
    }

    private static Variable unary(ComplexElemwise.Kind kind, Variable x) {
        return apply(kind, x.dtype(), List.of(x));
    }

    /** A complex sum or product over resolved axes; other reductions of complex are refused. */
    static Variable reduce(Reduce.Kind kind, Variable x, List<Integer> axes) {
        return switch (kind) {
            case SUM, PROD -> Apply.single(new ComplexReduce(kind, axes), x);
            case MEAN -> Ops.div(Apply.single(new ComplexReduce(Reduce.Kind.SUM, axes), x),
                    cast(Ops.cast(Reductions.count(x, axes), DType.FLOAT64), x.dtype()));
            case MAX, MIN -> throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " is not defined for complex input " + x + " of dtype " + x.dtype().numpyName());
        };
    }
}
