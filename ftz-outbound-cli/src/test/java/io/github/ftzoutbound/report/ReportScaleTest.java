package io.github.ftzoutbound.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.model.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: 100,000 decisions make a report under 50 MB, written in 512 MB of heap (the old single page was 208 MB
 * and took 3.3 GB). The report is made in a JVM of its own started with -Xmx512m, from records streamed to its
 * standard input; the counts on the page are checked against the decisions the records were made from.
 */
class ReportScaleTest {
    private static final int COUNT = 100_000;
    private static final int BAD_EVERY = 10_000;
    private static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final Pattern NUMBER = Pattern.compile("\"(individuals|sensitiveIndividuals)\"\\s*:\\s*(\\d+)");

    /** Real decisions with varied figures: every example request, each with its person counts scaled 20 ways. */
    private static List<ExportDecision> pool() throws Exception {
        List<ExportDecision> pool = new ArrayList<>();
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("../docs/examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("invalid"))
                    .sorted().toList();
        }
        for (Path p : examples) {
            String json = Files.readString(p);
            for (int k = 0; k < 20; k++) {
                double factor = 0.05 + 0.11 * k;
                Matcher m = NUMBER.matcher(json);
                StringBuilder varied = new StringBuilder();
                while (m.find()) {
                    long n = Math.round(Long.parseLong(m.group(2)) * factor) + k;
                    m.appendReplacement(varied, "\"" + m.group(1) + "\": " + n);
                }
                m.appendTail(varied);
                try {
                    pool.add(TestServices.withExampleLists().evaluateJson(varied.toString()));
                } catch (InvalidRequestException e) {
                    // a scaled figure broke a consistency rule of the request (e.g. more sensitive than held): skip
                }
            }
        }
        return pool;
    }

    @Test
    void aHundredThousandDecisionsMakeAReportUnder50MbIn512MbOfHeap(@TempDir Path dir) throws Exception {
        List<ExportDecision> pool = pool();
        assertTrue(pool.size() > 150, "the pool has varied decisions: " + pool.size());
        Path poolFile = dir.resolve("pool.jsonl");
        StringBuilder sb = new StringBuilder();
        pool.forEach(d -> sb.append(DecisionJson.toJson(d, false)).append('\n'));
        Files.writeString(poolFile, sb.toString());

        // What the page must say, counted here from the pool independently of the report's own counting.
        Map<String, Long> pathways = new TreeMap<>();
        Map<String, Long> regimes = new TreeMap<>();
        Map<String, Long> warnings = new TreeMap<>();
        long decisions = 0;
        for (int i = 0; i < COUNT; i++) {
            if ((i + 1) % BAD_EVERY == 0) {
                continue;
            }
            decisions++;
            ExportDecision d = pool.get(i % pool.size());
            pathways.merge(d.pathway().name(), 1L, Long::sum);
            regimes.merge(d.regime().name(), 1L, Long::sum);
            Set<String> codes = new LinkedHashSet<>(d.warnings().stream().map(Warning::code).toList());
            codes.forEach(c -> warnings.merge(c, 1L, Long::sum));
        }

        Path out = dir.resolve("report");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), ReportScaleChild.class.getName(),
                poolFile.toString(), out.toString(), String.valueOf(COUNT), String.valueOf(BAD_EVERY), "zh")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(child.waitFor(15, TimeUnit.MINUTES), "the report finished");
        String log = Files.readString(dir.resolve("child.log"));
        // 2: some lines were not records; the report is written all the same.
        assertEquals(2, child.exitValue(), log);
        // The report is made with --lang zh, so its status line is Chinese (cli/Console_zh.properties).
        assertTrue(log.contains("report：" + decisions + " 项决定，" + COUNT / BAD_EVERY + " 行无法读取"), log);
        Matcher heap = Pattern.compile("max heap (\\d+)").matcher(log);
        assertTrue(heap.find() && Long.parseLong(heap.group(1)) <= 512L * 1024 * 1024, "ran in 512 MB: " + log);

        long size = ReportFiles.size(out);
        assertTrue(size < MAX_BYTES, "report of " + COUNT + " decisions is " + size + " bytes");
        // The measure docs/decision-record.md quotes (in target/surefire-reports, with the test's output).
        System.out.println("report of " + decisions + " decisions from " + pool.size() + " distinct ones: " + size
                + " bytes");

        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains((decisions + "").replaceAll("(\\d)(?=(\\d{3})+$)", "$1,") + " 项决定"), "total");
        for (Map.Entry<String, Long> e : pathways.entrySet()) {
            assertEquals(e.getValue(), count(html, "data-pathway", e.getKey()), e.getKey());
        }
        for (Map.Entry<String, Long> e : regimes.entrySet()) {
            assertEquals(e.getValue(), count(html, "data-regime", e.getKey()), e.getKey());
        }
        for (Map.Entry<String, Long> e : warnings.entrySet()) {
            assertEquals(e.getValue(), count(html, "data-warning", e.getKey()), e.getKey());
        }

        JsonNode rows = ReportFiles.rows(out);
        assertEquals(decisions, rows.size());
        assertEquals("R0", rows.get(0).get(0).asText());
        try (Stream<Path> s = Files.list(out.resolve("data"))) {
            assertEquals((decisions + ReportWriter.DEFAULT_CHUNK - 1) / ReportWriter.DEFAULT_CHUNK,
                    s.filter(p -> p.getFileName().toString().startsWith("chunk-")).count());
        }
        // A row points at its details: the last decision is the last of the last chunk, in Chinese.
        JsonNode last = rows.get(rows.size() - 1);
        Path lastChunk = out.resolve(String.format("data/chunk-%05d.js", last.get(5).asInt()));
        JsonNode details = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportFiles.json(lastChunk))
                .get("d").get(last.get(6).asInt());
        assertEquals(last.get(0).asText(), details.get("i").asText());
        assertEquals(Files.readAllLines(dir.resolve("report/unreadable.txt")).size(), COUNT / BAD_EVERY);
        assertTrue(new File(out.toFile(), "index.html").length() < 1024 * 1024, "the summary page stays small");
    }

    /** The count in the summary table row {@code <tr data-KIND="CODE">…<td class="n">N</td>}. */
    private static long count(String html, String kind, String code) {
        Matcher m = Pattern.compile("<tr " + kind + "=\"" + Pattern.quote(code) + "\">.*?<td class=\"n\">(\\d+)</td>")
                .matcher(html);
        assertTrue(m.find(), kind + " " + code + " is in the summary");
        return Long.parseLong(m.group(1));
    }
}
