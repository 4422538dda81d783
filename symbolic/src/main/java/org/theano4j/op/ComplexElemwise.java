package org.theano4j.op;

import java.util.List;
import java.util.Locale;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * An elementwise function with a complex64/complex128 side, with numpy broadcasting and numpy's
 * complex arithmetic ({@link ComplexMath}). Its own op class, apart from {@link Elemwise}: no
 * rewrite or fusion pass matches it and no backend has a kernel for it, so the CPU and GPU
 * backends run it through this reference evaluation. Inputs keep their own dtypes (a real input
 * is a complex number with imaginary part 0), so no cast nodes are needed.
 *
 * <p>Gradients take the convention of a real cost {@code L}: the gradient of a complex variable
 * {@code z} is {@code dL/d re(z) + j dL/d im(z)}, so for a holomorphic {@code f} it is
 * {@code conj(f'(z)) * g}; through {@link Kind#COMPLEX}, {@link Kind#REAL}, {@link Kind#IMAG} and
 * {@link Kind#ABS} this gives the exact partial derivatives of a real cost of real inputs.
 *
 * @param kind the function
 * @param compute the complex dtype the function computes in; for {@link Kind#CAST} the target dtype
 */
public record ComplexElemwise(Kind kind, DType compute) implements Op {

    /** The functions. */
    public enum Kind {
        /** {@code a + b}. */ ADD(2),
        /** {@code a - b}. */ SUB(2),
        /** {@code a * b}. */ MUL(2),
        /** {@code a / b}, numpy's (Smith's) division. */ DIV(2),
        /** {@code -z}. */ NEG(1),
        /** {@code e ** z}. */ EXP(1),
        /** Principal natural logarithm. */ LOG(1),
        /** Principal square root. */ SQRT(1),
        /** Complex conjugate. */ CONJ(1),
        /** Real part (a float of the component dtype). */ REAL(1),
        /** Imaginary part (a float of the component dtype). */ IMAG(1),
        /** Modulus {@code hypot(re, im)} (a float). */ ABS(1),
        /** Argument {@code atan2(im, re)} (a float). */ ANGLE(1),
        /** {@code re + j im} from two real tensors. */ COMPLEX(2),
        /** numpy's astype to {@code compute} (to or from complex; complex to real keeps the real part). */ CAST(1);

        private final int arity;

        Kind(int arity) {
            this.arity = arity;
        }

        /** Number of inputs. */
        public int arity() {
            return arity;
        }

        boolean realResult() {
            return this == REAL || this == IMAG || this == ABS || this == ANGLE;
        }
    }

    /** Validates the parameters. */
    public ComplexElemwise {
        if (kind == null || compute == null) {
            throw new IllegalArgumentException("ComplexElemwise needs a kind and a dtype, got " + kind + ", " + compute);
        }
        if (kind != Kind.CAST && !compute.isComplex()) {
            throw new IllegalArgumentException("complex " + name(kind) + " computes in complex64 or complex128, got "
                    + compute.numpyName());
        }
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The output dtype: the component float for real, imag, abs and angle, else {@link #compute}. */
    public DType outputDType() {
        return kind.realResult() ? compute.componentType() : compute;
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        String op = "complex " + name(kind);
        if (inputs.size() != kind.arity) {
            throw new IllegalArgumentException(op + " takes " + kind.arity + " inputs, got " + inputs.size());
        }
        for (Variable v : inputs) {
            boolean narrowing = kind != Kind.CAST && DType.promote(v.dtype(), compute) != compute;
            if (narrowing || kind == Kind.COMPLEX && v.dtype().isComplex()) {
                throw new IllegalArgumentException(op + ": input " + v + " of dtype " + v.dtype().numpyName()
                        + " does not fit the compute dtype " + compute.numpyName()
                        + (kind == Kind.COMPLEX ? " (complex(re, im) takes real parts)" : ""));
            }
        }
        return List.of(ElemwiseShapes.outputType(op, inputs, outputDType()));
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ShapeRules.broadcast(inputShapes, dims);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return ElemwiseShapes.outputShapes("complex " + name(kind), inputs);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        long[] shape = outputShapes(inputs)[0];
        NDArray a = ((NDArray) inputs[0]).broadcastTo(shape);
        if (kind == Kind.CAST) {
            return new Object[] {a.astype(compute)};
        }
        NDArray b = kind.arity == 2 ? ((NDArray) inputs[1]).broadcastTo(shape) : a;
        NDArray out = NDArray.empty(outputDType(), shape);
        boolean single = compute == DType.COMPLEX64;
        double[] z = new double[2];
        for (long i = 0; i < out.size(); i++) {
            apply(a.getFlat(i), a.getFlatImag(i), b.getFlat(i), b.getFlatImag(i), single, z);
            out.setFlatComplex(i, z[0], z[1]);
        }
        return new Object[] {out};
    }

    private void apply(double ar, double ai, double br, double bi, boolean single, double[] z) {
        switch (kind) {
            case ADD -> set(z, ComplexMath.round(ar + br, single), ComplexMath.round(ai + bi, single));
            case SUB -> set(z, ComplexMath.round(ar - br, single), ComplexMath.round(ai - bi, single));
            case MUL -> ComplexMath.mul(ar, ai, br, bi, single, z);
            case DIV -> ComplexMath.div(ar, ai, br, bi, single, z);
            case NEG -> set(z, -ar, -ai);
            case EXP -> ComplexMath.exp(ar, ai, single, z);
            case LOG -> ComplexMath.log(ar, ai, single, z);
            case SQRT -> ComplexMath.sqrt(ar, ai, single, z);
            case CONJ -> set(z, ar, -ai);
            case REAL -> set(z, ar, 0);
            case IMAG -> set(z, ai, 0);
            case ABS -> set(z, ComplexMath.round(Math.hypot(ar, ai), single), 0);
            case ANGLE -> set(z, ComplexMath.round(Math.atan2(ai, ar), single), 0);
            case COMPLEX -> set(z, ComplexMath.round(ar, single), ComplexMath.round(br, single));
            case CAST -> throw new IllegalStateException("a cast evaluates through astype");
        }
    }

    private static void set(double[] z, double re, double im) {
        z[0] = re;
        z[1] = im;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return ComplexGrad.of(this, node, outputGrads.get(0));
    }

    @Override
    public String displayName() {
        return "ComplexElemwise{" + name(kind) + (kind == Kind.CAST ? "," + compute.numpyName() : "") + "}";
    }
}
