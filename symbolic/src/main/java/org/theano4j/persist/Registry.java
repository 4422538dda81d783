package org.theano4j.persist;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.theano4j.graph.TensorType;
import org.theano4j.graph.Type;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * The classes a function file may name: this module's op, graph and API packages, the packages
 * of every {@link CodecProvider} on the class path, and the boxed numbers and strings of
 * {@code java.lang}. Anything else is refused on save and on load, so a file can only rebuild
 * public records and enums that a module registered (never an arbitrary class), besides the
 * scalars, dtypes, tensor types and arrays the codec writes itself.
 */
final class Registry {
    private static final Set<String> SYMBOLIC = Set.of("org.theano4j", "org.theano4j.graph", "org.theano4j.op", "org.theano4j.op.nnet",
            "org.theano4j.control");
    /** Classes written by the codec itself rather than as records or enums. */
    private static final List<Class<?>> BUILT_IN = List.of(Boolean.class, Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, String.class, DType.class, TensorType.class, NDArray.class);
    private static final Registry INSTANCE = new Registry();

    private final Map<String, MethodHandles.Lookup> byPackage = new HashMap<>();
    private final Map<Class<?>, RecordCodec> records = new ConcurrentHashMap<>();

    private Registry() {
        MethodHandles.Lookup own = MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PACKAGE);
        SYMBOLIC.forEach(p -> byPackage.put(p, own));
        for (CodecProvider p : ServiceLoader.load(CodecProvider.class, Registry.class.getClassLoader())) {
            p.packages().forEach(pkg -> byPackage.putIfAbsent(pkg, p.lookup()));
        }
    }

    /**
     * The class a value declared as {@code declared} has when the file gives no class tag: the
     * declared class itself, except that a graph {@link Type} is a tensor type
     * unless tagged (most variables are tensors, so their types stay short).
     */
    static Class<?> untagged(Class<?> declared) {
        return declared == Type.class ? TensorType.class : declared;
    }

    /** The registry of this class path. */
    static Registry get() {
        return INSTANCE;
    }

    /** The class saved as {@code name}; an {@link IllegalArgumentException} when this build does not have it or may not rebuild it. */
    Class<?> resolve(String name) {
        for (Class<?> c : BUILT_IN) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        int dot = name.lastIndexOf('.');
        MethodHandles.Lookup lookup = dot < 0 ? null : byPackage.get(name.substring(0, dot));
        if (lookup == null) {
            throw new IllegalArgumentException("the file names class '" + name + "', which is in no package registered for saved"
                    + " functions (registered: " + new TreeSet<>(byPackage.keySet()) + ")");
        }
        Class<?> c;
        try {
            c = lookup.findClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the file names '" + name + "', which this build of theano4j does not have"
                    + " (an op or type of another version or module)");
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("the file names '" + name + "', which is not a public class");
        }
        checkData(c, "the file names");
        return c;
    }

    /** Throws unless values of {@code c} may be saved: a built-in class, or a public record or enum of a registered package. */
    void checkSavable(Class<?> c, String where) {
        if (!BUILT_IN.contains(c)) {
            if (!byPackage.containsKey(c.getPackageName())) {
                throw new IllegalArgumentException(where + " is a " + c.getName() + ", whose package is not registered for saved"
                        + " functions (its module needs a " + CodecProvider.class.getName() + ")");
            }
            checkData(c, where + " is");
        }
    }

    private static void checkData(Class<?> c, String where) {
        if (!c.isRecord() && !c.isEnum()) {
            throw new IllegalArgumentException(where + " " + c.getName() + ", which is neither a record nor an enum: only data"
                    + " is saved (code such as a lambda or a callback cannot be)");
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            throw new IllegalArgumentException(where + " " + c.getName() + ", which is not public");
        }
    }

    /** How to read and build records of {@code c} (a checked, registered record class). */
    RecordCodec record(Class<?> c) {
        return records.computeIfAbsent(c, k -> RecordCodec.of(k, lookupFor(k)));
    }

    private MethodHandles.Lookup lookupFor(Class<?> c) {
        MethodHandles.Lookup l = byPackage.get(c.getPackageName());
        if (l == null) {
            throw new IllegalArgumentException(c.getName() + " is in no package registered for saved functions");
        }
        return l;
    }
}
