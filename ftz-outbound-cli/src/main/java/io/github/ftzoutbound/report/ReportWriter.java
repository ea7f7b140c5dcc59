package io.github.ftzoutbound.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.NotChosen;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.api.Warning;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the HTML report of a stream of decision records into a folder, one record at a time, so that an archive of
 * any size is reported in bounded memory (issue 16: 100,000 decisions under 50 MB and 512 MB of heap):
 * <ul>
 *   <li>{@code index.html}: the summary (counts by pathway, regime, reason, warning and obligation, a chart), search,
 *       filters and paging, rendered from the jte template {@code src/main/jte/report/index.jte} (every value
 *       escaped by default);</li>
 *   <li>{@code data/rows.js}: one compact search row per decision (ids, pathway, regime, date, codes);</li>
 *   <li>{@code data/chunk-NNNNN.js}: the decisions' details, {@link #DEFAULT_CHUNK} per file, in the report's
 *       language, with clause texts, messages and rule names stored once per chunk; the page loads a chunk when a
 *       decision in it is shown;</li>
 *   <li>{@code unreadable.txt}: every line that was not a readable decision (the page shows the first 1,000).</li>
 * </ul>
 * The data files are gzip-compressed JSON in base64 inside a script call ({@code FTZ.rows("…")}): the base64 alphabet
 * cannot carry markup, and the page builds the decisions with text nodes only. Scripts load from the folder itself,
 * with no network access, so the folder can be archived and opened anywhere (the page needs a browser with
 * {@code DecompressionStream}: Chromium 80, Firefox 113, Safari 16.4 or later).
 */
public final class ReportWriter implements Closeable {
    /** Decisions per data chunk: small enough to load in a moment, large enough to share clause texts. */
    public static final int DEFAULT_CHUNK = 500;
    private static final String CHUNK_GLOB = "chunk-*.js";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path dir;
    private final Path data;
    private final Labels labels;
    private final String source;
    private final Clock clock;
    private final int chunkSize;
    private final ReportSummary summary = new ReportSummary();
    private final DataFile rows;
    private BufferedWriter unreadableOut;
    private DataFile chunk;
    private int chunkNo;
    private int inChunk;
    private final Map<String, Integer> clauses = new HashMap<>();
    private final Map<String, Integer> messages = new HashMap<>();
    private final Map<String, Integer> rules = new HashMap<>();
    private final Map<String, Integer> rulesets = new HashMap<>();
    private boolean finished;

