package org.theano4j.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: for random programs (DAGs of elementwise ops, reductions, dot and views over every
 * dtype, with edge values, odd layouts and aliased arguments), theano4j's compiled functions give
 * numpy's results. See {@link ProgramGenerator} for the programs, {@link Oracle} for the expected
 * values and {@link Checker} for the runs.
 *
 * <p>System properties: {@code fuzz.seed} replays programs (seeds in hex with 0x or decimal,
 * comma-separated) and prints them; {@code fuzz.programs} sets how many programs run (default
 * {@value #DEFAULT_PROGRAMS}); {@code fuzz.base} changes the base seed the program seeds
 * are drawn from. A failure names each failing program's seed, its shrunk form and the first
 * mismatching element.
 */
class ProgramFuzzTest {
    private static final int DEFAULT_PROGRAMS = 600;
    private static final long DEFAULT_BASE = 0x7e4a_0f0c_2025L;
    private static final int SHRUNK_REPORTS = 40;
    private static final int SHRINK_BUDGET = 40;
    /** Failures shrunk per run (shrinking re-runs programs; the rest are listed unshrunk). */
    private static final int MAX_SHRUNK = 30;

    @Test
    void compiledFunctionsMatchNumpySemantics() {
        String one = System.getProperty("fuzz.seed");
        List<Long> seeds = new ArrayList<>();
        if (one != null) {
            for (String s : one.split(",")) {
                String t = s.trim();
                seeds.add(Long.parseUnsignedLong(t.replaceFirst("^0x", ""), t.startsWith("0x") ? 16 : 10));
            }
        } else {
            SplittableRandom base = new SplittableRandom(Long.getLong("fuzz.base", DEFAULT_BASE));
            int n = Integer.getInteger("fuzz.programs", DEFAULT_PROGRAMS);
            for (int i = 0; i < n; i++) {
                seeds.add(base.nextLong());
            }
        }
        Map<String, Integer> coverage = new java.util.TreeMap<>();
        int shrunk = 0;
        Map<String, List<String>> bySignature = new LinkedHashMap<>();
        Map<String, String> example = new LinkedHashMap<>();
        for (long seed : seeds) {
            Program p = ProgramGenerator.generate(seed);
            OTensor[] expected = Oracle.evaluate(p);
            tally(coverage, p, expected);
            List<Checker.Failure> failures = Checker.check(p, expected);
            if (one != null) {
                System.out.println("program " + Long.toHexString(seed) + ":\n" + p.describe(expected) + "\n"
                        + (failures.isEmpty() ? "passes" : failures.stream().map(f -> Checker.report(p, expected, f))
                                .reduce((a, b) -> a + "\n" + b).orElseThrow()));
            }
            for (Checker.Failure f : failures) {
                if (shrunk++ >= MAX_SHRUNK) {
                    bySignature.computeIfAbsent(f.kind() + " in " + Shrinker.backend(f) + " (not shrunk: "
                            + MAX_SHRUNK + " already were)", s -> new ArrayList<>()).add("0x" + Long.toHexString(seed));
                    continue;
                }
                Program small = Shrinker.shrink(p, f, SHRINK_BUDGET);
                OTensor[] smallExpected = Oracle.evaluate(small);
                Checker.Failure sf = Shrinker.matching(small, smallExpected, f);
                if (sf == null) {
                    small = p;
                    smallExpected = expected;
                    sf = f;
                }
                String sig = sf.kind() + " in " + Shrinker.backend(sf) + ": " + small.skeleton(smallExpected);
                bySignature.computeIfAbsent(sig, s -> new ArrayList<>()).add("0x" + Long.toHexString(seed));
                if (example.size() < SHRUNK_REPORTS && !example.containsKey(sig)) {
                    example.put(sig, Checker.report(small, smallExpected, sf));
                }
            }
        }
        System.out.println("programs exercising each feature (of " + seeds.size() + "): " + coverage);
        if (!ProgramGenerator.rejected.isEmpty()) {
            System.out.println("moves the library rejected at build time: " + ProgramGenerator.rejected);
        }
        if (!bySignature.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            long total = bySignature.values().stream().flatMap(List::stream).distinct().count();
            sb.append(total).append(" of ").append(seeds.size()).append(" programs disagree with numpy")
                    .append(" (grouped by failure, backend and the shrunk program's ops):\n");
            bySignature.forEach((sig, s) -> sb.append("  ").append(s.size()).append(" x ").append(sig).append(": ")
                    .append(s.subList(0, Math.min(8, s.size()))).append(s.size() > 8 ? " ..." : "").append('\n'));
            sb.append("\nOne shrunk reproducer per kind (the seed is the original program's):\n");
            sb.append(String.join("\n\n", example.values()));
            System.out.println(sb);
            fail(sb.toString());
        }
    }

    /** Counts, per feature (op, input dtype, argument layout), the programs that use it. */
    private static void tally(Map<String, Integer> coverage, Program p, OTensor[] values) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (Program.Node n : p.nodes()) {
            seen.add(n.op());
        }
        for (Program.InputSpec in : p.inputs()) {
            seen.add(in.dtype().numpyName());
            if (in.aliasOf() >= 0) {
                seen.add(in.aliasReversed() ? "arg:view-of-other-arg" : "arg:same-array-twice");
                continue;
            }
            String layout = in.layout().describe();
            for (String kind : new String[] {"slice", "transposed", "reversed", "broadcast"}) {
                if (layout.contains(kind)) {
                    seen.add("arg:" + kind);
                }
            }
            if (java.util.Arrays.stream(in.shape()).anyMatch(d -> d == 0)) {
                seen.add("arg:zero-length");
            }
        }
        if (java.util.Arrays.stream(values).anyMatch(v -> v.size > 1024)) {
            seen.add("over-1024-elements");
        }
        for (String f : seen) {
            coverage.merge(f, 1, Integer::sum);
        }
    }
}
