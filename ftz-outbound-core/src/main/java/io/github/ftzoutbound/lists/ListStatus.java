package io.github.ftzoutbound.lists;

/**
 * OFFICIAL only when every row was transcribed from the published list; ILLUSTRATIVE samples warn in every
 * decision using them; INCOMPLETE lists carry real metadata but not all rows: what they list applies, what they
 * do not list is decided as if no list covered it (never exempt under JS 10 / ZJ 11 item 2), with a warning.
 */
public enum ListStatus { OFFICIAL, ILLUSTRATIVE, INCOMPLETE }
