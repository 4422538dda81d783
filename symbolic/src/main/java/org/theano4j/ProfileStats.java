package org.theano4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.theano4j.compile.StepListener;
import org.theano4j.graph.Apply;

/**
 * Timings of a function compiled with {@code Theano.options().profile(true)} (Theano's
 * {@code ProfileStats}): the number of calls, their total time, and the time spent in each node
 * of the plan, summed per node, per op and per op class. {@link #summary()} prints them like
 * Theano's {@code f.profile.summary()}. Safe to read while other threads call the function.
 */
public final class ProfileStats {
    /** The time spent in one group of nodes (a class, an op or a single node). */
    public record Entry(String name, double seconds, long calls, int applies) {
    }

    private final String functionName;
    private final List<Apply> nodes;
    private final long[] nodeNanos;
    private final long[] nodeCalls;
    private long calls;
    private long callNanos;

    ProfileStats(String functionName, List<Apply> nodes) {
        this.functionName = functionName;
        this.nodes = List.copyOf(nodes);
        this.nodeNanos = new long[nodes.size()];
        this.nodeCalls = new long[nodes.size()];
    }

    /** The hook that the plan's step loop reports to. */
    StepListener listener() {
        return (index, node, nanos, outputs) -> recordStep(index, nanos);
    }

    private synchronized void recordStep(int index, long nanos) {
        nodeNanos[index] += nanos;
        nodeCalls[index]++;
    }

    /** Records one completed call of the function that took {@code nanos}. */
    synchronized void recordCall(long nanos) {
        calls++;
        callNanos += nanos;
    }

    /** How many calls completed. */
    public synchronized long callCount() {
        return calls;
    }

    /** Total wall time of the completed calls, in seconds (argument conversion and updates included). */
    public synchronized double callSeconds() {
        return callNanos * 1e-9;
    }

    /** Total time spent running nodes, in seconds. */
    public synchronized double nodeSeconds() {
        long sum = 0;
        for (long n : nodeNanos) {
            sum += n;
        }
        return sum * 1e-9;
    }

    /** Time per op class (e.g. {@code Elemwise}, {@code Dot}), largest first. */
    public List<Entry> classTimes() {
        return grouped(node -> node.op().getClass().getSimpleName());
    }

    /** Time per op (e.g. {@code Elemwise{add}}), largest first. */
    public List<Entry> opTimes() {
        return grouped(node -> node.op().displayName());
    }

    /** Time per node of the plan, largest first; names are {@code #<step> <op>(<inputs>)}. */
    public List<Entry> nodeTimes() {
        List<Entry> out = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < nodes.size(); i++) {
                out.add(new Entry("#" + i + " " + applyName(nodes.get(i), nodes), nodeNanos[i] * 1e-9, nodeCalls[i], 1));
            }
        }
        out.sort(Comparator.comparingDouble(Entry::seconds).reversed());
        return out;
    }

    private synchronized List<Entry> grouped(Function<Apply, String> key) {
        Map<String, long[]> acc = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            long[] a = acc.computeIfAbsent(key.apply(nodes.get(i)), k -> new long[3]);
            a[0] += nodeNanos[i];
            a[1] += nodeCalls[i];
            a[2]++;
        }
        List<Entry> out = new ArrayList<>();
        acc.forEach((name, a) -> out.add(new Entry(name, a[0] * 1e-9, a[1], (int) a[2])));
        out.sort(Comparator.comparingDouble(Entry::seconds).reversed());
        return out;
    }

    /** {@code op(inputs)} with each input as its name, the step number that computes it ({@code #3}), or its value. */
    private static String applyName(Apply node, List<Apply> nodes) {
        List<String> ins = node.inputs().stream().map(v -> shortName(v, nodes)).toList();
        return node.op().displayName() + "(" + String.join(", ", ins) + ")";
    }

    private static String shortName(Variable v, List<Apply> nodes) {
        if (v.name() != null || v.owner() == null) {
            return v.toString();
        }
        int step = nodes.indexOf(v.owner());
        return step >= 0 ? "#" + step : v.owner().op().displayName();
    }

    /** A readable report in the layout of Theano's profile summary: totals, then classes, ops and nodes. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        double total = nodeSeconds();
        sb.append("Function profiling\n==================\n");
        sb.append("  Message: ").append(functionName != null ? functionName : "unnamed function").append('\n');
        sb.append(String.format(Locale.ROOT, "  Time in %d calls to Function.call: %.6es%n", callCount(), callSeconds()));
        sb.append(String.format(Locale.ROOT, "  Time in nodes: %.6es%n", total));
        sb.append("  Total nodes: ").append(nodes.size()).append("\n\n");
        table(sb, "Class", "Class name", classTimes(), total);
        table(sb, "Ops", "Op name", opTimes(), total);
        table(sb, "Apply", "Apply name", nodeTimes(), total);
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, String nameHeader, List<Entry> rows, double total) {
        sb.append(title).append("\n---\n");
        sb.append("<% time> <sum %> <apply time> <time per call> <#call> <#apply> <").append(nameHeader).append(">\n");
        double cumulative = 0;
        for (Entry e : rows) {
            double pct = total > 0 ? 100 * e.seconds() / total : 0;
            cumulative += pct;
            double perCall = e.calls() > 0 ? e.seconds() / e.calls() : 0;
            sb.append(String.format(Locale.ROOT, "  %5.1f%%   %5.1f%%   %.6fs   %.2es   %d   %d   %s%n",
                    pct, cumulative, e.seconds(), perCall, e.calls(), e.applies(), e.name()));
        }
        sb.append('\n');
    }

    @Override
    public String toString() {
        return summary();
    }
}
