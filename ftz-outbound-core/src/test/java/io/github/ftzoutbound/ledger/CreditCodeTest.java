package io.github.ftzoutbound.ledger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GB 32100-2015: the check character catches every mistyped character and every swap of two neighbours. */
class CreditCodeTest {
    /** Codes published by their holders (a bank, a manufacturer) and the standard's worked example. */
    private static final String[] PUBLISHED = {"91110000802100433B", "914403001922038216", "91350100M000100Y43"};

    @Test
    void publishedCodesAreValid() {
        for (String code : PUBLISHED) {
            assertNull(CreditCode.problem(code), code);
            assertEquals(code.charAt(17), CreditCode.checkCharacter(code.substring(0, 17)), code);
        }
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        for (String code : PUBLISHED) {
            for (int i = 0; i < 18; i++) {
                for (char c : CreditCode.ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String typo = code.substring(0, i) + c + code.substring(i + 1);
                    assertFalse(CreditCode.isValid(typo), typo);
                }
            }
        }
    }

    @Test
    void everySwapOfTwoNeighboursIsCaught() {
        for (String code : PUBLISHED) {
            for (int i = 0; i < 16; i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertFalse(CreditCode.isValid(swapped), swapped);
            }
        }
    }

    @Test
    void malformedCodesSayWhy() {
        assertTrue(CreditCode.problem("9111000080210043").contains("18-character"));
        assertTrue(CreditCode.problem("91110000802100433b").contains("character 18"), "lower case is not in the code set");
        assertTrue(CreditCode.problem("9111000080210O433B").contains("character 14"), "O is not in the code set");
        assertNotNull(CreditCode.problem(null));
        assertTrue(CreditCode.problem("91110000802100433C").contains("check character"));
    }

    @Test
    void malformedCodesSayWhyInChineseToo() {
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        io.github.ftzoutbound.model.Problem length = CreditCode.check("$.processor.creditCode", "9111000080210043");
        assertEquals("$.processor.creditCode", length.path());
        assertEquals("必须是18位统一社会信用代码（GB 32100-2015）；此代码为16位", length.message(zh));
        assertTrue(length.message().contains("this one has 16 characters"), length.message());
        assertEquals("第14位字符不在GB 32100-2015的代码字符集内（数字及除I、O、Z、S、V以外的大写字母）",
                CreditCode.check("p", "9111000080210O433B").message(zh));
        assertEquals("校验码为C，按GB 32100-2015前17位应得校验码B：代码输入有误",
                CreditCode.check("p", "91110000802100433C").message(zh));
        assertEquals("必须提供", CreditCode.check("p", null).message(zh));
        assertNull(CreditCode.check("p", "91110000802100433B"), "a valid code has no problem");
        // The English text of problem(code) is the English text of the keyed problem.
        assertEquals(CreditCode.check("x", "91110000802100433C").message(), CreditCode.problem("91110000802100433C"));
    }
}
