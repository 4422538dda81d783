package org.theano4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theano4j.T;
import org.theano4j.Variable;

/** The rebuild driver and the clients index, on small graphs whose answers are known by hand. */
class RebuildTest {
    @Test
    void mergingMakesEqualNodesOne() {
        Variable x = T.dvector("x");
        Variable a = T.exp(x);
        Variable b = T.exp(x);
        List<Variable> out = Rebuild.run(List.of(T.add(a, b), T.mul(b, x)), Map.of(), true, (node, state) -> null);
        Apply add = out.get(0).owner();
        assertSame(add.input(0), add.input(1));
        assertSame(add.input(0), out.get(1).owner().input(0));
        assertEquals(3, Graphs.toposort(out).size()); // exp, add, mul
    }

    @Test
    void withoutMergingOrChangesTheGraphIsShared() {
        Variable x = T.dvector("x");
        Variable y = T.add(T.exp(x), T.exp(x));
        List<Variable> out = Rebuild.run(List.of(y), Map.of(), false, (node, state) -> null);
        assertSame(y, out.get(0));
    }

    @Test
    void aReplacedInputRebuildsItsClientsOnly() {
        Variable x = T.dvector("x");
        Variable z = T.dvector("z");
        Variable kept = T.exp(z);
        Variable y = T.add(T.sin(x), kept);
        Variable w = T.dvector("w");
        Variable out = Graphs.clone(List.of(y), Map.of(x, w)).get(0);
        assertNotSame(y, out);
        assertSame(w, out.owner().input(0).owner().input(0));
        assertSame(kept, out.owner().input(1));
    }

    @Test
    void aRuleReplacesNodesAndLaterNodesReadTheReplacement() {
        Variable x = T.dvector("x");
        Variable y = T.mul(T.neg(x), 3);
        List<Variable> out = Rebuild.run(List.of(y), Map.of(), false,
                (node, state) -> node.op().displayName().contains("neg") ? List.of(state.get(node.input(0))) : null);
        assertSame(x, out.get(0).owner().input(0));
    }

    @Test
    void clientsCountNodeInputsAndOutputs() {
        Variable x = T.dvector("x");
        Variable e = T.exp(x);
        Variable y = T.add(e, e);
        Clients c = Clients.of(List.of(y, e, e));
        assertEquals(2, c.nodeUses(e));
        assertEquals(2, c.outputUses(e));
        assertEquals(4, c.uses(e));
        assertEquals(List.of(y.owner(), y.owner()), c.readers(e));
        assertEquals(1, c.uses(x));
        assertEquals(0, c.nodeUses(y));
    }
}
