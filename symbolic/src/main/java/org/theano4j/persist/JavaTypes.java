package org.theano4j.persist;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.List;

/** The declared Java types the codec reads record components by: erasure, element types, boxes. */
final class JavaTypes {
    private static final List<Class<?>> PRIMITIVES = List.of(boolean.class, byte.class, short.class, int.class, long.class,
            float.class, double.class, char.class);
    private static final List<Class<?>> BOXES = List.of(Boolean.class, Byte.class, Short.class, Integer.class, Long.class,
            Float.class, Double.class, Character.class);

    private JavaTypes() {
    }

    /** The class a declared type erases to. */
    static Class<?> raw(Type t) {
        return switch (t) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case TypeVariable<?> v -> raw(v.getBounds()[0]);
            case GenericArrayType g -> raw(g.getGenericComponentType()).arrayType();
            default -> Object.class;
        };
    }

    /** The element type of a declared list or array type ({@code Object} when it does not say). */
    static Type element(Type t) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        if (t instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        Class<?> c = raw(t);
        return c.isArray() ? c.getComponentType() : Object.class;
    }

    /** The box of a primitive class, else the class itself. */
    static Class<?> box(Class<?> c) {
        int i = PRIMITIVES.indexOf(c);
        return i < 0 ? c : BOXES.get(i);
    }
}
