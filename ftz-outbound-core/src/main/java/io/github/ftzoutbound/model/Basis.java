package io.github.ftzoutbound.model;

/** The ground the caller claims for the transfer (CBDF Arts. 3–5, NDSR Art. 35). */
public enum Basis {
    NONE, CONTRACT_WITH_INDIVIDUAL, CROSS_BORDER_HR, EMERGENCY, INTERNATIONAL_ACTIVITY, FOREIGN_COLLECTED, STATUTORY_DUTY
}
