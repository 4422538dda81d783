package org.theano4j.e2e;

import java.util.List;
import org.theano4j.Function;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;

/** Run in a child JVM by {@link BackendFallbackTest}: compiles and calls one function, prints its backend. */
public final class FallbackProbe {
    private FallbackProbe() {
    }

    /** Prints {@code backend: <name>} and {@code result: <value>}. */
    public static void main(String[] args) {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.sum(T.exp(x)));
        System.out.println("backend: " + f.backendName());
        System.out.println("result: " + f.call((Object) new double[] {0, 0}).item());
        Theano.function(List.of(x), T.sum(x)).call((Object) new double[] {1});
    }
}
