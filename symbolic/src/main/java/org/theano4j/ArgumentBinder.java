package org.theano4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.compile.ArgConverter;
import org.theano4j.compile.InputSpec;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.NDArray;

/**
 * Binds a call's positional and keyword arguments to a function's inputs: converts each to its
 * input's type (an array of exactly that type passes as is, a Java scalar for a 0-d input goes
 * into the frame's buffer), fills in defaults, and names the input in every error.
 */
final class ArgumentBinder {
    private final List<InputSpec> ins;
    private final Map<String, Integer> keywords = new HashMap<>();
    private final String name;

    ArgumentBinder(List<InputSpec> ins, String name) {
        this.ins = ins;
        this.name = name;
        for (int i = 0; i < ins.size(); i++) {
            if (ins.get(i).keyword() != null) {
                keywords.putIfAbsent(ins.get(i).keyword(), i);
            }
        }
    }

    /** Fills {@code ws}'s arguments; an {@link IllegalArgumentException} naming the input when one does not fit. */
    void bind(CallFrame ws, Map<String, ?> keywordArgs, Object[] positional) {
        if (positional.length > ins.size()) {
            throw new IllegalArgumentException(name + " takes at most " + ins.size() + " arguments, got " + positional.length);
        }
        NDArray[] args = ws.frame.args;
        for (int i = 0; i < positional.length; i++) {
            args[i] = convert(ws, i, positional[i], ins.get(i));
        }
        if (!keywordArgs.isEmpty()) {
            bindKeywords(ws, keywordArgs);
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                NDArray def = ins.get(i).defaultValue();
                if (def == null) {
                    throw new IllegalArgumentException(name + ": missing argument for " + ins.get(i).label()
                            + " (" + ins.get(i).variable().type().describe() + ")");
                }
                args[i] = def;
            }
        }
    }

    private void bindKeywords(CallFrame ws, Map<String, ?> keywordArgs) {
        NDArray[] args = ws.frame.args;
        for (Map.Entry<String, ?> e : keywordArgs.entrySet()) {
            Integer i = keywords.get(e.getKey());
            if (i == null) {
                throw new IllegalArgumentException(name + ": unknown keyword argument '" + e.getKey() + "' (known: " + keywords.keySet() + ")");
            }
            if (args[i] != null) {
                throw new IllegalArgumentException(name + ": input '" + e.getKey() + "' is given twice (positionally and by keyword)");
            }
            args[i] = convert(ws, i, e.getValue(), ins.get(i));
        }
    }

    /**
     * The argument as the input's type: an array of exactly that type passes as is, a Java
     * scalar for a 0-d input is written into the workspace's buffer, neither building messages.
     */
    private NDArray convert(CallFrame ws, int index, Object arg, InputSpec in) {
        TensorType type = in.variable().tensorType();
        if (arg instanceof NDArray a && a.isClosed()) {
            throw new IllegalArgumentException(name + " " + in.label() + ": the array was closed (NDArray.close()"
                    + " or its MemoryScope) and cannot be an argument");
        }
        if (arg instanceof NDArray a && type.accepts(a)) {
            return a;
        }
        if (type.ndim() == 0 && (arg instanceof Number || arg instanceof Boolean)) {
            NDArray target = ws.scalarArg(index, type.dtype());
            if (ArgConverter.writeScalar(arg, target)) {
                return target;
            }
        }
        return ArgConverter.convert(arg, type, () -> name + " " + in.label());
    }
}
