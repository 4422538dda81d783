package org.theano4j.persist;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * One record class as the codec sees it: its components (name, generic type, accessor), its
 * canonical constructor, and its public constants ({@code Bound.OPEN}): a rebuilt record equal to
 * a constant is that constant, so code that compares with {@code ==} sees the same object as
 * before the save.
 *
 * @param type the record class
 * @param components its components, in declaration order
 * @param accessors one accessor per component
 * @param constructor the canonical constructor
 * @param constants the class's public static final instances of itself
 */
record RecordCodec(Class<?> type, RecordComponent[] components, MethodHandle[] accessors, MethodHandle constructor,
        List<Object> constants) {

    static RecordCodec of(Class<?> type, MethodHandles.Lookup lookup) {
        RecordComponent[] comps = type.getRecordComponents();
        MethodHandle[] acc = new MethodHandle[comps.length];
        Class<?>[] params = new Class<?>[comps.length];
        try {
            for (int i = 0; i < comps.length; i++) {
                acc[i] = lookup.unreflect(comps[i].getAccessor());
                params[i] = comps[i].getType();
            }
            MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, params));
            return new RecordCodec(type, comps, acc, ctor, constants(type, lookup));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("record " + type.getName() + " cannot be saved: its accessors and canonical"
                    + " constructor must be public (" + e.getMessage() + ")", e);
        }
    }

    private static List<Object> constants(Class<?> type, MethodHandles.Lookup lookup) throws IllegalAccessException {
        List<Object> found = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() == type && Modifier.isStatic(m) && Modifier.isFinal(m) && Modifier.isPublic(m)) {
                try {
                    found.add(lookup.unreflectGetter(f).invoke());
                } catch (Throwable t) {
                    throw new IllegalStateException("cannot read constant " + type.getName() + "." + f.getName(), t);
                }
            }
        }
        return List.copyOf(found);
    }

    /** Component {@code i} of {@code record}. */
    Object get(Object record, int i) {
        try {
            return accessors[i].invoke(record);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), t);
        }
    }

    /**
     * A record of these component values (the canonical constructor validates them, so a
     * corrupt value is its {@link IllegalArgumentException}), or the constant equal to it.
     */
    Object build(Object[] values, String where) {
        Object r;
        try {
            r = constructor.invokeWithArguments(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " rejects the saved values (" + e + ")", e);
        } catch (Throwable t) {
            throw new IllegalStateException(where + ": cannot build " + type.getName(), t);
        }
        for (Object c : constants) {
            if (c.equals(r)) {
                return c;
            }
        }
        return r;
    }
}
