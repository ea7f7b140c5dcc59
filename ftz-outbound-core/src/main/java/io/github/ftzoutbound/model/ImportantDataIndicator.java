package io.github.ftzoutbound.model;

/** Signs of important data from reference rules 4 and 5 of the FTZ classification rules. */
public enum ImportantDataIndicator { HIGH_VALUE_INDUSTRY_DATA, SUPPLY_CHAIN_NATIONAL_SECURITY, CONTROL_SYSTEM_PARAMETERS }
