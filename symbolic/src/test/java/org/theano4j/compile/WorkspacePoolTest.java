package org.theano4j.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.backend.ReferenceBackend;

/** After a burst of concurrent calls a plan keeps at most as many idle workspaces as can run at once. */
class WorkspacePoolTest {
    private static KernelPlan plan() {
        Variable x = T.dvector("x");
        Variable out = T.exp(T.mul(x, 2));
        GraphSpec g = new GraphSpec(List.of(new InputSpec(x, null, null, "x")), List.of(out), List.of(), List.of());
        return KernelPlan.build(g, new ReferenceBackend());
    }

    @Test
    void idleWorkspacesAreTrimmedAfterABurst() {
        KernelPlan p = plan();
        List<Workspace> busy = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            busy.add(p.acquire());
        }
        busy.forEach(p::release);
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(p.idleWorkspaces() <= cores, p.idleWorkspaces() + " idle workspaces kept on " + cores + " cores");
        assertTrue(p.idleWorkspaces() >= 1);
    }

    @Test
    void aSingleThreadedLoopReusesOneWorkspace() {
        KernelPlan p = plan();
        Workspace first = p.acquire();
        p.release(first);
        for (int i = 0; i < 10; i++) {
            Workspace ws = p.acquire();
            assertSame(first, ws);
            p.release(ws);
        }
        assertEquals(1, p.idleWorkspaces());
    }
}
