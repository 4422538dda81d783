package org.theano4j.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a reduction of a C-contiguous array reads its elements. Adjacent axes of the same kind
 * (both kept or both reduced) are merged into one group, so the array is seen as a sequence of
 * alternating kept and reduced groups, e.g. {@code (outer, reduced, inner)} for one axis of a
 * matrix's middle. Output element {@code o} (C order over the kept axes, the output's own order)
 * and reduced element {@code r} (C order over the reduced axes) are at input element
 * {@link #keptOffset(long) keptOffset(o)} {@code +} {@link #reducedOffset(long) reducedOffset(r)}; each
 * offset is the sum over its groups of the group's digit of the index times the group's stride.
 * The kernels ({@link ReduceKernelSource}) do the same arithmetic on the same numbers; the number of
 * groups of each kind, the {@link Pattern}, depends only on the rank and the axes, so one compiled
 * kernel serves every shape.
 *
 * @param sizes the merged groups' sizes, in axis order
 * @param reduced whether each group is reduced
 */
record ReduceGeometry(long[] sizes, boolean[] reduced) {

    /**
     * How many groups of each kind a reduction has: what a reduce kernel is compiled for.
     *
     * @param keptGroups merged runs of kept axes
     * @param reducedGroups merged runs of reduced axes
     */
    record Pattern(int keptGroups, int reducedGroups) {

        /** Checks that the counts can alternate: they differ by at most one. */
        Pattern {
            if (keptGroups < 0 || reducedGroups < 0 || Math.abs(keptGroups - reducedGroups) > 1) {
                throw new IllegalArgumentException("kept and reduced groups alternate, got " + keptGroups + " and "
                        + reducedGroups);
            }
        }

        /**
         * @param ndim the input's rank
         * @param axes the reduced axes, each in {@code [0, ndim)}
         * @return the pattern of reducing those axes
         */
        static Pattern of(int ndim, List<Integer> axes) {
            boolean[] r = reducedFlags(ndim, axes);
            int kept = 0;
            int red = 0;
            for (int i = 0; i < ndim; i++) {
                if (i == 0 || r[i] != r[i - 1]) {
                    if (r[i]) {
                        red++;
                    } else {
                        kept++;
                    }
                }
            }
            return new Pattern(kept, red);
        }
    }

    /** Copies the arrays and checks they have equal lengths and alternate in kind. */
    ReduceGeometry {
        sizes = sizes.clone();
        reduced = reduced.clone();
        if (sizes.length != reduced.length) {
            throw new IllegalArgumentException("one reduced flag per group");
        }
        for (int i = 1; i < reduced.length; i++) {
            if (reduced[i] == reduced[i - 1]) {
                throw new IllegalArgumentException("adjacent groups of the same kind are merged: " + Arrays.toString(reduced));
            }
        }
    }

    /**
     * @param shape a C-contiguous input's shape
     * @param axes the reduced axes, each in {@code [0, shape.length)} (order and repeats do not matter)
     * @return the geometry of reducing them
     */
    static ReduceGeometry of(long[] shape, List<Integer> axes) {
        boolean[] r = reducedFlags(shape.length, axes);
        List<Long> sizes = new ArrayList<>();
        List<Boolean> kinds = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0 && r[i] == r[i - 1]) {
                sizes.set(sizes.size() - 1, sizes.getLast() * shape[i]);
            } else {
                sizes.add(shape[i]);
                kinds.add(r[i]);
            }
        }
        boolean[] flags = new boolean[kinds.size()];
        for (int g = 0; g < flags.length; g++) {
            flags[g] = kinds.get(g);
        }
        return new ReduceGeometry(sizes.stream().mapToLong(Long::longValue).toArray(), flags);
    }

    private static boolean[] reducedFlags(int ndim, List<Integer> axes) {
        boolean[] r = new boolean[ndim];
        for (int a : axes) {
            if (a < 0 || a >= ndim) {
                throw new IllegalArgumentException("axis " + a + " out of range for rank " + ndim);
            }
            r[a] = true;
        }
        return r;
    }

    /** @return the group counts the kernel is compiled for */
    Pattern pattern() {
        return new Pattern(keptSizes().length, reducedSizes().length);
    }

    /** @return the sizes of the kept groups, in order (their product is the output's size) */
    long[] keptSizes() {
        return select(sizes, false);
    }

    /** @return the input strides, in elements, of the kept groups */
    long[] keptStrides() {
        return select(strides(), false);
    }

    /** @return the sizes of the reduced groups, in order (their product is the reduced length) */
    long[] reducedSizes() {
        return select(sizes, true);
    }

    /** @return the input strides, in elements, of the reduced groups */
    long[] reducedStrides() {
        return select(strides(), true);
    }

    /** @return the indices of the reduced groups: the axes to reduce of the input seen as {@link #sizes()} */
    List<Integer> reducedGroupAxes() {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < reduced.length; g++) {
            if (reduced[g]) {
                out.add(g);
            }
        }
        return out;
    }

    /** @return output elements: the product of the kept sizes (1 when every axis is reduced) */
    long outputCount() {
        return product(keptSizes());
    }

    /** @return elements reduced into each output: the product of the reduced sizes (1 when none is) */
    long reducedLength() {
        return product(reducedSizes());
    }

    /** @return whether the last group is reduced, so one output's elements are contiguous at the end */
    boolean innermostReduced() {
        return reduced.length > 0 && reduced[reduced.length - 1];
    }

    /**
     * @param o an output element, {@code 0 <= o < outputCount()}
     * @return the input element where its reduction starts
     */
    long keptOffset(long o) {
        return offset(o, keptSizes(), keptStrides());
    }

    /**
     * @param r a reduced element, {@code 0 <= r < reducedLength()}
     * @return its input element relative to the output's start
     */
    long reducedOffset(long r) {
        return offset(r, reducedSizes(), reducedStrides());
    }

    /** The kernels' arithmetic: digits from the last group (fastest) to the first, which takes the rest. */
    private static long offset(long index, long[] sizes, long[] strides) {
        long off = 0;
        long q = index;
        for (int g = sizes.length - 1; g > 0; g--) {
            off += (q % sizes[g]) * strides[g];
            q /= sizes[g];
        }
        return sizes.length == 0 ? 0 : off + q * strides[0];
    }

    /** @return each group's C-order stride in elements in the merged input */
    private long[] strides() {
        long[] s = new long[sizes.length];
        long stride = 1;
        for (int g = sizes.length - 1; g >= 0; g--) {
            s[g] = stride;
            stride *= sizes[g];
        }
        return s;
    }

    private long[] select(long[] values, boolean ofReduced) {
        long[] out = new long[values.length];
        int n = 0;
        for (int g = 0; g < values.length; g++) {
            if (reduced[g] == ofReduced) {
                out[n++] = values[g];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long product(long[] v) {
        long p = 1;
        for (long x : v) {
            p *= x;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReduceGeometry g && Arrays.equals(sizes, g.sizes) && Arrays.equals(reduced, g.reduced);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + Arrays.hashCode(reduced);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ReduceGeometry[");
        for (int g = 0; g < sizes.length; g++) {
            b.append(g == 0 ? "" : ", ").append(reduced[g] ? "R" : "K").append(sizes[g]);
        }
        return b.append(']').toString();
    }
}
