package org.theano4j.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.theano4j.gpu.ElementwiseKernelSource.Indexing;

/**
 * Where an elementwise kernel reads each input, for output element {@code i} (C order over the
 * output). A dense input holds the output's shape in C order from element 0 and is read at
 * {@code i}; a strided one is read at {@code offset + sum_j c_j * strides[j]}, where
 * {@code c_0 .. c_(r-1)} is {@code i} unravelled over {@link #dims} in C order, the strides in
 * elements (0 along broadcast axes, negative along reversed ones). The output's axes of length 1
 * are dropped and adjacent axes that are contiguous for every strided input are merged, so a
 * transposed matrix has two dims, a row broadcast over a batch two, a slice of rows one. The
 * kernels ({@link ElementwiseKernelSource#render(Indexing)}) do the same arithmetic on the same
 * numbers, passed as launch arguments ({@link #launchArgs}); one compiled kernel serves every layout
 * of the same {@link Indexing} (rank and which inputs are strided).
 *
 * @param n the output's element count
 * @param dims the merged output dims, C order; empty when no input is strided
 * @param offsets per input, the element of its memory where element 0 is (0 for dense inputs)
 * @param strides per input, its stride along each of {@code dims} in elements; null for dense inputs
 */
record ElementwiseLayout(long n, long[] dims, long[] offsets, long[][] strides) {

    /** The largest merged rank read strided; beyond it the kernel's inputs are copied to C order instead. */
    static final int MAX_RANK = 8;

    /** Copies the arrays; checks one offset and one stride list (or null) per input, of {@code dims}' length. */
    ElementwiseLayout {
        dims = dims.clone();
        offsets = offsets.clone();
        strides = strides.clone();
        if (offsets.length != strides.length) {
            throw new IllegalArgumentException("one offset and one stride list per input");
        }
        for (int k = 0; k < strides.length; k++) {
            if (strides[k] != null) {
                strides[k] = strides[k].clone();
                if (strides[k].length != dims.length) {
                    throw new IllegalArgumentException("input " + k + " has " + strides[k].length + " strides for "
                            + dims.length + " dims");
                }
            } else if (offsets[k] != 0) {
                throw new IllegalArgumentException("dense input " + k + " starts at element 0");
            }
        }
    }

    /**
     * @param n the output's element count
     * @param arity inputs, all dense
     * @return the layout of a kernel whose inputs all hold the output's shape in C order
     */
    static ElementwiseLayout contiguous(long n, int arity) {
        return new ElementwiseLayout(n, new long[0], new long[arity], new long[arity][]);
    }

    /**
     * @param shape the output's shape
     * @param offsets per input, the element of its memory where its element (0, ..., 0) is
     * @param strides per input, its stride along each axis of {@code shape} in elements
     * @return the merged layout: inputs that are the output's C order from element 0 dense
     */
    static ElementwiseLayout of(long[] shape, long[] offsets, long[][] strides) {
        int arity = offsets.length;
        long n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        long[] c = cStrides(shape);
        boolean[] strided = new boolean[arity];
        boolean any = false;
        for (int k = 0; k < arity; k++) {
            strided[k] = offsets[k] != 0 || !sameAlongLongAxes(shape, strides[k], c);
            any |= strided[k];
        }
        if (!any) {
            return contiguous(n, arity);
        }
        List<Long> dims = new ArrayList<>();
        List<long[]> groups = new ArrayList<>(); // per merged dim, each input's stride: built innermost first
        for (int j = shape.length - 1; j >= 0; j--) {
            if (shape[j] == 1) {
                continue; // a length-1 axis moves no input
            }
            if (!dims.isEmpty() && mergeable(strides, strided, j, dims.getLast(), groups.getLast())) {
                dims.set(dims.size() - 1, dims.getLast() * shape[j]);
            } else {
                long[] s = new long[arity];
                for (int k = 0; k < arity; k++) {
                    s[k] = strided[k] ? strides[k][j] : 0;
                }
                dims.add(shape[j]);
                groups.add(s);
            }
        }
        return outermostFirst(n, dims, groups, offsets, strided);
    }

