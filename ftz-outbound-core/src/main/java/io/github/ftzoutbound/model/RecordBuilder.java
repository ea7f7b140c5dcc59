package io.github.ftzoutbound.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values of one record under construction, by component name, handed to the record's canonical constructor
 * by {@link #build()}. The public builders ({@link ExportRequest.Builder}, {@link DataItem.Builder}, …) are thin
 * typed front ends over it, so that a new record component needs one new setter line in its builder and nothing
 * else: the constructor call is not spelled out anywhere. A component never set is {@code null} (or zero/false
 * for a primitive), exactly what the record's constructor already treats as "left out", as for JSON.
 * {@code BuildersTest} fails when a record gains a component its builder cannot set.
 */
final class RecordBuilder<R extends Record> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Map<String, Integer> index;
    private final Object[] values;

    RecordBuilder(Class<R> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.index = Arrays.stream(components).collect(Collectors.toMap(RecordComponent::getName,
                c -> Arrays.asList(components).indexOf(c)));
        this.values = new Object[components.length];
    }

    /** A builder holding the values of {@code from}, read through {@code read} (the record's raw values). */
    RecordBuilder(Class<R> type, R from, Function<RecordComponent, Object> read) {
        this(type);
        for (int i = 0; i < components.length; i++) {
            values[i] = read.apply(components[i]);
        }
    }

    /** Reads a component through its accessor. */
    static Object accessor(Record record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    void set(String component, Object value) {
        values[slot(component)] = value;
    }

    /** Appends to a list component, keeping what is there. */
    void add(String component, Collection<?> more) {
        int i = slot(component);
        List<Object> list = values[i] == null ? new ArrayList<>() : new ArrayList<>((Collection<?>) values[i]);
        more.forEach(v -> list.add(Objects.requireNonNull(v, component + " element")));
        values[i] = list;
    }

    R build() {
        Object[] args = values.clone();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (args[i] == null && types[i].isPrimitive()) {
                args[i] = zero(types[i]);
            }
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            // The record's own checks (a required component left out): rethrow them as the caller would see them.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no canonical constructor for " + type.getSimpleName(), e);
        }
    }

    /** The value a primitive component has when left out. (Not a conditional expression: it would unbox and
     *  promote every branch to double.) */
    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return Boolean.FALSE;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        throw new IllegalStateException("no default for " + primitive);
    }

    private int slot(String component) {
        Integer i = index.get(component);
        if (i == null) {
            // A programming error in a builder, caught by BuildersTest.
            throw new IllegalStateException(type.getSimpleName() + " has no component " + component);
        }
        return i;
    }
}
