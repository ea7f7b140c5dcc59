package io.github.ftzoutbound.lists;

/**
 * One threshold band of a row: the {@code counts} tally is at least {@code atLeast} ("以上" includes the bound)
 * and, when {@code below} is given, under it ("不满" excludes the bound). A row with several bands is on the list
 * when any band is reached.
 */
public record Band(Counts counts, long atLeast, Long below) {
    /** "≥ 500,000 persons (sensitive and non-sensitive)", for explanations and exports. */
    public String describe() {
        String what = switch (counts) {
            case ALL_PERSONS -> "persons (sensitive and non-sensitive together)";
            case NON_SENSITIVE_PERSONS -> "persons";
            case SENSITIVE_PERSONS -> "sensitive persons";
            case ACCOUNT_OR_MEDICAL_PERSONS -> "account or medical persons";
        };
        return "≥ " + String.format("%,d", atLeast) + (below == null ? "" : " and < " + String.format("%,d", below))
                + " " + what;
    }
}
