package org.theano4j.persist;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theano4j.Variable;
import org.theano4j.graph.TensorType;
import org.theano4j.tensor.DType;
import org.theano4j.tensor.NDArray;

/**
 * Writes a Java value as JSON, guided by its declared type (a record component's generic type):
 * scalars as themselves, {@link DType}s by numpy name, enums by constant name, tensor types as
 * dtype and pattern, arrays of values as members of the file, variables as ids of a graph scope,
 * lists and Java arrays as JSON arrays, records as objects of their components, and
 * {@link Persistable}s as their form. A value whose class the declared type does not determine
 * carries a class tag: {@code "class"} inside a record's object, {@code {"class": C, "value": V}}
 * around anything else. Anything that is not data is refused with an
 * {@link IllegalArgumentException} saying where it sits.
 */
final class ValueWriter {
    /** Where variables met in values go. */
    interface Scope {
        /** The id of {@code v} in the scope, adding it (and what it depends on) the first time. */
        int ref(Variable v);
    }

    private final Registry registry;
    private final ArrayTable arrays;

    ValueWriter(Registry registry, ArrayTable arrays) {
        this.registry = registry;
        this.arrays = arrays;
    }

    /** The JSON form of {@code value}, declared as {@code declared}; {@code where} names it in errors. */
    Object write(Object value, Type declared, Scope scope, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Variable v) {
            if (scope == null || !JavaTypes.raw(declared).isInstance(v)) {
                throw new IllegalArgumentException(where + " is a variable where no graph can hold it");
            }
            return Map.of("var", new Json.Num(Integer.toString(scope.ref(v))));
        }
        Object data = value instanceof Persistable p ? p.persistentForm() : value;
        Class<?> concrete = data instanceof Enum<?> e ? e.getDeclaringClass() : data instanceof List<?> ? List.class : data.getClass();
        Object body = body(data, concrete, declared, scope, where);
        Class<?> expected = Registry.untagged(JavaTypes.box(JavaTypes.raw(declared)));
        if (expected == concrete) {
            return body;
        }
        if (concrete == List.class || concrete.isArray()) {
            throw new IllegalArgumentException(where + " is a list or array where a " + expected.getName() + " is declared");
        }
        registry.checkSavable(concrete, where);
        Map<String, Object> tagged = new LinkedHashMap<>();
        tagged.put("class", concrete.getName());
        if (concrete.isRecord()) {
            ((Map<?, ?>) body).forEach((k, v) -> tagged.put((String) k, v));
        } else {
            tagged.put("value", body);
        }
        return tagged;
    }

    private Object body(Object data, Class<?> concrete, Type declared, Scope scope, String where) {
        if (Scalars.isScalar(concrete)) {
            return Scalars.write(data);
        }
        return switch (data) {
            case DType d -> d.numpyName();
            case Enum<?> e -> e.name();
            case TensorType t -> tensorType(t);
            case NDArray a -> Map.of("array", arrays.add(a));
            case List<?> l -> list(l, JavaTypes.element(declared), scope, where);
            case Record r -> record(r, scope, where);
            default -> !concrete.isArray() ? refuse(data, where)
                    : PrimitiveArrays.asMember(data) ? Map.of("array", arrays.add(PrimitiveArrays.toArray(data)))
                    : array(data, JavaTypes.element(declared), scope, where);
        };
    }

    private static Map<String, Object> tensorType(TensorType t) {
        List<Object> pattern = new ArrayList<>();
        for (boolean b : t.broadcastable()) {
            pattern.add(b);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtype", t.dtype().numpyName());
        m.put("broadcastable", pattern);
        return m;
    }

    private List<Object> list(List<?> l, Type element, Scope scope, String where) {
        List<Object> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(write(l.get(i), element, scope, where + "[" + i + "]"));
        }
        return out;
    }

    private List<Object> array(Object a, Type element, Scope scope, String where) {
        int n = Array.getLength(a);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(write(Array.get(a, i), element, scope, where + "[" + i + "]"));
        }
        return out;
    }

    private Map<String, Object> record(Record r, Scope scope, String where) {
        registry.checkSavable(r.getClass(), where);
        RecordCodec codec = registry.record(r.getClass());
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < codec.components().length; i++) {
            String name = codec.components()[i].getName();
            m.put(name, write(codec.get(r, i), codec.components()[i].getGenericType(), scope, where + "." + name));
        }
        return m;
    }

    private static Object refuse(Object data, String where) {
        String what = data.getClass().isSynthetic() || data.getClass().isHidden() ? "a lambda or other code" : data.getClass().getName();
        throw new IllegalArgumentException(where + " is " + what + ", which is not data: only numbers, strings, enums, lists,"
                + " arrays, records, types, tensors and graph variables can be saved");
    }
}
