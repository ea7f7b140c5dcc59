package io.github.ftzoutbound.lists;

/** OFFICIAL only when transcribed from the published list; ILLUSTRATIVE samples warn in every decision using them. */
public enum ListStatus { OFFICIAL, ILLUSTRATIVE }
