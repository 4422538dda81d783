package org.theano4j.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.op.DTypeRules;
import org.theano4j.op.Operands;
import org.theano4j.op.Ops;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Theano's lazy {@code ifelse}: inputs {@code [cond, then_0..then_{n-1}, else_0..else_{n-1}]},
 * outputs {@code n} values, each the then-value when the scalar {@code cond} is non-zero and the
 * else-value otherwise. Unlike {@code T.switchOp}, a compiled plan evaluates only the chosen
 * branch: nodes needed by nothing but the other branch are skipped (see
 * {@code compile.BranchPlanner}). The gradient of a branch value is {@code ifelse(cond, gz, 0)}
 * (then) or {@code ifelse(cond, 0, gz)} (else).
 *
 * @param size the number of outputs (pairs of branch values)
 */
public record IfElse(int size) implements Op {

    /** Validates the arity. */
    public IfElse {
        if (size < 1) {
            throw new IllegalArgumentException("ifelse needs at least one output, got " + size);
        }
    }

    /**
     * {@code cond ? thenBranch : elseBranch}, lazily. The branches are converted like any
     * operand and promoted to a common dtype; they must have the same number of axes.
     */
    public static Variable ifelse(Object cond, Object thenBranch, Object elseBranch) {
        return ifelse(cond, List.of(thenBranch), List.of(elseBranch)).get(0);
    }

    /** Several values chosen by one condition: one output per (then, else) pair. */
    public static List<Variable> ifelse(Object cond, List<?> thenBranches, List<?> elseBranches) {
        if (thenBranches.size() != elseBranches.size()) {
            throw new IllegalArgumentException("ifelse: " + thenBranches.size() + " then-values but " + elseBranches.size()
                    + " else-values");
        }
        List<Variable> inputs = new ArrayList<>();
        inputs.add(Operands.of(cond));
        List<Variable> elses = new ArrayList<>();
        for (int i = 0; i < thenBranches.size(); i++) {
            Variable a = Operands.of(thenBranches.get(i));
            Variable b = Operands.of(elseBranches.get(i));
            DType common = DTypeRules.common(List.of(a, b), -1);
            inputs.add(Operands.castTo(a, common));
            elses.add(Operands.castTo(b, common));
        }
        inputs.addAll(elses);
        return Apply.of(new IfElse(thenBranches.size()), inputs).outputs();
    }

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1 + 2 * size) {
            throw new IllegalArgumentException("ifelse with " + size + " outputs takes " + (1 + 2 * size) + " inputs, got "
                    + inputs.size());
        }
        Variable cond = inputs.get(0);
        if (!cond.isTensor() || cond.ndim() != 0) {
            throw new IllegalArgumentException("ifelse: the condition " + cond + " must be a scalar, got " + cond.type().describe());
        }
        List<Type> types = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            TensorType a = inputs.get(1 + i).tensorType();
            TensorType b = inputs.get(1 + size + i).tensorType();
            if (a.dtype() != b.dtype() || a.ndim() != b.ndim()) {
                throw new IllegalArgumentException("ifelse: output " + i + ": the then-value " + inputs.get(1 + i) + " is "
                        + a.describe() + " but the else-value " + inputs.get(1 + size + i) + " is " + b.describe());
            }
            boolean[] bc = new boolean[a.ndim()];
            for (int d = 0; d < bc.length; d++) {
                bc[d] = a.isBroadcastable(d) && b.isBroadcastable(d);
            }
            types.add(new TensorType(a.dtype(), bc));
        }
        return types;
    }

    /** Whether the condition value selects the then-branch. */
    public static boolean isTrue(Object cond) {
        return ((NDArray) cond).getFlat(0) != 0;
    }

    /** Eager evaluation (constant folding): the chosen values themselves. */
    @Override
    public Object[] evaluate(Object[] inputs) {
        int first = isTrue(inputs[0]) ? 1 : 1 + size;
        return Arrays.copyOfRange(inputs, first, first + size);
    }

    /** Reads the condition; the branch values are handed on as they are. */
    @Override
    public boolean readsElements(int input, Object[] inputs) {
        return input == 0;
    }

    /** Index of the input that output {@code i} takes in the then ({@code true}) or else branch. */
    public int branchInput(int i, boolean then) {
        return then ? 1 + i : 1 + size + i;
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable cond = node.input(0);
        Variable[] grads = new Variable[1 + 2 * size];
        for (int i = 0; i < size; i++) {
            Variable gz = outputGrads.get(i);
            if (gz == null || !node.output(i).dtype().isFloat()) {
                continue;
            }
            Variable zero = Ops.zerosLike(gz);
            grads[1 + i] = ifelse(cond, gz, zero);
            grads[1 + size + i] = ifelse(cond, zero, gz);
        }
        return Arrays.asList(grads);
    }

    @Override
    public String displayName() {
        return "IfElse";
    }

    @Override
    public String format(List<String> inputs) {
        if (size == 1) {
            return "ifelse(" + String.join(", ", inputs) + ")";
        }
        return "ifelse(" + inputs.get(0) + ", [" + String.join(", ", inputs.subList(1, 1 + size)) + "], ["
                + String.join(", ", inputs.subList(1 + size, inputs.size())) + "])";
    }
}
