package org.theano4j.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.rng.RandomStreams;

/**
 * Run by {@link ModulePathTest} with theano4j's jars on the module path: uses the API, a backend
 * found through the module descriptors' {@code provides}, saving a function with random state,
 * and tries to reach an internal class, which the descriptors must refuse.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    /** Prints one {@code key: value} line per check. */
    public static void main(String[] args) throws Exception {
        System.out.println("named: " + T.class.getModule().isNamed() + " " + T.class.getModule().getName());
        Variable x = T.dvector("x");
        RandomStreams rs = new RandomStreams(3);
        SharedVariable w = Theano.shared(new double[] {1, 2}, "w");
        Function f = Theano.function(List.of(x), T.sum(T.mul(T.add(x, rs.uniform(2)), w)), Theano.options().update(w, w.mul(2)));
        System.out.println("backend: " + f.backendName());
        Path file = Files.createTempFile("theano4j-module", ".t4j");
        f.save(file);
        Function g = Theano.load(file);
        System.out.println("same: " + (f.call((Object) new double[] {1, 1}).item() == g.call((Object) new double[] {1, 1}).item()));
        Files.delete(file);
        Class<?> internal = Class.forName("org.theano4j.compile.KernelPlan");
        try {
            Class<?> spec = Class.forName("org.theano4j.compile.GraphSpec");
            Class<?> backend = Class.forName("org.theano4j.backend.Backend");
            internal.getMethod("build", spec, backend).invoke(null, null, null); // static: access is checked first
            System.out.println("internal: reachable");
        } catch (IllegalAccessException e) {
            System.out.println("internal: refused");
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.out.println("internal: reachable");
        }
    }
}
