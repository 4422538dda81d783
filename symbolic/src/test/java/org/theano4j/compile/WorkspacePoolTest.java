package org.theano4j.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.theano4j.T;
import org.theano4j.Variable;
import org.theano4j.backend.ReferenceBackend;

/** After a burst of concurrent calls a pool keeps at most as many idle items as can run at once. */
class WorkspacePoolTest {
    private static KernelPlan plan() {
        Variable x = T.dvector("x");
        Variable out = T.exp(T.mul(x, 2));
        GraphSpec g = new GraphSpec(List.of(new InputSpec(x, null, null, "x")), List.of(out), List.of(), List.of());
        return KernelPlan.build(g, new ReferenceBackend());
    }

    @Test
    void idleItemsAreTrimmedAfterABurst() {
        KernelPlan p = plan();
        AtomicInteger closed = new AtomicInteger();
        Pool<Workspace> pool = new Pool<>(p::newWorkspace, ws -> closed.incrementAndGet());
        List<Workspace> busy = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            busy.add(pool.acquire());
        }
        busy.forEach(pool::release);
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(pool.idleCount() <= cores, pool.idleCount() + " idle workspaces kept on " + cores + " cores");
        assertTrue(pool.idleCount() >= 1);
        int idle = pool.idleCount();
        pool.close();
        assertEquals(idle, closed.get(), "closing releases every idle item");
        assertThrows(IllegalStateException.class, pool::acquire);
        pool.release(busy.get(0));
        assertEquals(idle + 1, closed.get(), "an item given back after close is released");
    }

    @Test
    void aSingleThreadedLoopReusesOneItem() {
        KernelPlan p = plan();
        Pool<Workspace> pool = new Pool<>(p::newWorkspace, Workspace::close);
        Workspace first = pool.acquire();
        pool.release(first);
        for (int i = 0; i < 10; i++) {
            Workspace ws = pool.acquire();
            assertSame(first, ws);
            pool.release(ws);
        }
        assertEquals(1, pool.idleCount());
    }
}
