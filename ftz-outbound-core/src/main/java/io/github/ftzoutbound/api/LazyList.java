package io.github.ftzoutbound.api;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list computed on first read, once, from what the evaluation kept: the parts of a decision a
 * caller often never reads ({@code notChosen}, the trace) cost nothing until a full record, {@code explain} or the
 * report asks for them. Safe to read from several threads; reads after the first see the same elements.
 */
public final class LazyList<T> extends AbstractList<T> implements RandomAccess {
    private Supplier<List<T>> supplier;
    private volatile List<T> value;

    public LazyList(Supplier<List<T>> supplier) {
        this.supplier = Objects.requireNonNull(supplier);
    }

    private List<T> value() {
        List<T> v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = List.copyOf(supplier.get());
                    value = v;
                    supplier = null; // what it was computed from may now be collected
                }
            }
        }
        return v;
    }

    /** Whether the elements have been computed (for tests of laziness; never needed to read the list). */
    public boolean computed() {
        return value != null;
    }

    @Override
    public T get(int index) {
        return value().get(index);
    }

    @Override
    public int size() {
        return value().size();
    }
}
