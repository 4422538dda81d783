package org.theano4j.persist;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Reads what {@link ValueWriter} wrote back into Java values of the declared types: records
 * through their canonical constructors (which validate them, as for any caller), enums by name,
 * {@link PersistentForm}s restored to the objects they stand for. A value that does not fit its
 * declaration, an unknown class or a class that may not be rebuilt is an
 * {@link IllegalArgumentException} saying where it sits.
 */
final class ValueReader {
    private final Registry registry;
    private final Map<String, NDArray> arrays;

    ValueReader(Registry registry, Map<String, NDArray> arrays) {
        this.registry = registry;
        this.arrays = arrays;
    }

    /** The value {@code json} holds, as declared by {@code declared}; {@code vars} resolves variable ids (null: none allowed). */
    Object read(Object json, Type declared, IntFunction<Variable> vars, String where) {
        Class<?> raw = JavaTypes.raw(declared);
        if (json == null) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException(where + ": expected a " + raw + ", the file holds null");
            }
            return null;
        }
        if (Variable.class.isAssignableFrom(raw)) {
            return variable(json, raw, vars, where);
        }
        Class<?> expected = JavaTypes.box(raw);
        if (json instanceof Map<?, ?> m && m.containsKey("class")) {
            Class<?> c = registry.resolve(text(m.get("class"), where + ".class"));
            Object body = c.isRecord() ? without(m, "class") : member(m, "value", where);
            Object v = decode(body, c, c, vars, where);
            if (!expected.isInstance(v)) {
                throw new IllegalArgumentException(where + ": expected a " + expected.getName() + ", the file holds a " + c.getName());
            }
            return v;
        }
        return decode(json, Registry.untagged(expected), declared, vars, where);
    }

    private Object decode(Object json, Class<?> c, Type declared, IntFunction<Variable> vars, String where) {
        if (Scalars.isScalar(c)) {
            return Scalars.read(json, c, where);
        }
        if (c == DType.class) {
            return DType.of(text(json, where));
        }
        if (c.isEnum()) {
            return constant(c, text(json, where), where);
        }
        if (c == TensorType.class) {
            return tensorType(json, where);
        }
        if (c == NDArray.class) {
            return array(json, where);
        }
        if (c == List.class) {
            return Collections.unmodifiableList(elements(json, JavaTypes.element(declared), vars, where));
        }
        if (c.isArray() && json instanceof Map<?, ?>) {
            return PrimitiveArrays.fromArray(array(json, where), c.getComponentType(), where);
        }
        if (c.isArray()) {
            List<Object> items = elements(json, c.getComponentType(), vars, where);
            Object a = Array.newInstance(c.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(a, i, items.get(i));
            }
            return a;
        }
        if (c.isRecord()) {
            return record(json, c, vars, where);
        }
        throw new IllegalArgumentException(where + ": a " + c.getName() + " needs a class tag naming a record or enum");
    }

    private NDArray array(Object json, String where) {
        String name = text(member(json, "array", where), where + ".array");
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException(where + ": the file has no array member " + name + ".npy");
        }
        return a;
    }

    private Object record(Object json, Class<?> c, IntFunction<Variable> vars, String where) {
        registry.checkSavable(c, where);
        RecordCodec codec = registry.record(c);
        if (!(json instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": expected an object for " + c.getName() + ", the file holds " + json);
        }
        RecordComponent[] comps = codec.components();
        Set<Object> names = new LinkedHashSet<>(m.keySet());
        names.remove("class");
        List<String> declaredNames = Arrays.stream(comps).map(RecordComponent::getName).toList();
        if (!names.equals(new LinkedHashSet<>(declaredNames))) {
            throw new IllegalArgumentException(where + ": the file's " + c.getName() + " has fields " + names + " but this build's has "
                    + declaredNames + " (saved by another version)");
        }
        Object[] values = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            values[i] = read(m.get(comps[i].getName()), comps[i].getGenericType(), vars, where + "." + comps[i].getName());
        }
        Object r = codec.build(values, where);
        return r instanceof PersistentForm f ? f.restore() : r;
    }

    private List<Object> elements(Object json, Type element, IntFunction<Variable> vars, String where) {
        if (!(json instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ": expected a list, the file holds " + json);
        }
        List<Object> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(read(l.get(i), element, vars, where + "[" + i + "]"));
        }
        return out;
    }

    private Variable variable(Object json, Class<?> raw, IntFunction<Variable> vars, String where) {
        if (vars == null) {
            throw new IllegalArgumentException(where + ": a variable where no graph can hold it");
        }
        Object id = member(json, "var", where);
        Variable v = vars.apply((Integer) Scalars.read(id, Integer.class, where + ".var"));
        if (!raw.isInstance(v)) {
            throw new IllegalArgumentException(where + ": expected a " + raw.getSimpleName() + ", variable " + id + " is a "
                    + v.getClass().getSimpleName());
        }
        return v;
    }

    private static TensorType tensorType(Object json, String where) {
        DType dtype = DType.of(text(member(json, "dtype", where), where + ".dtype"));
        Object pattern = member(json, "broadcastable", where);
        if (!(pattern instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ".broadcastable: expected a list of booleans, the file holds " + pattern);
        }
        boolean[] b = new boolean[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (Boolean) Scalars.read(l.get(i), Boolean.class, where + ".broadcastable[" + i + "]");
        }
        return new TensorType(dtype, b);
    }

    private static Object constant(Class<?> c, String name, String where) {
        for (Object k : c.getEnumConstants()) {
            if (((Enum<?>) k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(where + ": " + c.getName() + " has no constant " + name + " in this build (it has "
                + Arrays.stream(c.getEnumConstants()).map(k -> ((Enum<?>) k).name()).toList() + ")");
    }

    private static Map<Object, Object> without(Map<?, ?> m, String key) {
        Map<Object, Object> copy = new LinkedHashMap<>(m);
        copy.remove(key);
        return copy;
    }

    /** Member {@code key} of the object {@code json}; an {@link IllegalArgumentException} when absent. */
    static Object member(Object json, String key, String where) {
        if (!(json instanceof Map<?, ?> m) || !m.containsKey(key)) {
            throw new IllegalArgumentException(where + ": expected an object with member '" + key + "', the file holds "
                    + (json == null ? "null" : Json.write(json).strip()));
        }
        return m.get(key);
    }

    /** The string {@code json}; an {@link IllegalArgumentException} otherwise. */
    static String text(Object json, String where) {
        return (String) Scalars.read(json, String.class, where);
    }
}
