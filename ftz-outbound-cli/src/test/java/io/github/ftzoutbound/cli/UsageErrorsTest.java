package io.github.ftzoutbound.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static io.github.ftzoutbound.cli.ConsoleTextTest.hasChinese;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: a mistyped command line reads in Chinese with --lang zh (UsageErrors, Messages_zh error.usage.*): the
 * option or value is named as typed, then the command's Chinese usage; in English, picocli's own words, unchanged.
 * Exit code 2 in both.
 */
class UsageErrorsTest {
    /** English prose: three English words in a row. */
    private static final Pattern PROSE = Pattern.compile("\\b[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}\\b");

    private static void both(List<String> args, String english, String chinese) {
        String[] en = java.util.stream.Stream.concat(java.util.stream.Stream.of("--lang", "en"), args.stream())
                .toArray(String[]::new);
        String[] zh = java.util.stream.Stream.concat(java.util.stream.Stream.of("--lang", "zh"), args.stream())
                .toArray(String[]::new);
        CliTest.Run e = CliTest.run(en);
        assertEquals(2, e.exit(), e.err());
        assertEquals("", e.out());
        assertTrue(e.err().startsWith(english), e.err());
        assertFalse(hasChinese(e.err()), e.err());
        CliTest.Run z = CliTest.run(zh);
        assertEquals(2, z.exit(), z.err());
        assertEquals("", z.out());
        List<String> lines = z.err().lines().toList();
        assertEquals("命令行有误（退出码 2）：", lines.get(0), z.err());
        assertEquals(chinese, lines.get(1), z.err());
        assertTrue(z.err().contains("用法："), z.err());
        assertEquals(List.of(), z.err().lines().filter(l -> PROSE.matcher(l).find()).toList(), "English prose");
    }

    @Test
    void anUnknownOption() {
        both(List.of("evaluate", "--bogus", "r.json"), "Unknown option: '--bogus'", "未知的选项：--bogus");
    }

    @Test
    void aMissingParameter() {
        both(List.of("lint-lists"), "Missing required parameter: 'DIR'", "缺少必需的参数：DIR");
    }

    @Test
    void aBadValue() {
        both(List.of("evaluate", "--record", "fat", "r.json"), "Invalid value for option '--record'",
                "选项 --record 的值“fat”无效；可选值：FULL、LEAN");
    }

    @Test
    void anExtraArgument() {
        both(List.of("lint-lists", "a", "b"), "Unmatched argument at index", "多余的参数：b（此命令不接受这个参数）");
    }

    @Test
    void aMistypedCommandIsNamedWithItsNearestCommand() {
        both(List.of("evalute", "r.json"), "Unmatched arguments from index", "多余的参数：evalute r.json（此命令不接受这个参数）；"
                + "是否指 evaluate、evaluate-batch、validate-rules？");
    }
}
