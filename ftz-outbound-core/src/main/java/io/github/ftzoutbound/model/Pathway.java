package io.github.ftzoutbound.model;

/**
 * How a transfer must be cleared. Declared from least to most strict: the ordinal is the strictness
 * order of legal-reading.md, so "the strictest" is the maximum.
 */
public enum Pathway {
    EXEMPT, STANDARD_CONTRACT_OR_CERTIFICATION, SECURITY_ASSESSMENT, STRICTER_REGIME;

    public boolean stricterThan(Pathway other) {
        return compareTo(other) > 0;
    }

    public static Pathway strictest(Pathway a, Pathway b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
