package org.theano4j.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.theano4j.gpu.ElementwiseKernelSource.CType;
import org.theano4j.gpu.ElementwiseKernelSource.Indexing;

/** How {@link ElementwiseLayout} merges axes, and that its launch arguments match the rendered parameters. */
class ElementwiseLayoutTest {

    private static final long[] C45 = {5, 1};

    @Test
    void contiguousInputsAreDenseWhateverTheShape() {
        ElementwiseLayout l = ElementwiseLayout.of(new long[] {4, 1, 5}, new long[] {0, 0}, new long[][] {{5, 99, 1}, {5, 5, 1}});
        assertEquals(ElementwiseLayout.contiguous(20, 2), l, "a length-1 axis' stride does not matter");
        assertEquals(new Indexing(0, List.of(false, false)), l.indexing());
    }

    @Test
    void aTransposeKeepsTwoDims() {
        ElementwiseLayout l = ElementwiseLayout.of(new long[] {4, 5}, new long[] {0, 0}, new long[][] {{1, 4}, C45});
        assertArrayEquals(new long[] {4, 5}, l.dims());
        assertArrayEquals(new long[] {1, 4}, l.strides(0));
        assertNull(l.strides(1), "the contiguous input stays dense");
        assertEquals(new Indexing(2, List.of(true, false)), l.indexing());
    }

    @Test
    void aRowSliceIsOneDimAtAnOffset() {
        ElementwiseLayout l = ElementwiseLayout.of(new long[] {4, 5}, new long[] {10}, new long[][] {C45});
        assertArrayEquals(new long[] {20}, l.dims());
        assertArrayEquals(new long[] {1}, l.strides(0));
        assertEquals(10, l.offsets()[0]);
    }

    @Test
    void broadcastsMergeWhatLinesUp() {
        long[] shape = {3, 4, 5};
        ElementwiseLayout rows = ElementwiseLayout.of(shape, new long[] {0}, new long[][] {{0, 5, 1}});
        assertArrayEquals(new long[] {3, 20}, rows.dims(), "a (4, 5) matrix broadcast over the first axis");
        assertArrayEquals(new long[] {0, 1}, rows.strides(0));
        ElementwiseLayout scalar = ElementwiseLayout.of(shape, new long[] {7}, new long[][] {{0, 0, 0}});
        assertArrayEquals(new long[] {60}, scalar.dims(), "a scalar: one dim of stride 0");
        assertArrayEquals(new long[] {0}, scalar.strides(0));
        ElementwiseLayout both = ElementwiseLayout.of(shape, new long[] {0, 0}, new long[][] {{0, 5, 1}, {4, 1, 0}});
        assertArrayEquals(new long[] {3, 4, 5}, both.dims(), "nothing lines up for both");
        ElementwiseLayout reversed = ElementwiseLayout.of(new long[] {4, 5}, new long[] {19}, new long[][] {{-5, -1}});
        assertArrayEquals(new long[] {20}, reversed.dims(), "reversing both axes of a contiguous matrix is one dim");
        assertArrayEquals(new long[] {-1}, reversed.strides(0));
    }

    @Test
    void oneElementIsRankZero() {
        ElementwiseLayout l = ElementwiseLayout.of(new long[] {1, 1}, new long[] {3}, new long[][] {{0, 0}});
        assertEquals(0, l.rank());
        assertTrue(l.strided(0));
        assertEquals(new Indexing(0, List.of(true)), l.indexing());
    }

    @Test
    void rejectsInconsistentLayouts() {
        assertThrows(IllegalArgumentException.class, () -> new ElementwiseLayout(4, new long[] {4}, new long[] {1},
                new long[][] {null}));
        assertThrows(IllegalArgumentException.class, () -> new ElementwiseLayout(4, new long[] {4}, new long[] {0},
                new long[][] {{1, 1}}));
        assertThrows(IllegalArgumentException.class, () -> new Indexing(ElementwiseLayout.MAX_RANK + 1, List.of(true)));
        assertThrows(IllegalArgumentException.class, () -> new Indexing(2, List.of(false)));
    }

    private static final Pattern PARAM = Pattern.compile("const (long long|[a-z ]+\\*) (?:__restrict__ )?(\\w+)");

    /** The parameter list of a rendered kernel: names, in order, with whether each is a pointer. */
    private static List<String> params(String src) {
        String sig = src.substring(src.indexOf('(', src.indexOf("__global__")), src.indexOf(')', src.indexOf("__global__")));
        List<String> out = new java.util.ArrayList<>();
        Matcher m = PARAM.matcher(sig);
        while (m.find()) {
            out.add((m.group(1).endsWith("*") ? "*" : "") + m.group(2));
        }
        out.add("*out");
        return out;
    }

    @Test
    void launchArgumentsLineUpWithTheRenderedParameters() {
        ElementwiseLayout l = ElementwiseLayout.of(new long[] {3, 4, 5}, new long[] {0, 2, 0},
                new long[][] {{20, 5, 1}, {0, 5, 1}, {0, 5, 1}});
        var source = new ElementwiseKernelSource("k", List.of(CType.FLOAT, CType.INT32, CType.BOOL), CType.FLOAT,
                "x0 * (float) x1 + (float) x2");
        String src = source.render(l.indexing());
        List<String> names = params(src);
        Object[] args = l.launchArgs(new Object[] {"p0", "p1", "p2"}, "pout");
        assertEquals(names.size(), args.length, names + " vs " + java.util.Arrays.toString(args));
        for (int i = 0; i < args.length; i++) {
            assertEquals(names.get(i).startsWith("*"), args[i] instanceof String, names.get(i) + " = " + args[i]);
        }
        assertEquals(List.of("n", "d0", "d1", "*in0", "*in1", "o1", "s1_0", "s1_1", "*in2", "o2", "s2_0", "s2_1", "*out"),
                names);
        assertEquals(java.util.Arrays.asList(60L, 3L, 20L, "p0", "p1", 2L, 0L, 1L, "p2", 0L, 0L, 1L, "pout"),
                java.util.Arrays.asList(args), "in0 dense; in1 and in2 a (4, 5) matrix over the batch, in1 at offset 2");
    }

    @Test
    void rendersTheUnravelAndStridedLoads() {
        var source = new ElementwiseKernelSource("k", List.of(CType.DOUBLE, CType.DOUBLE), CType.DOUBLE, "x0 + x1");
        String three = source.render(new Indexing(3, List.of(false, true)));
        assertTrue(three.contains("const long long c2 = rest % d2;"), three);
        assertTrue(three.contains("const long long c0 = rest;"), three);
        assertTrue(three.contains("const double x0 = in0[i];"), three);
        assertTrue(three.contains("const double x1 = in1[o1 + c0 * s1_0 + c1 * s1_1 + c2 * s1_2];"), three);
        String one = source.render(new Indexing(1, List.of(true, true)));
        assertTrue(one.contains("const long long c0 = i;"), one);
        assertFalse(one.contains("long long rest"), one);
        String zero = source.render(new Indexing(0, List.of(true, false)));
        assertTrue(zero.contains("const double x0 = in0[o0];"), zero);
        assertEquals(source.render(), source.render(Indexing.contiguous(2)));
        assertFalse(source.render().contains("c0 ="), "the contiguous variant does no index arithmetic");
    }
}
