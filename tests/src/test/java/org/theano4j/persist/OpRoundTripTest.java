package org.theano4j.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theano4j.Function;
import org.theano4j.SharedVariable;
import org.theano4j.T;
import org.theano4j.Theano;
import org.theano4j.Variable;
import org.theano4j.op.Composite;
import org.theano4j.op.Elemwise;
import org.theano4j.op.ScalarCast;
import org.theano4j.op.ScalarExpr;
import org.theano4j.op.ScalarFn;
import org.theano4j.op.ScalarOp;
import org.theano4j.rng.RandomStreams;
import org.theano4j.rng.SharedRandomState;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Every row of {@link OpRows}, in both modes, saved and loaded in this JVM: the loaded function
 * has the same optimized graph and summary, computes the same outputs bit for bit over two calls
 * and ends with the same shared values. The table must hold every op class of the library and
 * every scalar function, so an op added later without a row fails here.
 */
class OpRoundTripTest {
    private static final List<String> MODES = List.of("FAST_COMPILE", "FAST_RUN");

    static Stream<Arguments> rows() {
        return OpRows.all().stream().flatMap(r -> MODES.stream().map(m -> Arguments.of(r, m)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("rows")
    void roundTrips(OpRows.Row row, String mode, @TempDir Path dir) {
        Function f = row.build().with(Theano.options().mode(mode));
        Function g = saveAndLoad(f, dir);
        assertEquals(f.debugprint(), g.debugprint(), "optimized graph");
        assertEquals(f.toString(), g.toString(), "summary");
        for (int call = 0; call < 2; call++) {
            SameBits.assertSame(row + " call " + call, f.callAll(row.args()), g.callAll(row.args()));
        }
        assertEquals(f.sharedState().size(), g.sharedState().size());
        f.sharedVariables().forEach((name, v) -> SameBits.assertSame(name, v.getValue(), g.sharedVariables().get(name).getValue()));
    }

    @Test
    void theTableHoldsEveryOpClassAndScalarFunction(@TempDir Path dir) {
        Set<Class<?>> ops = new HashSet<>();
        Set<ScalarFn> fns = new HashSet<>();
        for (OpRows.Row row : OpRows.all()) {
            for (String mode : MODES) {
                for (Object op : OpRows.opsOf(saveAndLoad(row.build().with(Theano.options().mode(mode)), dir))) {
                    ops.add(op.getClass());
                    scalarFunctions(op, fns);
                }
            }
        }
        List<Class<?>> missing = new ArrayList<>(LibraryOps.all());
        missing.removeAll(ops);
        assertTrue(missing.isEmpty(), "op classes without a row in OpRows: " + missing);
        Set<ScalarOp> missingFns = EnumSet.allOf(ScalarOp.class);
        missingFns.removeAll(fns);
        assertTrue(missingFns.isEmpty(), "scalar functions without a row: " + missingFns);
        for (DType d : DType.values()) {
            assertTrue(d.isComplex() || fns.contains(new ScalarCast(d)), "no cast to " + d);
        }
        assertTrue(ops.contains(Composite.class) && LibraryOps.all().size() >= 30, "the scan found " + LibraryOps.all());
    }

    @Test
    void aLoadedPrintWritesToSystemOutAsTheSavedOneDid(@TempDir Path dir) {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.print("x is", x).sum());
        Function g = saveAndLoad(f, dir);
        assertEquals(captured(f), captured(g));
        assertTrue(captured(g).contains("x is __str__ = [1. 2.]"), captured(g));
    }

    @Test
    void loadedSharedVariablesAreFreshAndReachableByName(@TempDir Path dir) {
        SharedVariable w = Theano.shared(new double[] {1, 2}, "w");
        Function f = Theano.function(List.of(), w.sum(), Theano.options().update(w, w.mul(2)));
        Function g = saveAndLoad(f, dir);
        SharedVariable loaded = g.sharedVariables().get("w");
        assertTrue(loaded != w, "a load makes new shared variables");
        g.call();
        SameBits.assertSame("w after the loaded call", NDArray.of(new double[] {2, 4}), loaded.getValue());
        SameBits.assertSame("w is untouched", NDArray.of(new double[] {1, 2}), w.getValue());
    }

    @Test
    void sharedVariablesByNameNeedDistinctNamesAndSharedStateListsEveryContainer(@TempDir Path dir) {
        SharedVariable a = Theano.shared(1.0, "w");
        SharedVariable b = Theano.shared(2.0, "w");
        SharedVariable unnamed = Theano.shared(3.0);
        Function f = saveAndLoad(Theano.function(List.of(), a.add(b).add(unnamed).add(new RandomStreams(1).uniform())), dir);
        IllegalStateException e = assertThrows(IllegalStateException.class, f::sharedVariables);
        assertTrue(e.getMessage().contains("two shared variables named 'w'"), e.getMessage());
        assertEquals(4, f.sharedState().size());
        assertEquals(1, f.sharedState().stream().filter(v -> v instanceof SharedRandomState).count(), f.sharedState().toString());
    }

    @Test
    void aFunctionLoadsOntoAnotherDevice(@TempDir Path dir) {
        Variable x = T.dvector("x");
        Function f = Theano.function(List.of(x), T.tanh(x).sum());
        Path file = dir.resolve("f.t4j");
        f.save(file);
        Function g = Theano.load(file, "reference");
        assertTrue(g.backendName().startsWith("reference"), g.backendName());
        assertTrue(f.call(OpRows.X).allClose(g.call(OpRows.X), 1e-15, 0));
        assertThrows(IllegalArgumentException.class, () -> Theano.load(file, null));
    }

    private static String captured(Function f) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            f.call(new double[] {1, 2});
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void scalarFunctions(Object op, Set<ScalarFn> fns) {
        if (op instanceof Elemwise e) {
            fns.add(e.fn());
        } else if (op instanceof Composite c) {
            walk(c.expr(), fns);
        }
    }

    private static void walk(ScalarExpr e, Set<ScalarFn> fns) {
        if (e instanceof ScalarExpr.Call call) {
            fns.add(call.fn());
            call.args().forEach(a -> walk(a, fns));
        }
    }

    static Function saveAndLoad(Function f, Path dir) {
        Path file = dir.resolve("f.t4j");
        f.save(file);
        return Theano.load(file);
    }
}
