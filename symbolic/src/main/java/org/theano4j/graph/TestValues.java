package org.theano4j.graph;

import java.util.List;
import org.theano4j.Variable;
import org.theano4j.tensor.Flags;

/**
 * Theano's {@code compute_test_value}: when the flag {@code computeTestValue} is not {@code off},
 * {@link Apply#of} evaluates each new node on its inputs' test values ({@link org.theano4j.Tag})
 * and gives the outputs the results; an error of the evaluation (a shape mismatch) is an
 * {@link IllegalArgumentException} naming the op and the first line of user code on the stack.
 * Off (the default) it costs a property lookup per node.
 */
public final class TestValues {
    private static final String PROPERTY = "theano4j.computeTestValue";
    private static final ThreadLocal<Integer> SUSPENDED = ThreadLocal.withInitial(() -> 0);
    private static final ThreadLocal<Integer> LENIENT = ThreadLocal.withInitial(() -> 0);
    private static final System.Logger LOG = System.getLogger("org.theano4j.testvalue");

    private TestValues() {
    }

    /** The flag's value, {@code off} when it is set nowhere (checked cheaply first) or suspended on this thread. */
    static String mode() {
        if (SUSPENDED.get() > 0) {
            return "off";
        }
        if (System.getProperty(PROPERTY) == null) {
            String env = System.getenv("THEANO4J_FLAGS");
            if (env == null || !env.contains("computeTestValue")) {
                return "off";
            }
        }
        return Flags.get("computeTestValue");
    }

    /** Runs {@code body} with test values off on this thread (graph rewrites: Theano's {@code compute_test_value_opt}). */
    public static <R> R suspended(java.util.function.Supplier<R> body) {
        SUSPENDED.set(SUSPENDED.get() + 1);
        try {
            return body.get();
        } finally {
            SUSPENDED.set(SUSPENDED.get() - 1);
        }
    }

    /**
     * Runs {@code body} treating missing test values as {@code ignore} on this thread (present ones
     * are still computed): scan's inner graph, whose step arguments are placeholders without values.
     */
    public static <R> R lenient(java.util.function.Supplier<R> body) {
        LENIENT.set(LENIENT.get() + 1);
        try {
            return body.get();
        } finally {
            LENIENT.set(LENIENT.get() - 1);
        }
    }

    /** Computes the test values of {@code node}'s outputs when the flag is on (see the class doc). */
    static void compute(Apply node) {
        String mode = mode();
        if ("off".equals(mode)) {
            return;
        }
        List<Variable> ins = node.inputs();
        Object[] values = new Object[ins.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOf(ins.get(i));
            if (values[i] == null) {
                missing(mode, node, i);
                return;
            }
        }
        Object[] results;
        try {
            results = node.op().evaluate(values);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("test value computation failed for " + node.op().displayName() + " at "
                    + callerLine() + ": " + e.getMessage(), e);
        }
        for (int k = 0; k < results.length && k < node.outputs().size(); k++) {
            node.output(k).tag().testValue(results[k]);
        }
    }

    private static Object valueOf(Variable v) {
        if (v instanceof Constant c) {
            return c.value();
        }
        if (v instanceof SharedContainer s) {
            return s.currentValue();
        }
        return v.hasTestValue() ? v.tag().testValueOrNull() : null;
    }

    private static void missing(String mode, Apply node, int i) {
        String msg = "Cannot compute test value: input " + i + " (" + node.input(i) + ") of Op " + node.op().displayName()
                + " missing default value (set it with tag().testValue(...)), at " + callerLine();
        if (LENIENT.get() > 0) {
            return;
        }
        if ("raise".equals(mode)) {
            throw new IllegalArgumentException(msg);
        }
        if ("warn".equals(mode)) {
            LOG.log(System.Logger.Level.WARNING, msg);
        }
    }

    /** The first stack frame outside theano4j's own classes, as {@code Class.method(File.java:line)}. */
    static String callerLine() {
        java.security.CodeSource mine = Apply.class.getProtectionDomain().getCodeSource();
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> !library(f.getDeclaringClass(), mine)).findFirst())
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("an unknown line");
    }

    private static boolean library(Class<?> c, java.security.CodeSource mine) {
        String n = c.getName();
        if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.") || n.startsWith("org.theano4j.rng.")) {
            return true;
        }
        java.security.CodeSource cs = c.getProtectionDomain().getCodeSource();
        return mine != null && cs != null && java.util.Objects.equals(mine.getLocation(), cs.getLocation());
    }
}
