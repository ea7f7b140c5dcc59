package io.github.ftzoutbound.model;

import java.util.regex.Pattern;

/** Input limits of the public contract (contract.md, Validation). */
public final class Limits {
    /** A request body larger than this is refused before it is parsed. */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    public static final int MAX_ITEMS = 10_000;
    /** No count of persons may exceed ten billion: more people than there are. */
    public static final long MAX_COUNT = 10_000_000_000L;
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_FIELDS = 1_000;
    public static final int MAX_NESTING = 32;
    /** Codes for sectors, scenarios and fields: upper-case words joined by underscores. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** requestId: 1–128 printable characters. */
    public static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E\\p{L}\\p{N}\\p{P}\\p{S} ]{1,128}");
    /** Ids of lists and entries: letters, digits, dots and hyphens, as in ZJ-2024-ECOMMERCE-007. */
    public static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Limits() {
    }
}
