package org.theano4j;

/**
 * An input of a function with options (Theano's {@code In}): a default value, a keyword
 * name, and the {@code mutable}/{@code borrow} hints. Immutable; each method returns a copy.
 *
 * <p>{@code mutable} and {@code borrow} are accepted for Theano compatibility and are hints only:
 * a compiled function never writes into its arguments and keeps no reference to them once the
 * call returns (an output that would alias an argument is copied), so either setting is safe
 * and neither changes what a call does today.
 */
public final class In {
    private final Variable variable;
    private final Object value;
    private final boolean hasValue;
    private final String name;
    private final boolean mutable;
    private final boolean borrow;

    private In(Variable variable, Object value, boolean hasValue, String name, boolean mutable, boolean borrow) {
        this.variable = variable;
        this.value = value;
        this.hasValue = hasValue;
        this.name = name;
        this.mutable = mutable;
        this.borrow = borrow;
    }

    /** An input for {@code v} without options. */
    public static In of(Variable v) {
        if (v == null) {
            throw new IllegalArgumentException("In.of: variable is null");
        }
        return new In(v, null, false, v.name(), false, false);
    }

    /** With a default value, used when the argument is not given. */
    public In value(Object defaultValue) {
        return new In(variable, defaultValue, true, name, mutable, borrow);
    }

    /** With the keyword name the function accepts for this input. */
    public In name(String keywordName) {
        return new In(variable, value, hasValue, keywordName, mutable, borrow);
    }

    /** Whether the function may overwrite the argument's memory (a hint: arguments are never written). */
    public In mutable(boolean m) {
        return new In(variable, value, hasValue, name, m, borrow);
    }

    /** Whether the function may keep a reference to the argument's memory (a hint: none is kept after a call). */
    public In borrow(boolean b) {
        return new In(variable, value, hasValue, name, mutable, b);
    }

    /** The symbolic variable. */
    public Variable variable() {
        return variable;
    }

    /** The default value, or null. */
    public Object defaultValue() {
        return value;
    }

    /** Whether a default value was given. */
    public boolean hasDefault() {
        return hasValue;
    }

    /** The keyword name, or null. */
    public String keywordName() {
        return name;
    }

    /** The mutable hint. */
    public boolean isMutable() {
        return mutable;
    }

    /** The borrow hint. */
    public boolean isBorrow() {
        return borrow;
    }
}
