package io.github.ftzoutbound.model;

/** Whether an item is important data, in the sense of CBDF Art. 2 (only notified or published data counts). */
public enum ImportantDataStatus { NONE, NOTIFIED, SELF_IDENTIFIED, UNKNOWN }
