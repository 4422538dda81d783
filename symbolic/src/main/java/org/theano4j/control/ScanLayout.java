package org.theano4j.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of a {@link ScanOp} sits among its inputs and outputs.
 *
 * <p>Loop outputs are the step outputs the loop stacks: the user's outputs, then the tensor
 * shared variables updated in the loop (their update is the last row). A recurrent loop output
 * (non-empty taps) is stored as one buffer of {@code window + steps} rows whose first
 * {@code window} rows are the initial value; a plain one as {@code steps} rows. Carried states
 * are the non-tensor shared states updated in the loop (random generators): carried from step to
 * step, only their final value is an output.
 *
 * <ul>
 *   <li>outer inputs: {@code [nSteps, sequences, windows (one per recurrent loop output),
 *       carried states, parameters]};
 *   <li>inner inputs: {@code [sequence slices, tap values (per recurrent output, per tap),
 *       parameters]} (carried states appear in the step graph as themselves);
 *   <li>inner outputs: {@code [loop outputs, carried states' new values, condition (until only)]};
 *   <li>outer outputs: {@code [loop outputs (buffers or stacks), carried states' final values]}.
 * </ul>
 *
 * @param nSeqs number of sequence slices (one per sequence and tap)
 * @param taps per loop output, its taps (empty: a plain output)
 * @param nCarried number of carried states
 * @param nParams number of parameters (non-sequences, explicit and implicit)
 * @param until whether the step also returns a stopping condition
 */
record ScanLayout(int nSeqs, List<List<Integer>> taps, int nCarried, int nParams, boolean until) {
    ScanLayout {
        taps = taps.stream().map(List::copyOf).toList();
    }

    int nLoop() {
        return taps.size();
    }

    boolean isRecurrent(int j) {
        return !taps.get(j).isEmpty();
    }

    /** The rows of initial value that loop output {@code j} reads ({@code max |tap|}; 0 for a plain output). */
    int window(int j) {
        int m = 0;
        for (int k : taps.get(j)) {
            m = Math.max(m, -k);
        }
        return m;
    }

    /** The recurrent loop outputs, in order. */
    List<Integer> recurrent() {
        List<Integer> r = new ArrayList<>();
        for (int j = 0; j < nLoop(); j++) {
            if (isRecurrent(j)) {
                r.add(j);
            }
        }
        return r;
    }

    int nTapInputs() {
        return taps.stream().mapToInt(List::size).sum();
    }

    /** The number of taps of the loop outputs {@code js}. */
    int nTapInputsOf(List<Integer> js) {
        return js.stream().mapToInt(j -> taps.get(j).size()).sum();
    }

    /** Inner input index of tap {@code i} of loop output {@code j}. */
    int tapInput(int j, int i) {
        int at = nSeqs;
        for (int q = 0; q < j; q++) {
            at += taps.get(q).size();
        }
        return at + i;
    }

    /** Inner input index of parameter {@code p}. */
    int paramInput(int p) {
        return nSeqs + nTapInputs() + p;
    }

    /** Outer input index of sequence {@code k}. */
    int seqOuter(int k) {
        return 1 + k;
    }

    /** Outer input index of the initial window of recurrent loop output {@code j}. */
    int windowOuter(int j) {
        return 1 + nSeqs + recurrent().indexOf(j);
    }

    /** Outer input index of carried state {@code c}. */
    int carriedOuter(int c) {
        return 1 + nSeqs + recurrent().size() + c;
    }

    /** Outer input index of parameter {@code p}. */
    int paramOuter(int p) {
        return carriedOuter(nCarried) + p;
    }

    int nOuterInputs() {
        return paramOuter(nParams);
    }

    int nInnerInputs() {
        return paramInput(nParams);
    }

    int nInnerOutputs() {
        return nLoop() + nCarried + (until ? 1 : 0);
    }
}
