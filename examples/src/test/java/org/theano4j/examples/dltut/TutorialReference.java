package org.theano4j.examples.dltut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.theano4j.SharedVariable;

/**
 * The reference numbers of the tutorials' Python originals ({@code dltut/theano-1.0.5.txt}, and
 * for the programs without MRG random streams {@code dltut/pytensor-2.38.3.txt}, both written by
 * {@code examples/scripts/dltut/dltut_reference.py}), and the comparison of a Java
 * port's {@link TrainingLog} with them: the same keys, each epoch's number to the precision the
 * original printed it with, each parameter's sum, sum of absolute values and sum of squares to
 * float64 round-off.
 */
final class TutorialReference {
    private static final Map<String, Map<String, Double>> THEANO = read("/dltut/theano-1.0.5.txt");
    private static final Map<String, Map<String, Double>> PYTENSOR = read("/dltut/pytensor-2.38.3.txt");

    private TutorialReference() {
    }

    private static Map<String, Map<String, Double>> read(String resource) {
        try (InputStream in = TutorialReference.class.getResourceAsStream(resource)) {
            Map<String, Map<String, Double>> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                m.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], Double.parseDouble(f[2]));
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A parameter's sum may cancel: it agrees to {@code sumTolerance} of the sum of absolute
     * values; other sums (of absolute values, of squares) to {@code sumTolerance} relative, what
     * rbm tiles to ten times that; the numbers an epoch prints to {@code epochTolerance} (absolute).
     */
    private static double tolerance(Map<String, Double> ref, String key, double epochTolerance, double sumTolerance) {
        double r = Math.abs(ref.get(key));
        String abs = key.replaceAll("\\.sum$", ".abssum");
        if (key.endsWith(".sum") && ref.containsKey(abs)) {
            return sumTolerance * ref.get(abs) + 1e-12;
        }
        if (key.startsWith("tile")) {
            return 10 * sumTolerance * Math.max(1, r);
        }
        return key.contains(".param") ? sumTolerance * r : epochTolerance;
    }

    /** The log's keys equal the reference's; every number agrees within {@link #tolerance}. */
    static void check(String program, TrainingLog log, double epochTolerance) {
        check(program, log, epochTolerance, 1e-9);
    }

    /** As {@link #check(String, TrainingLog, double)} with sums agreeing to {@code sumTolerance} (relative) instead of 1e-9. */
    static void check(String program, TrainingLog log, double epochTolerance, double sumTolerance) {
        check(program, log, epochTolerance, sumTolerance, THEANO.get(program), "Theano 1.0.5");
        if (PYTENSOR.containsKey(program)) {
            check(program, log, epochTolerance, sumTolerance, PYTENSOR.get(program), "PyTensor 2.38.3");
        }
    }

    private static void check(String program, TrainingLog log, double epochTolerance, double sumTolerance, Map<String, Double> ref,
            String oracle) {
        Map<String, Double> got = new LinkedHashMap<>(log.values());
        List<List<SharedVariable>> models = log.models();
        for (int m = 0; m < models.size(); m++) {
            for (int i = 0; i < models.get(m).size(); i++) {
                SharedVariable p = models.get(m).get(i);
                double[] v = p.getValue().toDoubleArray();
                double sum = 0;
                double abs = 0;
                double sq = 0;
                for (double d : v) {
                    sum += d;
                    abs += Math.abs(d);
                    sq += d * d;
                }
                String prefix = "model" + m + ".param" + i + "." + (p.name() == null ? "None" : p.name());
                got.put(prefix + ".sum", sum);
                got.put(prefix + ".abssum", abs);
                got.put(prefix + ".sqsum", sq);
            }
        }
        TreeSet<String> want = new TreeSet<>();
        ref.keySet().stream().filter(k -> !k.endsWith(".seconds")).forEach(want::add);
        assertEquals(want, new TreeSet<>(got.keySet()), program + ": keys of " + oracle);
        List<String> off = new ArrayList<>();
        for (String k : want) {
            double r = ref.get(k);
            double g = got.get(k);
            double tol = tolerance(ref, k, epochTolerance, sumTolerance);
            if (!(Math.abs(g - r) <= tol)) {
                off.add(k + ": java " + g + ", reference " + r + " (tolerance " + tol + ")");
            }
        }
        assertTrue(off.isEmpty(), program + " differs from " + oracle + ":\n" + String.join("\n", off));
    }
}
