package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.model.Problem;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from the code set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, Z, S, V), the last being a check character over the first 17
 * (weights 3<sup>i−1</sup> mod 31, check = 31 − (Σ mod 31), 31 written as 0). The ledger keys a processor's
 * annual totals by this code.
 */
public final class CreditCode {
    /** The 31 characters of the code set, in the order of their values 0–30. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** True when {@code code} is an 18-character unified social credit code whose check character is right. */
    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** Why {@code code} is not a valid unified social credit code (in English), or null when it is. */
    public static String problem(String code) {
        Problem p = check("creditCode", code);
        return p == null ? null : p.message();
    }

    /**
     * Why {@code code} is not a valid unified social credit code, as a problem at {@code path} whose text comes
     * from the problem bundle (English and Chinese, {@link Problem#message(java.util.Locale)}), or null when it is
     * valid.
     */
    public static Problem check(String path, String code) {
        if (code == null) {
            return Problem.of(path, "value.required");
        }
        if (code.length() != 18) {
            return Problem.of(path, "creditCode.length", code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Problem.of(path, "creditCode.character", i + 1);
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Problem.of(path, "creditCode.checkCharacter", code.charAt(17), expected);
        }
        return null;
    }

    /** The check character for the first 17 characters of a code (each from the code set). */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not in the code set");
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
