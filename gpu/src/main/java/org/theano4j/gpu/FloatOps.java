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
            case FLOOR, CEIL, SQRT, EXP, EXP2, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, SINH, COSH, TANH ->
                    call(op.name().toLowerCase(java.util.Locale.ROOT) + f, a);
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
