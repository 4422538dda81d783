package org.theano4j.gpu;

import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/**
 * CUDA C for {@link ScalarOp}s computed on integers or bools: 64-bit helpers of
 * {@code scalar_functions.cuh} (wrap-around, numpy's floor division and modulo; unsigned forms
 * for uint64) or C operators, cast back to the node's dtype (C promotes small integers to {@code int}).
 */
final class IntOps {

    private IntOps() {
    }

    /**
     * @param op the function
     * @param compute the arguments' dtype
     * @param result the node's dtype
     * @param a the rendered arguments
     * @return the rendered call, of {@code result}'s C type
     */
    static String render(ScalarOp op, DType compute, DType result, String[] a) {
        return switch (op) {
            case GT, GE, LT, LE, EQ, NEQ -> FloatOps.infix(a, op.infix());
            case NOT -> compute == DType.BOOL ? "(!" + a[0] + ")" : castTo(result, "(~" + a[0] + ")");
            case IDENTITY -> a[0];
            default -> castTo(result, compute == DType.UINT64 ? unsignedBody(op, compute, a) : body(op, compute, a));
        };
    }

    /** uint64 forms of the ops whose signed helpers would read values from 2^63 up as negative. */
    private static String unsignedBody(ScalarOp op, DType compute, String[] a) {
        return switch (op) {
            case INT_DIV -> FloatOps.call("t4j_floordiv_u", a);
            case MOD -> FloatOps.call("t4j_mod_u", a);
            case POW -> FloatOps.call("t4j_pow_u", a);
            case MAXIMUM -> FloatOps.call("t4j_max_u", a);
            case MINIMUM -> FloatOps.call("t4j_min_u", a);
            case SIGN -> FloatOps.call("t4j_sign_u", a);
            case ABS -> a[0];
            case CLIP -> "t4j_min_u(t4j_max_u(" + a[0] + ", " + a[1] + "), " + a[2] + ")";
            default -> body(op, compute, a);
        };
    }

    private static String body(ScalarOp op, DType compute, String[] a) {
        return switch (op) {
            case ADD -> FloatOps.call("t4j_add_i", a);
            case SUB -> FloatOps.call("t4j_sub_i", a);
            case MUL -> FloatOps.call("t4j_mul_i", a);
            case SQR -> FloatOps.call("t4j_mul_i", new String[] {a[0], a[0]});
            case NEG -> FloatOps.call("t4j_neg_i", a);
            case ABS -> FloatOps.call("t4j_abs_i", a);
            case SIGN -> FloatOps.call("t4j_sign_i", a);
            case INT_DIV -> FloatOps.call("t4j_floordiv_i", a);
            case MOD -> FloatOps.call("t4j_mod_i", a);
            case POW -> FloatOps.call("t4j_pow_i", a);
            case MAXIMUM -> FloatOps.call("t4j_max_i", a);
            case MINIMUM -> FloatOps.call("t4j_min_i", a);
            case CLIP -> "t4j_min_i(t4j_max_i(" + a[0] + ", " + a[1] + "), " + a[2] + ")";
            case AND -> FloatOps.infix(a, "&");
            case OR -> FloatOps.infix(a, "|");
            case XOR -> FloatOps.infix(a, "^");
            case SWITCH -> "(" + a[0] + " ? " + a[1] + " : " + a[2] + ")";
            default -> throw CudaExpressionRenderer.unsupported(op, compute);
        };
    }

    private static String castTo(DType dtype, String expr) {
        return "((" + CType.of(dtype).c() + ")" + expr + ")";
    }
}
