package org.theano4j;

import java.nio.file.Path;
import java.util.List;
import org.theano4j.compile.FunctionCompiler;
import org.theano4j.graph.TensorType;
import org.theano4j.persist.FunctionFile;
import org.theano4j.tensor.NDArray;

/** The entry points of {@code import theano}: shared variables, options and compiled functions. */
public final class Theano {
    private Theano() {
    }

    /** A shared variable holding a copy of {@code value} (Number, Java array or NDArray). */
    public static SharedVariable shared(Object value) {
        return shared(value, null, false);
    }

    /** A named shared variable holding a copy of {@code value}. */
    public static SharedVariable shared(Object value, String name) {
        return shared(value, name, false);
    }

    /**
     * A named shared variable; with {@code borrow} an NDArray value is used without a copy.
     * Java ints and longs give int64, doubles float64; no axis is broadcastable.
     */
    public static SharedVariable shared(Object value, String name, boolean borrow) {
        NDArray v = value instanceof NDArray a ? (borrow ? a : a.copy()) : NDArray.fromObject(value);
        return new SharedVariable(TensorType.of(v.dtype(), v.ndim()), v, name);
    }

    /**
     * Saves the values of {@code vars} to {@code file} as a numpy {@code .npz} archive, one array
     * per variable under its name (every variable needs a distinct name); one consistent state.
     */
    public static void saveShared(Path file, List<SharedVariable> vars) {
        SharedStore.save(file, vars);
    }

    /**
     * Sets each of {@code vars} to the array saved under its name in {@code file} (a {@code .npz}
     * from {@link #saveShared} or numpy's {@code np.savez}); a missing name or a value of another
     * dtype or rank is an {@link IllegalArgumentException} and then no variable changes.
     */
    public static void loadShared(Path file, List<SharedVariable> vars) {
        SharedStore.load(file, vars);
    }

    /**
     * Loads a function saved with {@link Function#save} (Theano's unpickling of a function): it
     * computes what the saved one did, bit for bit, and applies the same updates. Its shared
     * variables and random states are new objects holding the saved values, not the saving JVM's
     * (reach them with {@link Function#sharedVariables()}). A file that is not a function file, is
     * corrupt or truncated, has a newer format version, or names an op this build lacks is an
     * {@link IllegalArgumentException}.
     */
    public static Function load(Path file) {
        return FunctionFile.load(file, null);
    }

    /**
     * Like {@link #load(Path)}, run on {@code device} instead of the saved one ({@code "cpu"} for a
     * function saved on {@code "cuda"} where there is no GPU). The graph is the same; results are
     * bit for bit those of the saving JVM only on the same backend.
     */
    public static Function load(Path file, String device) {
        if (device == null) {
            throw new IllegalArgumentException("load: device must be \"cpu\", \"cuda\" or a backend name, got null");
        }
        return FunctionFile.load(file, device);
    }

    /** Empty function options, to chain {@code .update(...)}, {@code .givens(...)} and so on. */
    public static FunctionOptions options() {
        return new FunctionOptions();
    }

    /** Compiles a function of {@code inputs} (Variables or {@link In}s) returning one output. */
    public static Function function(List<?> inputs, Variable output) {
        return function(inputs, output, options());
    }

    /** Compiles a function returning several outputs. */
    public static Function function(List<?> inputs, List<? extends Variable> outputs) {
        return function(inputs, outputs, options());
    }

    /** Compiles a function returning one output, with options. */
    public static Function function(List<?> inputs, Variable output, FunctionOptions options) {
        return FunctionCompiler.compile(inputs, List.of(output), true, options);
    }

    /** Compiles a function returning one output given as an {@link Out} (its borrow option), Theano's {@code function(ins, Out(y, borrow=True))}. */
    public static Function function(List<?> inputs, Out output) {
        return function(inputs, output, options());
    }

    /** Like {@link #function(List, Out)}, with options. */
    public static Function function(List<?> inputs, Out output, FunctionOptions options) {
        Function f = FunctionCompiler.compile(inputs, List.of(output.variable()), true, options);
        return f.borrowing(new boolean[] {output.borrow()});
    }

    /** Compiles a function returning several outputs given as {@link Out}s ({@code Out.of(v)} for plain ones). */
    public static Function function(List<?> inputs, Out[] outputs) {
        return function(inputs, outputs, options());
    }

    /** Like {@link #function(List, Out[])}, with options. */
    public static Function function(List<?> inputs, Out[] outputs, FunctionOptions options) {
        boolean[] borrow = new boolean[outputs.length];
        Variable[] vs = new Variable[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == null) {
                throw new IllegalArgumentException("function: output " + i + " is null");
            }
            vs[i] = outputs[i].variable();
            borrow[i] = outputs[i].borrow();
        }
        return FunctionCompiler.compile(inputs, List.of(vs), false, options).borrowing(borrow);
    }

    /** Compiles a function returning several outputs, with options. */
    public static Function function(List<?> inputs, List<? extends Variable> outputs, FunctionOptions options) {
        return FunctionCompiler.compile(inputs, List.copyOf(outputs), false, options);
    }
}
