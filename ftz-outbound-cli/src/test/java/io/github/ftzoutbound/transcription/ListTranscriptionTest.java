package io.github.ftzoutbound.transcription;

import io.github.ftzoutbound.cli.CliTest;
import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.lists.CodeCatalog;
import io.github.ftzoutbound.lists.ListLoader;
import io.github.ftzoutbound.lists.NegativeList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** import-list / export-list: a published list's table in, a list file out, and back, without loss. */
class ListTranscriptionTest {
    static final CodeCatalog CODES = ListLoader.load(List.of(), List.of(), ClasspathFiles.under("lists", "codes.yaml")).codes();

    static List<NegativeList> load(Path file) throws Exception {
        return ListLoader.parseAll(List.of(new SourceFile("lists/" + file.getFileName(), Files.readString(file))));
    }

    static List<NegativeList> loadYaml(String yaml) {
        return ListLoader.parseAll(List.of(new SourceFile("lists/imported.list.yaml", yaml)));
    }

    @Test
    void importExportImportIsIdenticalThroughXlsxAndCsv(@TempDir Path dir) throws Exception {
        for (String name : List.of("zj-example-pharma.list.yaml", "bj-2024-sample.list.yaml")) {
            Path source = Path.of("../docs/examples/lists", name);
            Map<String, Sheet> original = ListTranscription.toSheets(load(source));
            Path xlsx = dir.resolve(name + ".xlsx");
            Spreadsheets.writeXlsx(original, xlsx);
            ListTranscription.Imported first = ListTranscription.fromSheets(Spreadsheets.read(xlsx), CODES);
            assertTrue(first.problems().isEmpty(), first.problems()::toString);
            // The imported file says everything the source file says (rows, bands, routes, conditions, duties).
            assertEquals(original, ListTranscription.toSheets(loadYaml(first.yaml())));

            Path xlsx2 = dir.resolve(name + "-2.xlsx");
            Spreadsheets.writeXlsx(ListTranscription.toSheets(loadYaml(first.yaml())), xlsx2);
            ListTranscription.Imported second = ListTranscription.fromSheets(Spreadsheets.read(xlsx2), CODES);
            assertEquals(first.yaml(), second.yaml(), "import -> export -> import must give the identical file");

            Path csv = dir.resolve(name + "-csv");
            Spreadsheets.writeCsvFolder(ListTranscription.toSheets(loadYaml(first.yaml())), csv);
            ListTranscription.Imported third = ListTranscription.fromSheets(Spreadsheets.read(csv.resolve("rows.csv")), CODES);
            assertEquals(first.yaml(), third.yaml(), "the CSV folder round-trips too");
        }
    }

    static Map<String, Sheet> workbook(List<List<String>> rows, List<List<String>> meta) {
        Map<String, Sheet> m = new LinkedHashMap<>();
        List<List<String>> listRows = new ArrayList<>();
        listRows.add(List.of("key", "value"));
        listRows.addAll(meta);
        m.put("list", new Sheet("list", listRows));
        List<List<String>> r = new ArrayList<>();
        r.add(ListTranscription.ROW_COLUMNS);
        r.addAll(rows);
        m.put("rows", new Sheet("rows", r));
        m.put("conditions", new Sheet("conditions", List.of(ListTranscription.CONDITION_COLUMNS,
                List.of("FILED", "已备案", "Filed"))));
        return m;
    }

    static final List<List<String>> META = List.of(List.of("id", "T-IMPORT"), List.of("ftz", "ZHEJIANG"),
            List.of("status", "ILLUSTRATIVE"), List.of("title", "测试清单"), List.of("version", "1"),
            List.of("effectiveFrom", "2026-01-01"));

    static List<String> row(String... cells) {
        return List.of(cells);
    }