    /**
     * Opens a report in {@code dir}: created if missing; an existing folder must be empty or hold an earlier report
     * (its index.html), whose data files are replaced. {@code source} names the archive on the page.
     */
    public ReportWriter(Path dir, ReportLang lang, String source, Clock clock, int chunkSize) throws IOException {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("a chunk holds at least one decision");
        }
        this.dir = dir;
        this.data = dir.resolve("data");
        this.labels = new Labels(lang);
        this.source = source;
        this.clock = clock;
        this.chunkSize = chunkSize;
        prepare();
        this.rows = new DataFile(data.resolve("rows.js"), "FTZ.rows(");
        rows.json.writeStartArray();
    }

    private void prepare() throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " is a file; the report is a folder");
            }
            boolean empty;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                empty = !s.iterator().hasNext();
            }
            // Never overwrite a folder that is not an earlier report: --out pointed at the wrong place.
            if (!empty && !Files.exists(dir.resolve("index.html"))) {
                throw new IOException(dir + " is not empty and holds no earlier report (index.html)");
            }
        }
        Files.createDirectories(data);
        // An earlier, longer report leaves chunks this one would not overwrite; they would be shown as its own.
        try (DirectoryStream<Path> s = Files.newDirectoryStream(data, CHUNK_GLOB)) {
            for (Path p : s) {
                Files.delete(p);
            }
        }
        Files.deleteIfExists(dir.resolve("unreadable.txt"));
    }

    /** Adds one decision: a search row, its details in the current chunk, and its counts. */
    public void add(ExportDecision d) throws IOException {
        if (chunk == null) {
            chunkNo++;
            inChunk = 0;
            clauses.clear();
            messages.clear();
            rules.clear();
            rulesets.clear();
            chunk = new DataFile(data.resolve(String.format("chunk-%05d.js", chunkNo)), "FTZ.chunk(" + chunkNo + ",");
            chunk.json.writeStartObject();
            chunk.json.writeArrayFieldStart("d");
        }
        row(d);
        details(d);
        summary.add(d);
        if (++inChunk == chunkSize) {
            closeChunk();
        }
    }

    /** Counts a line that was not a readable decision and keeps its message (with its line number). */
    public void unreadable(String message) throws IOException {
        summary.unreadable(message);
        if (unreadableOut == null) {
            unreadableOut = Files.newBufferedWriter(dir.resolve("unreadable.txt"), StandardCharsets.UTF_8);
        }
        unreadableOut.write(message.replace('\n', ' ').replace('\r', ' '));
        unreadableOut.write('\n');
    }

    /** Ends the data files and writes index.html; returns the counts. */
    public ReportSummary finish() throws IOException {
        if (finished) {
            return summary;
        }
        finished = true;
        closeChunk();
        rows.json.writeEndArray();
        rows.close();
        if (unreadableOut != null) {
            unreadableOut.close();
        }
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
                "io.github.ftzoutbound.report.templates");
        Map<String, Object> params = new HashMap<>();
        params.put("l", labels);
        params.put("s", summary);
        params.put("source", source);
        params.put("generated", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC)));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("index.html"), StandardCharsets.UTF_8)) {
            engine.render("report/index.jte", params, new WriterOutput(w));
        }
        return summary;
    }

    public int chunks() {
        return chunkNo;
    }

    @Override
    public void close() throws IOException {
        try {
            if (chunk != null) {
                chunk.close();
            }
            rows.close();
        } finally {
            if (unreadableOut != null) {
                unreadableOut.close();
            }
        }
    }

    private void closeChunk() throws IOException {
        if (chunk == null) {
            return;
        }
        JsonGenerator g = chunk.json;
        g.writeEndArray();
        table(g, "C", clauses);
        table(g, "M", messages);
        table(g, "R", rules);
        table(g, "V", rulesets);
        g.writeEndObject();
        chunk.close();
        chunk = null;
    }

    /** Writes an interned table: index i holds the value that was given index i (tab-separated parts as an array). */
    private static void table(JsonGenerator g, String name, Map<String, Integer> table) throws IOException {
        String[] byIndex = new String[table.size()];
        table.forEach((v, i) -> byIndex[i] = v);
        g.writeArrayFieldStart(name);
        for (String v : byIndex) {
            int tab = v.indexOf('\t');
            if (tab < 0) {
                g.writeString(v);
            } else {
                g.writeStartArray();
                g.writeString(v.substring(0, tab));
                g.writeString(v.substring(tab + 1));
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    private static int intern(Map<String, Integer> table, String value) {
        return table.computeIfAbsent(value, v -> table.size());
    }

    private static String nz(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private void row(ExportDecision d) throws IOException {
        JsonGenerator g = rows.json;
        g.writeStartArray();
        g.writeString(nz(d.requestId()));
        g.writeString(nz(d.decisionId()));
        g.writeString(nz(d.pathway()));
        g.writeString(nz(d.regime()));
        g.writeString(nz(d.evaluationDate()));
        g.writeNumber(chunkNo);
        g.writeNumber(inChunk);
        Set<String> reasons = new LinkedHashSet<>();
        d.items().forEach(i -> reasons.add(nz(i.reason())));
        strings(g, reasons);
        Set<String> warnings = new LinkedHashSet<>();
        d.warnings().forEach(w -> warnings.add(nz(w.code())));
        strings(g, warnings);
        strings(g, d.items().stream().map(i -> nz(i.itemId())).toList());
        Set<String> obligations = new LinkedHashSet<>();
        d.obligations().forEach(o -> obligations.add(nz(o.code())));
        strings(g, obligations);
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, Iterable<String> values) throws IOException {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** One decision in the report's language, with its shared texts replaced by their index in the chunk's tables. */
    private void details(ExportDecision d) throws IOException {
        boolean zh = labels.lang() == ReportLang.ZH;
        JsonGenerator g = chunk.json;
        g.writeStartObject();
        g.writeStringField("i", nz(d.requestId()));
        g.writeStringField("d", nz(d.decisionId()));
        g.writeStringField("p", nz(d.pathway()));
        g.writeStringField("g", nz(d.regime()));
        g.writeStringField("e", nz(d.evaluationDate()));
        g.writeStringField("a", nz(d.evaluatedAt()));
        g.writeNumberField("v", intern(rulesets, d.ruleset() == null ? "\t"
                : nz(d.ruleset().version()) + "\t" + nz(d.ruleset().digest())));
        g.writeArrayFieldStart("t");
        for (ItemDecision i : d.items()) {
            g.writeStartObject();
            g.writeStringField("id", nz(i.itemId()));
            g.writeStringField("p", nz(i.pathway()));
            if (i.route() != null) {
                g.writeStringField("o", i.route());
            }
            g.writeStringField("r", nz(i.reason()));
            g.writeNumberField("w", i.row());
            String why = zh && i.explanationZh() != null ? i.explanationZh() : i.explanation();
            g.writeStringField("x", nz(why));
            citations(g, i.citations());
            g.writeArrayFieldStart("n");
            for (NotChosen nc : i.notChosen()) {
                g.writeStartObject();
                g.writeStringField("p", nz(nc.pathway()));
                g.writeArrayFieldStart("c");
                for (NotChosen.Condition c : nc.conditions()) {
                    g.writeStartObject();
                    g.writeStringField("x", nz(zh && c.conditionZh() != null ? c.conditionZh() : c.condition()));
                    citations(g, c.citations());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("o");
        for (Obligation o : d.obligations()) {
            finding(g, o.code(), message(zh, o.message(), o.messageZh()), o.itemIds(), o.citations());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("w");
        for (Warning w : d.warnings()) {
            finding(g, w.code(), message(zh, w.message(), w.messageZh()), w.itemIds(), w.citations());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("r");
        for (TraceEntry t : d.trace()) {
            g.writeStartArray();
            g.writeNumber(intern(rules, nz(t.rule()) + "\t" + nz(t.source())));
            strings(g, t.itemIds());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The Chinese message in a Chinese report; records written before 0.2.0 have none, and show the English. */
    private static String message(boolean zh, String en, String chinese) {
        return zh && chinese != null ? chinese : en;
    }

    private void finding(JsonGenerator g, String code, String message, List<String> itemIds, List<Citation> cs)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("k", nz(code));
        g.writeNumberField("m", intern(messages, nz(message)));
        g.writeFieldName("i");
        strings(g, itemIds);
        citations(g, cs);
        g.writeEndObject();
    }

    private void citations(JsonGenerator g, List<Citation> cs) throws IOException {
        g.writeArrayFieldStart("c");
        for (Citation c : cs) {
            // Label and text identify the entry: a record may carry an altered text, which is shown as it is.
            g.writeNumber(intern(clauses, nz(c.label()).replace('\t', ' ') + "\t" + nz(c.text())));
        }
        g.writeEndArray();
    }

    /**
     * One data file: {@code PREFIX"base64(gzip(json))");}. Written as it goes, never held whole; the base64 and
     * gzip streams are closed before the suffix, through a shield that keeps the file open.
     */
    private static final class DataFile implements Closeable {
        private final OutputStream file;
        final JsonGenerator json;
        private boolean closed;

        DataFile(Path path, String prefix) throws IOException {
            file = Files.newOutputStream(path);
            file.write((prefix + "\"").getBytes(StandardCharsets.US_ASCII));
            OutputStream shield = new FilterOutputStream(file) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            OutputStream gzip = new GZIPOutputStream(Base64.getEncoder().wrap(shield), 1 << 16);
            json = JSON.createGenerator(gzip, JsonEncoding.UTF8);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                json.close();
                file.write("\");\n".getBytes(StandardCharsets.US_ASCII));
            } finally {
                file.close();
            }
        }
    }
}
