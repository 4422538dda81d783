package org.theano4j.examples;

import java.util.List;
import java.util.Map;
import org.theano4j.Function;
import org.theano4j.In;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.tensor.NDArray;
import org.theano4j.rng.RandomState;
import org.theano4j.rng.RandomStreams;
import org.theano4j.rng.RandomVariable;
import org.theano4j.rng.StateUpdate;

/**
 * The examples of Theano's tutorial page "More Examples", in Java, printing what the page prints
 * (numpy's repr). Run with {@code ./mvnw -q -pl examples -am exec:java -Dexec.mainClass=...SeedPage}.
 */
public final class SeedPage {
    private SeedPage() {
    }

    /** Runs every example in page order. */
    public static void main(String[] args) {
        logistic();
        multipleOutputs();
        defaults();
        sharedVariables();
        copying();
        randomNumbers();
        copyingRandomState();
    }

    static void logistic() {
        section("Logistic function");
        Variable x = T.dmatrix("x");
        Variable s = T.div(1, T.add(1, T.exp(T.neg(x))));
        Function logistic = Theano.function(List.of(x), s);
        System.out.println(logistic.call(new double[][] {{0, 1}, {-1, -2}}));
        Variable s2 = T.div(T.add(1, T.tanh(T.div(x, 2))), 2);
        Function logistic2 = Theano.function(List.of(x), s2);
        System.out.println(logistic2.call(new double[][] {{0, 1}, {-1, -2}}));
    }

    static void multipleOutputs() {
        section("Computing more than one thing at the same time");
        Variable[] ab = T.dmatrices("a", "b");
        Variable diff = ab[0].sub(ab[1]);
        Variable absDiff = T.abs(diff);
        Variable diffSquared = diff.pow(2);
        Function f = Theano.function(List.of(ab[0], ab[1]), List.of(diff, absDiff, diffSquared));
        System.out.println(f.callAll(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 1}, {2, 3}}));
    }

    static void defaults() {
        section("Setting a default value for an argument");
        Variable[] xy = T.dscalars("x", "y");
        Function f = Theano.function(List.of(xy[0], In.of(xy[1]).value(1)), xy[0].add(xy[1]));
        System.out.println(f.call(33));
        System.out.println(f.call(33, 2));
        Variable[] xyw = T.dscalars("x", "y", "w");
        Variable z = xyw[0].add(xyw[1]).mul(xyw[2]);
        Function g = Theano.function(
                List.of(xyw[0], In.of(xyw[1]).value(1), In.of(xyw[2]).value(2).name("w_by_name")), z);
        System.out.println(g.call(33));
        System.out.println(g.call(33, 2));
        System.out.println(g.call(33, 0, 1));
        System.out.println(g.callKw(Map.of("w_by_name", 1), 33));
        System.out.println(g.callKw(Map.of("w_by_name", 1, "y", 0), 33));
    }

    static void sharedVariables() {
        section("Using shared variables");
        SharedVariable state = Theano.shared(0);
        Variable inc = T.iscalar("inc");
        Function accumulator = Theano.function(List.of(inc), state, Theano.options().update(state, state.add(inc)));
        System.out.println(state.getValue().str());
        System.out.println(accumulator.call(1));
        System.out.println(state.getValue().str());
        System.out.println(accumulator.call(300));
        System.out.println(state.getValue().str());
        state.setValue(-1);
        System.out.println(accumulator.call(3));
        System.out.println(state.getValue().str());
        Function decrementor = Theano.function(List.of(inc), state, Theano.options().update(state, state.sub(inc)));
        System.out.println(decrementor.call(2));
        System.out.println(state.getValue().str());
        Variable fnOfState = state.mul(2).add(inc);
        Variable foo = T.scalar(state.dtype());
        Function skipShared = Theano.function(List.of(inc, foo), fnOfState, Theano.options().givens(state, foo));
        System.out.println(skipShared.call(1, 3));
        System.out.println(state.getValue().str());
    }

    static void copying() {
        section("Copying functions");
        SharedVariable state = Theano.shared(0);
        Variable inc = T.iscalar("inc");
        Function accumulator = Theano.function(List.of(inc), state, Theano.options().update(state, state.add(inc)));
        System.out.println(accumulator.call(10));
        System.out.println(state.getValue().str());
        SharedVariable newState = Theano.shared(0);
        Function newAccumulator = accumulator.copy(Map.of(state, newState), false);
        System.out.println(newAccumulator.call(100));
        System.out.println(newState.getValue().str());
        System.out.println(state.getValue().str());
        Function nullAccumulator = accumulator.copy(Map.of(), true);
        System.out.println(nullAccumulator.call(9000));
        System.out.println(state.getValue().str());
    }

    static void randomNumbers() {
        section("Using random numbers");
        RandomStreams srng = new RandomStreams(234);
        RandomVariable rvU = srng.uniform(2, 2);
        RandomVariable rvN = srng.normal(2, 2);
        Function f = Theano.function(List.of(), rvU);
        Function g = Theano.function(List.of(), rvN, Theano.options().noDefaultUpdates());   // not updating rv_n.rng
        Function nearlyZeros = Theano.function(List.of(), rvU.add(rvU).sub(T.mul(2, rvU)));
        System.out.println(f.call());          // f_val0
        System.out.println(f.call());          // f_val1, different numbers
        System.out.println(g.call());          // g_val0
        System.out.println(g.call());          // g_val1, the same numbers
        RandomState rngVal = rvU.rng().getValue(true);
        rngVal.seed(89234);                    // seeds the generator
        rvU.rng().setValue(rngVal, true);      // assign back seeded rng
        srng.seed(902340);                     // seeds rv_u and rv_n with different seeds each
        RandomState.State stateAfterV0 = rvU.rng().getValue().getState();
        System.out.println(nearlyZeros.call());
        NDArray v1 = f.call();
        RandomState rng = rvU.rng().getValue(true);
        rng.setState(stateAfterV0);
        rvU.rng().setValue(rng, true);
        NDArray v2 = f.call();                 // v2 != v1
        NDArray v3 = f.call();                 // v3 == v1
        System.out.println("v2 != v1: " + !v2.equals(v1) + ", v3 == v1: " + v3.equals(v1));
    }

    /** The page's two-graph example: a stream's state copied from one graph to another. */
    static void copyingRandomState() {
        section("Copying random state between Theano graphs");
        RandomStreams rng1 = new RandomStreams(123);
        RandomVariable y1 = rng1.uniform(1);
        Function f1 = Theano.function(List.of(), y1);
        RandomStreams rng2 = new RandomStreams(987);
        RandomVariable y2 = rng2.uniform(1);
        Function f2 = Theano.function(List.of(), y2);
        System.out.println(f1.call());         // array([0.72803009])
        System.out.println(f2.call());         // array([0.55056769])
        List<StateUpdate> from = rng1.stateUpdates();
        List<StateUpdate> to = rng2.stateUpdates();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).state().setValue(from.get(i).state().getValue());
        }
        System.out.println(f1.call());         // array([0.59044123])
        System.out.println(f2.call());         // array([0.59044123])
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("## " + title);
    }
}
