package io.github.ftzoutbound.lists;

/** What a list entry designates: personal information tiers, or important data. */
public enum DataClass { PERSONAL_INFORMATION, IMPORTANT_DATA }
