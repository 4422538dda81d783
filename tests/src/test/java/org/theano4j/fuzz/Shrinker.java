package org.theano4j.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.Variable;
import org.theano4j.fuzz.Program.InputSpec;
import org.theano4j.fuzz.Program.Node;

/**
 * Cuts a failing program down while it keeps failing the same way: drops outputs, replaces a
 * node by a new contiguous input holding the node's oracle value (which removes everything the
 * node depended on), and replaces strided, reversed, broadcast or aliased arguments by plain
 * copies. Deterministic; at most {@code budget} re-checks.
 */
final class Shrinker {
    private final Checker.Failure original;
    private int budget;

    private Shrinker(Checker.Failure original, int budget) {
        this.original = original;
        this.budget = budget;
    }

    static Program shrink(Program p, Checker.Failure f, int budget) {
        return new Shrinker(f, budget).run(p);
    }

    private Program run(Program p) {
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (Program c : candidates(p)) {
                if (budget-- <= 0) {
                    break;
                }
                if (stillFails(c)) {
                    p = c;
                    progress = true;
                    break;
                }
            }
        }
        return p;
    }

    private boolean stillFails(Program c) {
        try {
            return matching(c, Oracle.evaluate(c), original) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String backend(Checker.Failure f) {
        return f.run().split(" ")[0];
    }

    /** The failure of {@code c} that matches {@code f} (same kind, same backend), or null. */
    static Checker.Failure matching(Program c, OTensor[] expected, Checker.Failure f) {
        boolean ref = backend(f).equals("reference");
        for (Checker.Failure g : Checker.check(c, expected, !ref || !f.kind().equals("VALUE"), ref || !f.kind().equals("VALUE"))) {
            if (g.kind().equals(f.kind()) && backend(g).equals(backend(f))) {
                return g;
            }
        }
        return null;
    }

    /** Smaller variants of {@code p}: an earlier node as the only output, a node cut off its inputs, plainer arguments. */
    private static List<Program> candidates(Program p) {
        List<Program> out = new ArrayList<>();
        if (p.outputs().length > 1) {
            for (int o : p.outputs()) {
                out.add(prune(new Program(p.seed(), p.inputs(), p.nodes(), new int[] {o})));
            }
        }
        for (int k = 0; k < p.nodes().size(); k++) {
            String op = p.nodes().get(k).op();
            if (!op.equals("in") && !op.equals("const") && !isOutput(p, k) && feedsOutput(p, k)) {
                out.add(prune(new Program(p.seed(), p.inputs(), p.nodes(), new int[] {k})));
            }
        }
        OTensor[] vals;
        Variable[] vars;
        try {
            vals = Oracle.evaluate(p);
            vars = GraphBuilder.build(p, GraphBuilder.inputVariables(p));
        } catch (RuntimeException e) {
            return out;
        }
        for (int k = p.nodes().size() - 1; k >= 0; k--) {
            String op = p.nodes().get(k).op();
            if (!op.equals("in") && !op.equals("const") && !isOutput(p, k)) {
                out.add(prune(cut(p, k, vals[k], vars[k].broadcastable())));
            }
        }
        for (int i = 0; i < p.inputs().size(); i++) {
            InputSpec in = p.inputs().get(i);
            boolean plain = in.aliasOf() < 0 && in.layout().equals(Values.contiguous(in.layout().base()))
                    && Arrays.equals(in.layout().base().shape, in.shape());
            if (!plain) {
                List<InputSpec> ins = new ArrayList<>(p.inputs());
                OTensor value = OTensor.readRaw(p.arguments()[i]);
                ins.set(i, new InputSpec(in.dtype(), in.shape(), in.bcast(), Values.contiguous(value), -1, false));
                out.add(prune(new Program(p.seed(), detach(ins, i, p), p.nodes(), p.outputs())));
            }
        }
        return out;
    }

    /** Inputs that aliased input {@code i} get their own copy of its old value. */
    private static List<InputSpec> detach(List<InputSpec> ins, int i, Program p) {
        List<InputSpec> out = new ArrayList<>(ins);
        org.theano4j.tensor.NDArray[] args = p.arguments();
        for (int j = 0; j < out.size(); j++) {
            InputSpec s = out.get(j);
            if (s.aliasOf() == i) {
                out.set(j, new InputSpec(s.dtype(), s.shape(), s.bcast(), Values.contiguous(OTensor.readRaw(args[j])), -1, false));
            }
        }
        return out;
    }

    private static boolean feedsOutput(Program p, int k) {
        boolean[] live = new boolean[p.nodes().size()];
        for (int o : p.outputs()) {
            live[o] = true;
        }
        for (int j = live.length - 1; j > k; j--) {
            if (live[j]) {
                for (int a : p.nodes().get(j).args()) {
                    live[a] = true;
                }
            }
        }
        return live[k];
    }

    private static boolean isOutput(Program p, int k) {
        return Arrays.stream(p.outputs()).anyMatch(o -> o == k);
    }

    /** Node {@code k} becomes a new contiguous input holding {@code value}. */
    private static Program cut(Program p, int k, OTensor value, boolean[] bcast) {
        List<InputSpec> ins = new ArrayList<>(p.inputs());
        ins.add(new InputSpec(value.dtype, value.shape, bcast, Values.contiguous(value), -1, false));
        List<Node> nodes = new ArrayList<>(p.nodes());
        nodes.set(k, new Node("in", new int[0], ins.size() - 1));
        return new Program(p.seed(), ins, nodes, p.outputs());
    }

    /** Drops nodes no output needs and inputs no node reads (keeping inputs that others alias). */
    static Program prune(Program p) {
        int n = p.nodes().size();
        boolean[] live = new boolean[n];
        for (int o : p.outputs()) {
            live[o] = true;
        }
        for (int k = n - 1; k >= 0; k--) {
            if (live[k]) {
                for (int a : p.nodes().get(k).args()) {
                    live[a] = true;
                }
            }
        }
        boolean[] usedInput = new boolean[p.inputs().size()];
        for (int k = 0; k < n; k++) {
            if (live[k] && p.nodes().get(k).op().equals("in")) {
                usedInput[(Integer) p.nodes().get(k).param()] = true;
            }
        }
        for (int i = p.inputs().size() - 1; i >= 0; i--) {
            if (usedInput[i] && p.inputs().get(i).aliasOf() >= 0) {
                usedInput[p.inputs().get(i).aliasOf()] = true;
            }
        }
        int[] inputIndex = new int[usedInput.length];
        List<InputSpec> ins = new ArrayList<>();
        for (int i = 0; i < usedInput.length; i++) {
            inputIndex[i] = ins.size();
            if (usedInput[i]) {
                InputSpec s = p.inputs().get(i);
                ins.add(s.aliasOf() < 0 ? s : new InputSpec(s.dtype(), s.shape(), s.bcast(), s.layout(),
                        inputIndex[s.aliasOf()], s.aliasReversed()));
            }
        }
        int[] nodeIndex = new int[n];
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            nodeIndex[k] = nodes.size();
            if (!live[k]) {
                continue;
            }
            Node old = p.nodes().get(k);
            int[] args = Arrays.stream(old.args()).map(a -> nodeIndex[a]).toArray();
            Object param = old.op().equals("in") ? (Object) inputIndex[(Integer) old.param()] : old.param();
            nodes.add(new Node(old.op(), args, param));
        }
        int[] outs = Arrays.stream(p.outputs()).map(o -> nodeIndex[o]).toArray();
        return new Program(p.seed(), ins, nodes, outs);
    }
}
