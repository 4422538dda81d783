package org.theano4j.op;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Op;
import org.theano4j.graph.ShapeAlgebra;
import org.theano4j.graph.Type;

/**
 * BLAS gemv as an op: inputs {@code (z, x, y)} (vector z, matrix x, vector y, one float dtype), output
 * {@code alpha * dot(x, y) + beta * z}, a new vector of z's shape. Made by the specialize
 * rewrite from {@code dot(x, y) + z}; backends may run it as one BLAS-style call. With
 * {@code beta == 0}, z's values are not read (as in BLAS).
 *
 * @param alpha the factor of the product
 * @param beta the factor of z
 */
public record Gemv(double alpha, double beta) implements Op {

    @Override
    public List<Type> outputTypes(List<Variable> inputs) {
        return GemmSupport.outputTypes("Gemv", inputs, 1);
    }

    @Override
    public boolean shapesFromInputShapesOnly() {
        return true;
    }

    @Override
    public <D> List<List<D>> inferShape(Apply node, List<List<D>> inputShapes, ShapeAlgebra<D> dims) {
        return ShapeRules.gemm(inputShapes, dims);
    }

    @Override
    public long[][] outputShapes(Object[] inputs) {
        return GemmSupport.outputShapes("Gemv", inputs);
    }

    @Override
    public Object[] evaluate(Object[] inputs) {
        return GemmSupport.evaluate("Gemv", inputs, alpha, beta);
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        return GemmSupport.grad(node, outputGrads.get(0), alpha, beta);
    }

    @Override
    public String displayName() {
        return "Gemv{alpha=" + alpha + ", beta=" + beta + "}";
    }
}
