package io.github.ftzoutbound.lists;

/**
 * What a threshold band counts, always persons since 1 January (this request included):
 * <ul>
 * <li>ALL_PERSONS: sensitive and non-sensitive persons together, T_ns + T_s. This project's reading of a list's
 * plain "年累计50万人以上" (the lists do not say "不含敏感个人信息", unlike CBDF Arts. 7–8).</li>
 * <li>NON_SENSITIVE_PERSONS: T_ns alone (format 1's {@code individualsAtLeast}; CBDF's "（不含敏感个人信息）").</li>
 * <li>SENSITIVE_PERSONS: T_s.</li>
 * <li>ACCOUNT_OR_MEDICAL_PERSONS: persons whose bank, insurance or registration account or medical data is
 * exported. Requests carry no annual tally of these; every such person is a sensitive person, so T_s bounds it
 * from above and the engine compares with T_s (the strict side) and warns.</li>
 * </ul>
 */
public enum Counts { ALL_PERSONS, NON_SENSITIVE_PERSONS, SENSITIVE_PERSONS, ACCOUNT_OR_MEDICAL_PERSONS }
