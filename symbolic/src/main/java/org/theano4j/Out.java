package org.theano4j;

/**
 * An output of a function with the {@code borrow} option (Theano's {@code Out(variable, borrow)}),
 * given to {@link Theano#function(java.util.List, Out)} or, mixed with plain outputs
 * ({@code Out.of(v)}), to {@link Theano#function(java.util.List, Out[])}.
 *
 * <p>Without borrow a call's outputs are always arrays that nobody else holds: an output that is
 * one of the arguments, a shared variable's value, a constant, or a view of one of those, or of
 * the function's own intermediate buffers, is copied. With {@code borrow = true} that copy is
 * skipped and the returned array may <b>alias</b> memory the caller does not own: the argument
 * itself (or the function's internal 0-d buffer for a Java scalar argument), the shared variable's
 * current value (changed by later updates), the function's constant, or an intermediate buffer of
 * the function that a later call (from any thread) overwrites and {@link Function#close()} frees.
 * Read such an output before the next call or copy it. Outputs that the last step computes into a
 * new array (most outputs) are the same with or without borrow: they are never copied.
 * Borrow flags are not part of a saved function ({@link Function#save}): a loaded one copies.
 */
public final class Out {
    private final Variable variable;
    private final boolean borrow;

    private Out(Variable variable, boolean borrow) {
        this.variable = variable;
        this.borrow = borrow;
    }

    /** An output for {@code v} without borrow (a plain output, for mixing with borrowed ones). */
    public static Out of(Variable v) {
        return of(v, false);
    }

    /** An output for {@code v}; with {@code borrow} the call may return internal memory (see the class doc). */
    public static Out of(Variable v, boolean borrow) {
        if (v == null) {
            throw new IllegalArgumentException("Out.of: variable is null");
        }
        return new Out(v, borrow);
    }

    /** The output variable. */
    public Variable variable() {
        return variable;
    }

    /** Whether the call may return internal memory for this output without copying it. */
    public boolean borrow() {
        return borrow;
    }

    @Override
    public String toString() {
        return "Out(" + variable + (borrow ? ", borrow=true)" : ")");
    }
}
