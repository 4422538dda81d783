package org.theano4j.bench;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomState;

/**
 * {@code rng}: ms to draw 1e7 uniforms and 1e7 normals. The streams classes
 * ({@code RandomStreams}, {@code MRGRandomStreams}) are looked up by name so that this module
 * builds before they exist; without {@code RandomStreams} the MT19937 rows time
 * {@link RandomState} directly, without {@code MRGRandomStreams} the MRG rows print n/a.
 */
final class RngWorkloads {
    private static final long SEED = 1234;

    private RngWorkloads() {
    }

    /** Runs the four rows: {uniform, normal} x {mt, mrg}. */
    static void rng(Bench bench) {
        long n = bench.longOption("n", 10_000_000);
        for (String dist : List.of("uniform", "normal")) {
            String name = "rng/" + dist + "/mt";
            Variable streams = draw("org.theano4j.rng.RandomStreams", dist, n);
            if (streams != null) {
                Function f = Theano.function(List.of(), streams);
                Bench.report(name, bench.medianNanos(f::call) / 1e6, "ms");
            } else {
                RandomState rs = new RandomState(SEED);
                Runnable op = dist.equals("uniform") ? () -> rs.uniform(0, 1, n) : () -> rs.randn(n);
                Bench.report(name, bench.medianNanos(op) / 1e6, "ms");
                Bench.note(name + ": RandomStreams not available, timed RandomState directly (double[] result)");
            }
        }
        for (String dist : List.of("uniform", "normal")) {
            String name = "rng/" + dist + "/mrg";
            Variable mrg = draw("org.theano4j.rng.MRGRandomStreams", dist, n);
            if (mrg == null) {
                Bench.unavailable(name, "MRGRandomStreams not available");
            } else {
                Function f = Theano.function(List.of(), mrg);
                Bench.report(name, bench.medianNanos(f::call) / 1e6, "ms");
            }
        }
    }

    /** {@code new cls(SEED).dist(new long[] {n})} by reflection, or null when cls is absent. */
    private static Variable draw(String cls, String dist, long n) {
        try {
            Class<?> c = Class.forName(cls);
            Object streams = c.getConstructor(long.class).newInstance(SEED);
            return (Variable) c.getMethod(dist, long[].class).invoke(streams, (Object) new long[] {n});
        } catch (ClassNotFoundException e) {
            return null;
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(cls + " does not have the API.md shape: " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(cls + "." + dist + " failed: " + e.getCause(), e.getCause());
        }
    }
}
