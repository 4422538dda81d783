package org.theano4j.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.theano4j.tensor.DType;

/**
 * Liveness-based buffer planning over the steps of a plan without lazy branches. The non-root
 * outputs of kernel steps own buffers; a value computed by an op's own evaluation (a view such
 * as DimShuffle, Reshape or Subtensor, or anything else that might alias its inputs) keeps every
 * buffer its inputs may alias alive, so a buffer is dead only once every view of it is dead.
 * Buffers are numbered groups, one dtype each: a dead group is reused by a later step's output
 * of that dtype (the group's memory grows to the largest size asked). An elementwise step may
 * write into an input buffer that dies at that step ({@code Composite}/{@code Elemwise} read
 * and write each position once, so aliasing is safe); graph inputs, shared state, constants and
 * views are never written, since they own no planned buffer.
 */
final class BufferPlan {
    private BufferPlan() {
    }

    /** Assigns groups and in-place inputs to {@code steps}; returns the number of groups. */
    static int assign(Step[] steps, int nSlots, int[] rootSlots) {
        BitSet[] owners = new BitSet[nSlots];
        BitSet planned = new BitSet(nSlots);
        for (Step s : steps) {
            for (int k = 0; k < s.out.length; k++) {
                owners[s.out[k]] = new BitSet();
                if (s.hasKernel() && !s.isRoot()) {
                    planned.set(s.out[k]);
                    owners[s.out[k]].set(s.out[k]);
                } else if (!s.hasKernel()) {
                    for (int in : s.in) {
                        if (owners[in] != null) {
                            owners[s.out[k]].or(owners[in]);
                        }
                    }
                }
            }
        }
        int[] lastUse = lastUses(steps, owners, nSlots, rootSlots);
        return groups(steps, planned, owners, lastUse);
    }

    private static int[] lastUses(Step[] steps, BitSet[] owners, int nSlots, int[] rootSlots) {
        int[] last = new int[nSlots];
        Arrays.fill(last, -1);
        for (int i = 0; i < steps.length; i++) {
            for (int in : steps[i].in) {
                mark(owners[in], last, i);
            }
        }
        for (int r : rootSlots) {
            mark(owners[r], last, Integer.MAX_VALUE);
        }
        return last;
    }

    private static void mark(BitSet owners, int[] last, int step) {
        if (owners != null) {
            for (int o = owners.nextSetBit(0); o >= 0; o = owners.nextSetBit(o + 1)) {
                last[o] = Math.max(last[o], step);
            }
        }
    }

    /** One live buffer: the slot that owns it now, the group it lives in and its dtype. */
    private record Live(int owner, int group, DType dtype) {
    }

    private static int groups(Step[] steps, BitSet planned, BitSet[] owners, int[] lastUse) {
        List<Live> live = new ArrayList<>();
        List<Live> free = new ArrayList<>();
        int nGroups = 0;
        for (int i = 0; i < steps.length; i++) {
            for (int j = live.size() - 1; j >= 0; j--) {
                if (lastUse[live.get(j).owner()] < i) {
                    free.add(live.remove(j));
                }
            }
            Step s = steps[i];
            int inplace = inPlaceInput(s, i, planned, owners, lastUse);
            for (int k = 0; k < s.out.length; k++) {
                int slot = s.out[k];
                if (!planned.get(slot)) {
                    continue;
                }
                DType dtype = s.outDType(k);
                if (k == 0 && inplace >= 0) {
                    Live donor = find(live, s.in[inplace]);
                    live.remove(donor);
                    live.add(new Live(slot, donor.group(), dtype));
                    s.planOutput(k, donor.group(), inplace);
                    continue;
                }
                Live reused = take(free, dtype);
                int group = reused != null ? reused.group() : nGroups++;
                live.add(new Live(slot, group, dtype));
                s.planOutput(k, group, -1);
            }
        }
        return nGroups;
    }

    /**
     * The input a step may overwrite ({@link org.theano4j.graph.Op#mayOverwrite}): a planned buffer (not a view) of the output's
     * dtype that dies here and that no other operand of the step reads through a view (writing
     * position i while a transposed or reversed view still has to read it would corrupt that read).
     * Later steps cannot see it: every view's reads count as reads of the buffer it aliases.
     */
    private static int inPlaceInput(Step s, int index, BitSet planned, BitSet[] owners, int[] lastUse) {
        if (s.out.length != 1 || !planned.get(s.out[0])) {
            return -1;
        }
        for (int k = 0; k < s.in.length; k++) {
            int slot = s.in[k];
            boolean ownBuffer = planned.get(slot) && owners[slot].cardinality() == 1;
            if (ownBuffer && s.node.op().mayOverwrite(k) && lastUse[slot] == index && s.node.input(k).dtype() == s.outDType(0)
                    && !readThroughView(s, slot, owners)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether an operand of {@code s} other than {@code slot} itself may alias {@code slot}'s buffer. */
    private static boolean readThroughView(Step s, int slot, BitSet[] owners) {
        for (int in : s.in) {
            if (in != slot && owners[in] != null && owners[in].get(slot)) {
                return true;
            }
        }
        return false;
    }

    private static Live find(List<Live> live, int owner) {
        for (Live l : live) {
            if (l.owner() == owner) {
                return l;
            }
        }
        throw new IllegalStateException("no live buffer for slot " + owner);
    }

    private static Live take(List<Live> free, DType dtype) {
        for (int j = 0; j < free.size(); j++) {
            if (free.get(j).dtype() == dtype) {
                return free.remove(j);
            }
        }
        return null;
    }
}