    /** The layout of merged dims and their strides listed innermost first. */
    private static ElementwiseLayout outermostFirst(long n, List<Long> dims, List<long[]> groups, long[] offsets,
            boolean[] strided) {
        int rank = dims.size();
        int arity = offsets.length;
        long[] merged = new long[rank];
        long[][] perInput = new long[arity][];
        long[] starts = new long[arity];
        for (int k = 0; k < arity; k++) {
            perInput[k] = strided[k] ? new long[rank] : null;
            starts[k] = strided[k] ? offsets[k] : 0;
        }
        for (int g = 0; g < rank; g++) {
            merged[rank - 1 - g] = dims.get(g);
            for (int k = 0; k < arity; k++) {
                if (strided[k]) {
                    perInput[k][rank - 1 - g] = groups.get(g)[k];
                }
            }
        }
        return new ElementwiseLayout(n, merged, starts, perInput);
    }

    /** Whether axis {@code j} of {@code size} lines up, for every strided input, with the group inside it. */
    private static boolean mergeable(long[][] strides, boolean[] strided, int j, long innerSize, long[] inner) {
        for (int k = 0; k < strides.length; k++) {
            if (strided[k] && strides[k][j] != inner[k] * innerSize) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAlongLongAxes(long[] shape, long[] strides, long[] c) {
        for (int j = 0; j < shape.length; j++) {
            if (shape[j] != 1 && strides[j] != c[j]) {
                return false;
            }
        }
        return true;
    }

    /** @return the C-order strides of {@code shape}, in elements */
    static long[] cStrides(long[] shape) {
        long[] s = new long[shape.length];
        long stride = 1;
        for (int j = shape.length - 1; j >= 0; j--) {
            s[j] = stride;
            stride *= shape[j];
        }
        return s;
    }

    /** @return the merged rank */
    int rank() {
        return dims.length;
    }

    /** @return the number of inputs */
    int arity() {
        return offsets.length;
    }

    /** @return whether input {@code k} is read strided */
    boolean strided(int k) {
        return strides[k] != null;
    }

    /** @return the stride list of input {@code k} (a copy), null when dense */
    long[] strides(int k) {
        return strides[k] == null ? null : strides[k].clone();
    }

    /** @return what the kernel is compiled for: the merged rank and which inputs are strided */
    Indexing indexing() {
        List<Boolean> flags = new ArrayList<>(arity());
        for (int k = 0; k < arity(); k++) {
            flags.add(strided(k));
        }
        return new Indexing(rank(), flags);
    }

    /**
     * The launch arguments in the order of the rendered parameters: {@code n}, the dims, then per
     * input its pointer (and, when strided, its offset and strides), then the output's pointer.
     *
     * @param inputs each input's device pointer, as the device passes it
     * @param out the output's pointer
     * @return the arguments, numbers as {@link Long}
     */
    Object[] launchArgs(Object[] inputs, Object out) {
        List<Object> args = new ArrayList<>();
        args.add(n);
        for (long d : dims) {
            args.add(d);
        }
        for (int k = 0; k < arity(); k++) {
            args.add(inputs[k]);
            if (strided(k)) {
                args.add(offsets[k]);
                for (long s : strides[k]) {
                    args.add(s);
                }
            }
        }
        args.add(out);
        return args.toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementwiseLayout l && n == l.n && Arrays.equals(dims, l.dims)
                && Arrays.equals(offsets, l.offsets) && Arrays.deepEquals(strides, l.strides);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) + 31 * Arrays.hashCode(dims) + 961 * Arrays.deepHashCode(strides);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ElementwiseLayout[n=").append(n).append(", dims=").append(Arrays.toString(dims));
        for (int k = 0; k < arity(); k++) {
            b.append(", in").append(k).append(strided(k) ? "@" + offsets[k] + Arrays.toString(strides[k]) : " dense");
        }
        return b.append(']').toString();
    }
}
