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

    /**
     * The band in the law's counting words, "以上" including the bound and "不满" excluding it (CBDF Arts. 7, 8), with
     * figures grouped as in the other texts: "100,000人以上、不满1,000,000人个人信息（不含敏感个人信息）".
     */
    public String describeZh() {
        String what = switch (counts) {
            case ALL_PERSONS -> "（敏感个人信息与非敏感个人信息合计）";
            case NON_SENSITIVE_PERSONS -> "（不含敏感个人信息）";
            case SENSITIVE_PERSONS -> "敏感个人信息";
            case ACCOUNT_OR_MEDICAL_PERSONS -> "包含个人账户或诊疗数据的敏感个人信息";
        };
        String range = String.format("%,d", atLeast) + "人以上" + (below == null ? "" : "、不满" + String.format("%,d", below) + "人");
        return counts == Counts.SENSITIVE_PERSONS || counts == Counts.ACCOUNT_OR_MEDICAL_PERSONS
                ? range + what : range + "个人信息" + what;
    }
}