    @Test
    void everyProblemIsReportedBySheetRowAndColumn() {
        Map<String, Sheet> wb = workbook(List.of(
                row("PHARMACEUTICALS", "CLINICAL_TRIAL", "SECURITY_ASSESSMENT", "R-1", "PERSONAL_INFO", "", "SUBJECT_NAME", "", "", "", "ALL_PERSONS >= 1000000", "", ""),
                row("PHARMACEUTICALS", "CLINICAL_TRIAL", "（二）", "R-2", "PERSONAL_INFORMATION", "", "SUBJECT_NAM", "", "", "", "ALL_PERSONS 200000", "", ""),
                row("PHARMACEUTICALS", "CLINICAL_TRIAL", "（一）", "R-2", "PERSONAL_INFORMATION", "", "SUBJECT_NAME", "", "", "", "", "NOT_DECLARED", ""),
                row("PHARMACEUTICALS", "", "OTHER_ROUTE", "R-4", "IMPORTANT_DATA", "", "GENE_SEQUENCE_DATA", "", "", "", "", "", ""),
                row("PHARMACEUTICALS", "", "（三）", "R-5", "IMPORTANT_DATA", "", "", "", "", "", "", "", "")),
                List.of(List.of("id", "T-IMPORT"), List.of("ftz", "ZHEJIANG"), List.of("status", "FINAL"),
                        List.of("title", "测试清单"), List.of("version", "1"), List.of("effectiveFrom", "2026-13-01")));
        ListTranscription.Imported r = ListTranscription.fromSheets(wb, CODES);
        assertNull(r.yaml());
        List<String> p = r.problems();
        List<String> expected = List.of(
                "sheet list, row 4, column B (value): unknown value \"FINAL\"",
                "sheet list, row 7, column B (value): \"2026-13-01\" is not a date written YYYY-MM-DD",
                "sheet rows, row 2, column E (dataType): unknown value \"PERSONAL_INFO\"",
                "sheet rows, row 3, column G (fields): unknown field code SUBJECT_NAM (no code catalog defines it); did you mean SUBJECT_NAME?",
                "sheet rows, row 3, column K (thresholds): band \"ALL_PERSONS 200000\" must read COUNTS >= N",
                "sheet rows, row 4, column D (id): duplicate row id R-2",
                "sheet rows, row 4, column L (unless): condition NOT_DECLARED is not declared in sheet conditions",
                "sheet rows, row 5, column M (route): an OTHER_ROUTE row names its route",
                "sheet rows, row 6, column G (fields): a row needs fields, or a description",
                "sheet rows, row 6, column C (subList): subList must be SECURITY_ASSESSMENT");
        for (String e : expected) {
            assertTrue(p.stream().anyMatch(s -> s.startsWith(e)), () -> "missing \"" + e + "\" in\n  " + String.join("\n  ", p));
        }
        assertEquals(expected.size(), p.size(), () -> String.join("\n  ", p));
        // The same problems in Chinese, one for one, for a Chinese legal team (issue 16): the place, codes and values
        // as they are, the words in Chinese.
        List<String> zh = r.problems(java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(p.size(), zh.size());
        assertEquals(p, r.problems(java.util.Locale.ENGLISH));
        List<String> expectedZh = List.of(
                "工作表 list，第 4 行，B 列（value）：未知的值\"FINAL\"",
                "工作表 list，第 7 行，B 列（value）：\"2026-13-01\"不是 YYYY-MM-DD 格式的日期",
                "工作表 rows，第 3 行，G 列（fields）：未知的字段代码 SUBJECT_NAM（代码目录中没有定义）；是否应为 SUBJECT_NAME？",
                "工作表 rows，第 3 行，K 列（thresholds）：数量区间\"ALL_PERSONS 200000\"的写法应为",
                "工作表 rows，第 4 行，D 列（id）：条目编号 R-2 重复",
                "工作表 rows，第 4 行，L 列（unless）：条件 NOT_DECLARED 未在工作表 conditions 中声明",
                "工作表 rows，第 5 行，M 列（route）：OTHER_ROUTE 条目须写明其路径",
                "工作表 rows，第 6 行，G 列（fields）：条目须填写字段（fields）或描述（description）",
                "工作表 rows，第 6 行，C 列（subList）：子清单（subList）只能是");
        for (String e : expectedZh) {
            assertTrue(zh.stream().anyMatch(s -> s.startsWith(e)), () -> "missing \"" + e + "\" in\n  " + String.join("\n  ", zh));
        }
    }

    @Test
    void aCleanWorkbookImportsToALoadableListAndTheCommandLineWritesIt(@TempDir Path dir) throws Exception {
        Map<String, Sheet> wb = workbook(List.of(
                row("PHARMACEUTICALS", "CLINICAL_TRIAL", "SECURITY_ASSESSMENT", "R-1", "PERSONAL_INFORMATION", "受试者", "SUBJECT_NAME", "描述", "病案\n影像", "", "ALL_PERSONS >= 1,000,000", "FILED", ""),
                row("PHARMACEUTICALS", "CLINICAL_TRIAL", "（二）", "R-2", "PERSONAL_INFORMATION", "", "SUBJECT_NAME", "", "", "", "ALL_PERSONS >= 200000 < 1000000", "", "")), META);
        ListTranscription.Imported r = ListTranscription.fromSheets(wb, CODES);
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        NegativeList l = loadYaml(r.yaml()).get(0);
        assertEquals(2, l.entries().size());
        assertEquals(List.of("病案", "影像"), l.entries().get(0).examples());
        assertEquals(1_000_000, l.entries().get(0).bands().get(0).atLeast());

        Path xlsx = dir.resolve("table.xlsx");
        Spreadsheets.writeXlsx(wb, xlsx);
        // The list goes into a folder of its own: a list folder holds lists only (ListDiscovery), not the workbook.
        Path listDir = Files.createDirectories(dir.resolve("lists"));
        Path out = listDir.resolve("t.list.yaml");
        CliTest.Run ok = CliTest.run("import-list", xlsx.toString(), "-o", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(r.yaml(), Files.readString(out));
        CliTest.Run lint = CliTest.run("lint-lists", listDir.toString());
        assertTrue(lint.out().contains("STRICTER_THAN_NATIONAL"), lint.out());

        Path bad = dir.resolve("bad.xlsx");
        Spreadsheets.writeXlsx(workbook(List.of(row("PHARMACEUTICALS", "", "（一）", "R-1", "PI", "", "SUBJECT_NAME",
                "", "", "", "", "", "")), META), bad);
        CliTest.Run refused = CliTest.run("import-list", bad.toString(), "-o", dir.resolve("bad.list.yaml").toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("sheet rows, row 2, column E (dataType)"), refused.err());
        assertFalse(Files.exists(dir.resolve("bad.list.yaml")), "nothing written while a problem remains");
        CliTest.Run refusedZh = CliTest.run("--lang", "zh", "import-list", bad.toString(), "-o",
                dir.resolve("bad.list.yaml").toString());
        assertEquals(2, refusedZh.exit());
        assertTrue(refusedZh.err().contains("工作表 rows，第 2 行，E 列（dataType）：未知的值\"PI\"")
                && refusedZh.err().contains("未写出任何文件") && !refusedZh.err().contains("sheet rows"), refusedZh.err());

        Path html = dir.resolve("review.html");
        CliTest.Run export = CliTest.run("export-list", "../docs/examples/lists/zj-example-pharma.list.yaml",
                "--html", html.toString(), "--xlsx", dir.resolve("review.xlsx").toString());
        assertEquals(0, export.exit(), export.err());
        String page = Files.readString(html);
        assertTrue(page.contains("ZJX-PHARMA-R01") && page.contains("HUMAN_GENETIC_RESOURCES")
                && page.contains("审核签字 Review and sign-off") && page.contains("医药 Pharmaceuticals"), page);
    }

    @Test
    void migrateListsWritesAFormat2FileThatSaysWhatTheFormat1FileSaid(@TempDir Path dir) throws Exception {
        Path v1 = Path.of("../docs/examples/lists/js-2025-automotive.list.yaml");
        Path v2 = dir.resolve("js-2025-automotive.list.yaml");
        CliTest.Run r = CliTest.run("migrate-lists", v1.toString(), "-o", v2.toString());
        assertEquals(0, r.exit(), r.err());
        List<NegativeList> migrated = load(v2);
        assertEquals(2, migrated.get(0).format());
        // Format 2 groups rows by sub-list, so the order may change; the rows themselves must not.
        assertEquals(sortedRows(ListTranscription.toSheets(load(v1))), sortedRows(ListTranscription.toSheets(migrated)));
        assertEquals(2, CliTest.run("migrate-lists", v2.toString(), "-o", dir.resolve("again.yaml").toString()).exit(),
                "a format-2 file is not migrated again");
    }

    static Map<String, Sheet> sortedRows(Map<String, Sheet> sheets) {
        Map<String, Sheet> out = new LinkedHashMap<>(sheets);
        List<List<String>> rows = new ArrayList<>(sheets.get("rows").rows().subList(1, sheets.get("rows").rows().size()));
        rows.sort(java.util.Comparator.comparing(r -> r.get(3)));
        rows.add(0, sheets.get("rows").rows().get(0));
        out.put("rows", new Sheet("rows", rows));
        return out;
    }
}
