package org.theano4j.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.Function;
import org.theano4j.ProfileStats;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.graph.Apply;

/** Theano tutorial "Profiling Theano function" (profiling.txt), in Java. No timing is asserted. */
class ProfilingTest {
    private static final double[] XV = {0.1, 0.2, 0.3};
    private static final double[] YV = {1, 2, 3};
    private static final double[] ZV = {10, 20, 30};

    @Test
    void profileOfTheTutorialFunction() {
        Variable[] xyz = T.dvectors("x", "y", "z");
        Function f = Theano.function(List.of(xyz[0], xyz[1], xyz[2]), List.of(xyz[0].add(xyz[1]).add(xyz[2]).mul(2)),
                Theano.options().profile(true).name("tutorial"));
        // numpy: (np.array([.1, .2, .3]) + [1, 2, 3] + [10, 20, 30]) * 2 -> [22.2 44.4 66.6]
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new double[] {22.2, 44.4, 66.6}, f.callAll(XV, YV, ZV).get(0).toDoubleArray(), 1e-12);
        }
        ProfileStats p = f.profile();
        assertEquals(3, p.callCount());
        assertTrue(p.callSeconds() >= p.nodeSeconds() && p.nodeSeconds() >= 0);
        List<Apply> nodes = f.planNodes();
        assertEquals(nodes.size(), p.nodeTimes().size());
        for (ProfileStats.Entry e : p.nodeTimes()) {
            assertEquals(3, e.calls(), e.name());
        }
        int applies = p.classTimes().stream().mapToInt(ProfileStats.Entry::applies).sum();
        assertEquals(nodes.size(), applies);
        String summary = p.summary();
        assertTrue(summary.startsWith("Function profiling\n"), summary);
        assertTrue(summary.contains("Message: tutorial"), summary);
        assertTrue(summary.contains("Time in 3 calls to Function.call"), summary);
        for (String section : List.of("Class\n---", "Ops\n---", "Apply\n---")) {
            assertTrue(summary.contains(section), summary);
        }
        for (Apply node : nodes) {
            assertTrue(summary.contains(node.op().getClass().getSimpleName()), summary);
            assertTrue(summary.contains(node.op().displayName()), summary);
        }
    }

    @Test
    void everyStepOfAnUnfusedGraphIsCounted() {
        Variable x = T.dvector("x");
        Variable y = T.dot(x, x).add(T.sum(x));
        Function f = Theano.function(List.of(x), y, Theano.options().profile(true));
        assertEquals(14.0 + 6.0, f.call(new double[] {1, 2, 3}).item());
        ProfileStats p = f.profile();
        assertEquals(1, p.callCount());
        assertEquals(f.planNodes().size(), p.opTimes().stream().mapToInt(ProfileStats.Entry::applies).sum());
        assertTrue(p.summary().contains("unnamed function"));
    }

    @Test
    void failedCallsAreNotCountedAndCopiesHaveTheirOwnStats() {
        Variable x = T.dvector("x");
        Variable y = T.dvector("y");
        Function f = Theano.function(List.of(x, y), x.add(y), Theano.options().profile(true));
        f.call(new double[] {1}, new double[] {2});
        assertThrows(IllegalArgumentException.class, () -> f.call(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertEquals(1, f.profile().callCount());
        Function g = f.copy();
        assertEquals(0, g.profile().callCount());
    }

    @Test
    void profileIsUnavailableUnlessRequested() {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), x.mul(2));
        String m = assertThrows(IllegalStateException.class, f::profile).getMessage();
        assertTrue(m.contains("profile(true)"), m);
        assertTrue(Theano.options().profile(true).isProfile());
    }
}
