package io.github.ftzoutbound.model;

/** The body of rules a request is decided under. */
public enum Regime { JIANGSU_FTZ, ZHEJIANG_FTZ, NATIONAL }
