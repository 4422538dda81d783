package org.theano4j.gpu;

import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/**
 * CUDA C for {@link ScalarOp}s computed in float32 or float64: the C math function of the
 * argument's precision ({@code expf} or {@code exp}), or a double helper of
 * {@code scalar_functions.cuh} whose result is cast back for float32.
 */
final class FloatOps {

    private FloatOps() {
    }

    /**
     * @param op the function
     * @param compute FLOAT32 or FLOAT64
     * @param a the rendered arguments
     * @return the rendered call; comparisons give {@code bool}, the rest the compute type
     */
    static String render(ScalarOp op, DType compute, String[] a) {
        boolean single = compute == DType.FLOAT32;
        String f = single ? "f" : "";
        String one = single ? "1.0f" : "1.0";
        return switch (op) {
            case ADD -> infix(a, "+");
            case SUB -> infix(a, "-");
            case MUL -> infix(a, "*");
            case TRUE_DIV -> infix(a, "/");
            case INT_DIV -> helper(single, "t4j_floordiv_f", a);
            case MOD -> helper(single, "t4j_mod_f", a);
            case POW -> call("pow" + f, a);
            case MAXIMUM -> helper(single, "t4j_maximum_f", a);
            case MINIMUM -> helper(single, "t4j_minimum_f", a);
            case CLIP -> helper(single, "t4j_clip_f", a);
            case SIGN -> helper(single, "t4j_sign_f", a);
            case NEG -> "(-" + a[0] + ")";
            case ABS -> call("fabs" + f, a);
            case FLOOR -> call("floor" + f, a);
            case CEIL -> call("ceil" + f, a);
            case SQRT -> call("sqrt" + f, a);
            case EXP -> call("exp" + f, a);
            case EXP2 -> call("exp2" + f, a);
            case EXPM1 -> call("expm1" + f, a);
            case LOG -> call("log" + f, a);
            case LOG2 -> call("log2" + f, a);
            case LOG10 -> call("log10" + f, a);
            case LOG1P -> call("log1p" + f, a);
            case SIN -> call("sin" + f, a);
            case COS -> call("cos" + f, a);
            case TAN -> call("tan" + f, a);
            case SINH -> call("sinh" + f, a);
            case COSH -> call("cosh" + f, a);
            case TANH -> call("tanh" + f, a);
            case ARCTAN -> call("atan" + f, a);
            case ROUND -> call("rint" + f, a);
            case SQR -> "(" + a[0] + " * " + a[0] + ")";
            case INV -> "(" + one + " / " + a[0] + ")";
            case SIGMOID -> "(" + one + " / (" + one + " + exp" + f + "(-" + a[0] + ")))";
            case SOFTPLUS -> call("t4j_softplus", a);
            case GT, GE, LT, LE, EQ, NEQ -> infix(a, op.infix());
            case SWITCH -> "(" + a[0] + " ? " + a[1] + " : " + a[2] + ")";
            case IDENTITY -> a[0];
            default -> throw CudaExpressionRenderer.unsupported(op, compute);
        };
    }

    static String infix(String[] a, String symbol) {
        return "(" + a[0] + " " + symbol + " " + a[1] + ")";
    }

    static String call(String fn, String[] a) {
        return fn + "(" + String.join(", ", a) + ")";
    }

    private static String helper(boolean single, String fn, String[] a) {
        return single ? "((float)" + call(fn, a) + ")" : call(fn, a);
    }
}
