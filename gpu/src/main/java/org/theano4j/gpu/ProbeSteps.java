package org.theano4j.gpu;

import java.util.concurrent.Callable;

/**
 * Runs the GPU probe's steps in order, turning the first failure into one line that names the
 * step: a {@link CudaException}, a missing library or symbol ({@link LinkageError}, including an
 * {@link ExceptionInInitializerError} from a class that failed to initialise) or any runtime
 * exception. Nothing escapes as an error, so a broken install never surfaces later as a
 * {@link NoClassDefFoundError} without a reason.
 */
final class ProbeSteps {

    /** The first failed step, as the one-line reason. */
    static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private ProbeSteps() {
    }

    /**
     * Runs one step.
     *
     * @param step what it does, e.g. {@code module load}
     * @param body the work
     * @param <T> its result
     * @return the result
     * @throws Unusable naming the step and what went wrong
     */
    static <T> T step(String step, Callable<T> body) {
        try {
            return body.call();
        } catch (Unusable u) {
            throw u;
        } catch (Exception | LinkageError e) {
            throw new Unusable(step + ": " + describe(e));
        }
    }

    /**
     * @param reason why the GPU cannot be used
     * @return the failure to throw
     */
    static Unusable fail(String reason) {
        return new Unusable(oneLine(reason));
    }

    /** The exception and, for wrappers such as ExceptionInInitializerError, the cause that says why. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root instanceof ExceptionInInitializerError || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        String what = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        String kind = root instanceof CudaException ? "" : root.getClass().getSimpleName() + ": ";
        return oneLine(root == e ? kind + what : e.getClass().getSimpleName() + " caused by " + kind + what);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
