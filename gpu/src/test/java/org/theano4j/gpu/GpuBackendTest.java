package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.backend.Backends;
import org.theano4j.graph.Apply;
import org.theano4j.op.Composite;
import org.theano4j.op.Dot;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarOp;
import org.theano4j.tensor.DType;

/** The backend's host-side behaviour: registration, and what it does without a GPU. */
class GpuBackendTest {

    private final GpuBackend backend = new GpuBackend();

    @Test
    void servesCudaAndReportsGpuAvailabilitysReason() {
        assertEquals("cuda", backend.device());
        assertEquals("cuda", backend.name());
        String reason = GpuAvailability.reason();
        assertEquals(reason.isEmpty() ? Optional.empty() : Optional.of(reason), backend.unavailableReason());
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(Backends.all().stream().anyMatch(b -> b instanceof GpuBackend), Backends.all().toString());
    }

    @Test
    void withoutAGpuEveryNodeGetsNoKernel() {
        assumeFalse(GpuAvailability.isAvailable(), "a GPU is available here");
        Variable x = T.dmatrix("x");
        Variable v = T.dvector("v");
        List<Apply> nodes = List.of(
                Apply.of(new Composite(Exprs.logistic(DType.FLOAT64), 1), List.of(x)),
                Apply.of(new Elemwise(ScalarOp.EXP), List.of(x)),
                Apply.of(new Dot(), List.of(x, v)),
                Apply.of(new org.theano4j.op.Reduce(org.theano4j.op.Reduce.Kind.SUM, List.of(0)), List.of(x)),
                Apply.of(new org.theano4j.op.Softmax(), List.of(x)));
        for (Apply node : nodes) {
            assertNull(backend.kernelFor(node), node.toString());
        }
    }

    @Test
    void compilingForCudaWithoutAGpuSaysWhy() {
        assumeFalse(GpuAvailability.isAvailable(), "a GPU is available here");
        Variable x = T.dmatrix("x");
        Variable s = T.div(1, T.add(1, T.exp(T.neg(x))));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Theano.function(List.of(x), s, Theano.options().device("cuda")));
        assertTrue(e.getMessage().contains("cuda: " + GpuAvailability.reason()), e.getMessage());
    }
}
