package org.theano4j.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.theano4j.Function;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;
import org.theano4j.graph.Graphs;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/** Helpers for rewrite tests: the rule phases without fusion, op names, random inputs, mode runs. */
final class RewriteTesting {
    private RewriteTesting() {
    }

    /** Merge, canonicalize, stabilize, specialize and gemm, without fusion (so single ops stay visible). */
    static List<Variable> rulePhases(List<Variable> outputs) {
        List<Rewrite> passes = List.of(new Merge(), new LocalRewriter("canonicalize", Rules.canonicalize()),
                new LocalRewriter("stabilize", Rules.stabilize()), new LocalRewriter("specialize", Rules.specialize()),
                new GemmRewrite(), new Merge());
        List<Variable> current = outputs;
        for (Rewrite p : passes) {
            current = p.apply(current);
        }
        return current;
    }

    /** The display names of the nodes of the graph, in topological order. */
    static List<String> opNames(List<Variable> outputs) {
        List<String> names = new ArrayList<>();
        for (Apply node : Graphs.toposort(outputs)) {
            names.add(node.op().displayName());
        }
        return names;
    }

    /** The number of apply nodes of the graph. */
    static int nodeCount(List<Variable> outputs) {
        return Graphs.toposort(outputs).size();
    }

    /** Uniform values in [lo, hi) for an input of the given shape and dtype. */
    static NDArray random(SplittableRandom rng, DType dtype, double lo, double hi, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = dtype.isFloat() ? lo + (hi - lo) * rng.nextDouble() : Math.floor(lo + (hi - lo) * rng.nextDouble());
        }
        return NDArray.of(v).reshape(shape).astype(dtype);
    }

    /** The function's output in mode {@code mode}. */
    static NDArray run(String mode, List<Variable> inputs, Variable output, NDArray[] args) {
        Function f = Theano.function(inputs, output, Theano.options().mode(mode));
        return f.call(java.util.Arrays.copyOf(args, args.length, Object[].class));
    }
}
