package io.github.ftzoutbound.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value of a decision computed on first read, once, from what the evaluation kept (issue 14): the request digest,
 * an item's explanations. Most callers read only the answer, and a lean record never reads these, so they cost
 * nothing until a full record, {@code explain} or the report asks. Safe to read from several threads: concurrent
 * first reads compute once and all see the same value (double-checked locking on a volatile flag). Two lazies are
 * equal when their values are (reading both), so records holding one compare by what they state, as before.
 */
public final class Lazy<T> {
    private Supplier<? extends T> supplier;
    private T value;
    private volatile boolean computed;

    private Lazy(Supplier<? extends T> supplier, T value, boolean computed) {
        this.supplier = supplier;
        this.value = value;
        this.computed = computed;
    }

    /** A value computed from {@code supplier} when first read. */
    public static <T> Lazy<T> of(Supplier<? extends T> supplier) {
        return new Lazy<>(Objects.requireNonNull(supplier), null, false);
    }

    /** A value already known (read from a record, or given by a caller); may be null. */
    public static <T> Lazy<T> known(T value) {
        return new Lazy<>(null, value, true);
    }

    public T get() {
        if (!computed) {
            synchronized (this) {
                if (!computed) {
                    value = supplier.get();
                    supplier = null; // what it was computed from may now be collected
                    computed = true; // the volatile write publishes value
                }
            }
        }
        return value;
    }

    /** Whether the value has been computed (for tests of laziness; never needed to read it). */
    public boolean computed() {
        return computed;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Lazy<?> other && Objects.equals(get(), other.get());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(get());
    }

    @Override
    public String toString() {
        return String.valueOf(get());
    }
}
