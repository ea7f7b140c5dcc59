package io.github.ftzoutbound.transcription;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.lists.Acknowledgement;
import io.github.ftzoutbound.lists.Band;
import io.github.ftzoutbound.lists.CodeCatalog;
import io.github.ftzoutbound.lists.Counts;
import io.github.ftzoutbound.lists.ListCondition;
import io.github.ftzoutbound.lists.ListDuty;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.lists.ListLoader;
import io.github.ftzoutbound.lists.ListStatus;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.lists.RowDataType;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Texts;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transcription workflow for legal teams, who receive the official lists as tables (docs/negative-lists.md,
 * "Transcribing a published list"): a workbook with the sheets {@code list}, {@code sectors}, {@code rows},
 * {@code conditions}, {@code duties} and {@code acknowledged} becomes a format-2 list file, and a list file
 * becomes that workbook again, or a printable HTML table for review and sign-off. Every problem of an import is
 * reported by sheet, row and column; nothing is written while any remains.
 */
public final class ListTranscription {
    public static final List<String> LIST_KEYS = List.of("id", "ftz", "status", "title", "version", "issuers",
            "documentNumber", "published", "effectiveFrom", "effectiveTo", "sources");
    public static final List<String> SECTOR_COLUMNS = List.of("sector", "scenario");
    public static final List<String> ROW_COLUMNS = List.of("sector", "scenario", "subList", "id", "dataType",
            "subCategory", "fields", "description", "examples", "scale", "thresholds", "unless", "route");
    public static final List<String> CONDITION_COLUMNS = List.of("code", "zh", "en");
    public static final List<String> DUTY_COLUMNS = List.of("code", "kind", "workingDays", "scope", "effectiveFrom",
            "effectiveTo", "text", "textEn");
    public static final List<String> ACK_COLUMNS = List.of("finding", "rows", "reason");
    /** "ALL_PERSONS >= 500000", "SENSITIVE_PERSONS >= 10000 < 100000". */
    static final Pattern BAND = Pattern.compile("([A-Z_]+)\\s*>=\\s*([0-9][0-9,_]*)(?:\\s*<\\s*([0-9][0-9,_]*))?");
    private static final Map<String, String> SUB_LISTS = Map.of(
            "SECURITY_ASSESSMENT", "securityAssessment", "（一）", "securityAssessment", "(一)", "securityAssessment",
            "STANDARD_CONTRACT_OR_CERTIFICATION", "standardContractOrCertification",
            "（二）", "standardContractOrCertification", "(二)", "standardContractOrCertification",
            "OTHER_ROUTE", "otherRoutes");

    /**
     * The outcome of an import: the list file's text, or the problems (each "sheet S, row R, column C: …"), in
     * English ({@code problems}) and, one for one, in Chinese ({@code problemsZh}: "工作表 S，第 R 行，C 列：…"), from
     * the bundle {@code io/github/ftzoutbound/transcription/Transcription(_zh).properties}. Sheet names, headers,
     * codes and cell values are quoted as they are in both.
     */
    public record Imported(String yaml, List<String> problems, List<String> problemsZh) {
        public Imported {
            problems = List.copyOf(problems);
            problemsZh = List.copyOf(problemsZh);
            if (problems.size() != problemsZh.size()) {
                throw new IllegalArgumentException("one Chinese text per problem");
            }
        }

        /** The problems in {@code locale}'s language: Chinese for zh, English otherwise. */
        public List<String> problems(java.util.Locale locale) {
            return Texts.chinese(locale) ? problemsZh : problems;
        }
    }

    private ListTranscription() {
    }

    // ------------------------------------------------------------------ import

    /**
     * Builds a format-2 list file from the sheets. {@code catalog} (may be null) checks sector, scenario and field
     * codes, suggesting the nearest known ones.
     */
    public static Imported fromSheets(Map<String, Sheet> sheets, CodeCatalog catalog) {
        Cells c = new Cells(catalog);
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("format", 2);
        Sheet meta = c.sheet(sheets, "list", List.of("key", "value"), true);
        Map<String, int[]> metaRows = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (meta != null) {
            for (int r = 1; r < meta.rows().size(); r++) {
                String key = c.cell(meta, r, 0);
                if (key.isEmpty()) {
                    continue;
                }
                if (!LIST_KEYS.contains(key)) {
                    c.problem(meta, r, 0, "key.unknown", key, LIST_KEYS);
                } else if (values.put(key, c.cell(meta, r, 1)) != null) {
                    c.problem(meta, r, 0, "key.twice", key);
                }
                metaRows.put(key, new int[]{r, 1});
            }
            for (String key : List.of("id", "ftz", "status", "title", "version", "effectiveFrom")) {
                if (values.getOrDefault(key, "").isEmpty()) {
                    int[] at = metaRows.get(key);
                    if (at == null) {
                        c.sheetProblem("list", "key.missing", key);
                    } else {
                        c.problem(meta, at[0], 1, "key.required", key);
                    }
                }
            }
            for (String key : LIST_KEYS) {
                String v = values.get(key);
                int[] at = metaRows.get(key);
                if (v == null || v.isEmpty() || at == null) {
                    if (key.equals("effectiveTo")) {
                        list.put("effectiveTo", null);
                    }
                    continue;
                }
                switch (key) {
                    case "id" -> c.pattern(meta, at[0], at[1], v, Limits.LIST_ID, "listId");
                    case "ftz" -> {
                        if (!v.equals("JIANGSU") && !v.equals("ZHEJIANG") && !ListLoader.OTHER_FTZS.contains(v)) {
                            c.problem(meta, at[0], at[1], "ftz.unknown", v);
                        }
                    }
                    case "status" -> c.enumValue(meta, at[0], at[1], v, ListStatus.class);
                    case "published", "effectiveFrom", "effectiveTo" -> c.date(meta, at[0], at[1], v);
                    default -> {
                    }
                }
                list.put(key, key.equals("issuers") || key.equals("sources") ? lines(v) : v);
            }
        }
        if ("OFFICIAL".equals(values.get("status")) && values.getOrDefault("sources", "").isEmpty()) {
            c.sheetProblem("list", "official.sources");
        }

        List<Map<String, Object>> conditions = new ArrayList<>();
        Set<String> conditionCodes = new HashSet<>();
        Sheet cond = c.sheet(sheets, "conditions", CONDITION_COLUMNS, false);
        if (cond != null) {
            for (int r = 1; r < cond.rows().size(); r++) {
                if (c.blank(cond, r)) {
                    continue;
                }
                String code = c.required(cond, r, 0);
                c.pattern(cond, r, 0, code, Limits.CODE, "a code of upper-case letters, digits and underscores");
                if (!code.isEmpty() && !conditionCodes.add(code)) {
                    c.problem(cond, r, 0, "condition.twice", code);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", code);
                m.put("zh", c.required(cond, r, 1));
                m.put("en", c.required(cond, r, 2));
                conditions.add(m);
            }
        }

        List<Map<String, Object>> duties = new ArrayList<>();
        Sheet dut = c.sheet(sheets, "duties", DUTY_COLUMNS, false);
        if (dut != null) {
            for (int r = 1; r < dut.rows().size(); r++) {
                if (c.blank(dut, r)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                String code = c.required(dut, r, 0);
                c.pattern(dut, r, 0, code, Limits.CODE, "a code of upper-case letters, digits and underscores");
                m.put("code", code);
                String kind = c.required(dut, r, 1);
                c.enumValue(dut, r, 1, kind, ListDuty.Kind.class);
                m.put("kind", kind);
                String days = c.cell(dut, r, 2);
                if (!days.isEmpty()) {
                    Long d = c.number(dut, r, 2, days);
                    if (d != null) {
                        m.put("workingDays", d);
                    }
                } else if ("REPORT_AFTER_EXPORT".equals(kind)) {
                    c.problem(dut, r, 2, "duty.days");
                }
                String scope = c.required(dut, r, 3);
                c.enumValue(dut, r, 3, scope, ListDuty.Scope.class);
                m.put("scope", scope);
                for (int col : new int[]{4, 5}) {
                    String v = c.cell(dut, r, col);
                    if (!v.isEmpty()) {
                        c.date(dut, r, col, v);
                        m.put(DUTY_COLUMNS.get(col), v);
                    }
                }
                m.put("text", c.required(dut, r, 6));
                String en = c.cell(dut, r, 7);
                if (!en.isEmpty()) {
                    m.put("textEn", en);
                }
                duties.add(m);
            }
        }

        Map<String, Map<String, Object>> sectors = new LinkedHashMap<>();
        Sheet sec = c.sheet(sheets, "sectors", SECTOR_COLUMNS, false);
        if (sec != null) {
            for (int r = 1; r < sec.rows().size(); r++) {
                if (c.blank(sec, r)) {
                    continue;
                }
                String sector = c.required(sec, r, 0);
                String scenario = c.cell(sec, r, 1);
                c.code(sec, r, 0, sector, CodeCatalog.Kind.SECTOR);
                if (!scenario.isEmpty()) {
                    c.code(sec, r, 1, scenario, CodeCatalog.Kind.SCENARIO);
                }
                if (!sector.isEmpty()) {
                    place(sectors, sector, scenario.isEmpty() ? null : scenario);
                }
            }
        }
        Sheet rows = c.sheet(sheets, "rows", ROW_COLUMNS, true);
        Set<String> ids = new HashSet<>();
        if (rows != null) {
            for (int r = 1; r < rows.rows().size(); r++) {
                if (c.blank(rows, r)) {
                    continue;
                }
                Map<String, Object> row = row(c, rows, r, conditionCodes, ids);
                String sector = c.required(rows, r, 0);
                c.code(rows, r, 0, sector, CodeCatalog.Kind.SECTOR);
                String scenario = c.cell(rows, r, 1);
                if (!scenario.isEmpty()) {
                    c.code(rows, r, 1, scenario, CodeCatalog.Kind.SCENARIO);
                }
                String subList = SUB_LISTS.get(c.cell(rows, r, 2));
                if (subList == null) {
                    c.problem(rows, r, 2, "subList.unknown");
                }
                if (row == null || sector.isEmpty() || subList == null) {
                    continue;
                }
                Object route = row.get("route");
                if (route != null && !subList.equals("otherRoutes")) {
                    c.problem(rows, r, 12, "route.subList");
                } else if (route == null && subList.equals("otherRoutes")) {
                    c.problem(rows, r, 12, "route.missing");
                }
                if ("IMPORTANT_DATA".equals(row.get("dataType")) && subList.equals("standardContractOrCertification")) {
                    c.problem(rows, r, 4, "importantData.subList");
                }
                Map<String, Object> holder = place(sectors, sector, scenario.isEmpty() ? null : scenario);
                @SuppressWarnings("unchecked")
                List<Object> target = (List<Object>) holder.computeIfAbsent(subList, k -> new ArrayList<>());
                target.add(row);
            }
        }
        if (sectors.isEmpty() && rows != null) {
            c.sheetProblem("sectors", "sector.none");
        }
        if (!conditions.isEmpty()) {
            list.put("conditions", conditions);
        }
        if (!duties.isEmpty()) {
            list.put("duties", duties);
        }
        List<Map<String, Object>> acks = new ArrayList<>();
        Sheet ack = c.sheet(sheets, "acknowledged", ACK_COLUMNS, false);
        if (ack != null) {
            for (int r = 1; r < ack.rows().size(); r++) {
                if (c.blank(ack, r)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                String finding = c.required(ack, r, 0);
                if (!List.of("OVERLAP", "NO_FIELDS", "STRICTER_THAN_NATIONAL").contains(finding) && !finding.isEmpty()) {
                    c.problem(ack, r, 0, "finding.unknown");
                }
                m.put("finding", finding);
                m.put("rows", codes(c.required(ack, r, 1)));
                m.put("reason", c.required(ack, r, 2));
                acks.add(m);
            }
        }
        if (!acks.isEmpty()) {
            list.put("acknowledged", acks);
        }
        List<Map<String, Object>> sectorList = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : sectors.entrySet()) {
            sectorList.add(e.getValue());
        }
        list.put("sectors", sectorList);
        if (!c.problems.isEmpty()) {
            return new Imported(null, c.problems, c.problemsZh);
        }
        String yaml = toYaml(list);
        // The loader has the last word: what it refuses is refused here too, with its file:line.
        try {
            ListLoader.parseAll(List.of(new SourceFile("imported.list.yaml", yaml)));
        } catch (RuleSetException e) {
            return new Imported(null, e.problems(), e.problems(Locale.SIMPLIFIED_CHINESE));
        }
        return new Imported(yaml, List.of(), List.of());
    }

    private static Map<String, Object> row(Cells c, Sheet s, int r, Set<String> conditionCodes, Set<String> ids) {
        int before = c.problems.size();
        Map<String, Object> m = new LinkedHashMap<>();
        String id = c.required(s, r, 3);
        c.pattern(s, r, 3, id, Limits.LIST_ID, "rowId");
        if (!id.isEmpty() && !ids.add(id)) {
            c.problem(s, r, 3, "rowId.duplicate", id);
        }
        m.put("id", id);
        String type = c.required(s, r, 4);
        c.enumValue(s, r, 4, type, RowDataType.class);
        m.put("dataType", type);
        put(m, "subCategory", c.cell(s, r, 5));
        List<String> fields = codes(c.cell(s, r, 6));
        for (String f : fields) {
            c.pattern(s, r, 6, f, Limits.CODE, "fieldCode");
            c.code(s, r, 6, f, CodeCatalog.Kind.FIELD);
        }
        if (new HashSet<>(fields).size() != fields.size()) {
            c.problem(s, r, 6, "field.twice");
        }
        if (!fields.isEmpty()) {
            m.put("fields", fields);
        }
        String description = c.cell(s, r, 7);
        if (fields.isEmpty() && description.isEmpty()) {
            c.problem(s, r, 6, "row.empty");
        }
        put(m, "description", description);
        List<String> examples = lines(c.cell(s, r, 8));
        if (!examples.isEmpty()) {
            m.put("examples", examples);
        }
        put(m, "scale", c.cell(s, r, 9));
        String thresholds = c.cell(s, r, 10);
        if (!thresholds.isEmpty()) {
            List<Map<String, Object>> bands = new ArrayList<>();
            for (String part : thresholds.split("[;；\n]")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                Matcher bm = BAND.matcher(p);
                if (!bm.matches()) {
                    c.problem(s, r, 10, "band.syntax", p, Arrays.toString(Counts.values()));
                    continue;
                }
                Map<String, Object> b = new LinkedHashMap<>();
                if (c.enumValue(s, r, 10, bm.group(1), Counts.class)) {
                    b.put("counts", bm.group(1));
                }
                Long at = c.number(s, r, 10, bm.group(2));
                b.put("atLeast", at);
                if (bm.group(3) != null) {
                    Long below = c.number(s, r, 10, bm.group(3));
                    if (at != null && below != null && below <= at) {
                        c.problem(s, r, 10, "band.bounds", p);
                    }
                    b.put("below", below);
                }
                bands.add(b);
            }
            if ("IMPORTANT_DATA".equals(type) && !bands.isEmpty()) {
                c.problem(s, r, 10, "importantData.band");
            }
            m.put("thresholds", bands);
        }
        List<String> unless = codes(c.cell(s, r, 11));
        for (String u : unless) {
            if (!conditionCodes.contains(u)) {
                c.problem(s, r, 11, "condition.undeclared", u);
            }
        }
        if (!unless.isEmpty()) {
            m.put("unless", unless);
        }
        String route = c.cell(s, r, 12);
        if (!route.isEmpty()) {
            c.pattern(s, r, 12, route, Limits.CODE, "routeCode");
            m.put("route", route);
        }
        return c.problems.size() > before ? null : m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> place(Map<String, Map<String, Object>> sectors, String sector, String scenario) {
        Map<String, Object> s = sectors.computeIfAbsent(sector, k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", k);
            return m;
        });
        if (scenario == null) {
            return s;
        }
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) s.computeIfAbsent("scenarios",
                k -> new ArrayList<>());
        for (Map<String, Object> sc : scenarios) {
            if (scenario.equals(sc.get("code"))) {
                return sc;
            }
        }
        Map<String, Object> sc = new LinkedHashMap<>();
        sc.put("code", scenario);
        scenarios.add(sc);
        return sc;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    /** Codes separated by ";", "、", "," or spaces. */
    static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        for (String p : cell.split("[;；,，、\\s]+")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** Texts one per line within the cell. */
    static List<String> lines(String cell) {
        return cell.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static String toYaml(Map<String, Object> list) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setAllowUnicode(true);
        o.setWidth(4096);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setSplitLines(false);
        return "# Generated from a transcription workbook by import-list (or from a format-1 file by migrate-lists);\n"
                + "# docs/negative-lists.md. Edit the workbook and import it again rather than editing this file by hand.\n"
                + new Yaml(o).dump(list);
    }

    /**
     * Reads cells and collects problems as "sheet S, row R, column C (header): message", in English and, one for
     * one, in Chinese (Transcription.properties, Transcription_zh.properties).
     */
    private static final class Cells {
        static final String BUNDLE = "io.github.ftzoutbound.transcription.Transcription";
        final List<String> problems = new ArrayList<>();
        final List<String> problemsZh = new ArrayList<>();
        final CodeCatalog catalog;

        Cells(CodeCatalog catalog) {
            this.catalog = catalog;
        }

        Sheet sheet(Map<String, Sheet> sheets, String name, List<String> columns, boolean required) {
            Sheet s = sheets.get(name);
            if (s == null) {
                if (required) {
                    sheetProblem(name, "sheet.missing", sheets.keySet());
                }
                return null;
            }
            List<String> header = s.rows().isEmpty() ? List.of() : s.rows().get(0);
            for (int i = 0; i < columns.size(); i++) {
                String h = i < header.size() ? header.get(i) : "";
                if (!columns.get(i).equals(h)) {
                    add(text(Locale.ROOT, "at.cell", name, 1, Sheet.letter(i), ""),
                            text(Locale.SIMPLIFIED_CHINESE, "at.cell", name, 1, Sheet.letter(i), ""),
                            "header.wrong", columns.get(i), columns, h);
                    return null;
                }
            }
            return s;
        }

        String cell(Sheet s, int r, int c) {
            List<String> row = s.rows().get(r);
            return c < row.size() ? row.get(c) : "";
        }

        boolean blank(Sheet s, int r) {
            return s.rows().get(r).stream().allMatch(String::isBlank);
        }

        String required(Sheet s, int r, int c) {
            String v = cell(s, r, c);
            if (v.isEmpty()) {
                problem(s, r, c, "cell.required");
            }
            return v;
        }

        /** A problem of one cell: {@code key} of the bundle with {@code args}, after the cell's place. */
        void problem(Sheet s, int r, int c, String key, Object... args) {
            List<String> header = s.rows().isEmpty() ? List.of() : s.rows().get(0);
            String h = c < header.size() ? header.get(c) : null;
            add(text(Locale.ROOT, h == null ? "at.cell" : "at.cellHeader", s.name(), r + 1, Sheet.letter(c), h),
                    text(Locale.SIMPLIFIED_CHINESE, h == null ? "at.cell" : "at.cellHeader", s.name(), r + 1,
                            Sheet.letter(c), h), key, args);
        }

        /** A problem of a whole sheet. */
        void sheetProblem(String sheet, String key, Object... args) {
            add(text(Locale.ROOT, "at.sheet", sheet), text(Locale.SIMPLIFIED_CHINESE, "at.sheet", sheet), key, args);
        }

        private void add(String where, String whereZh, String key, Object... args) {
            problems.add(where + text(Locale.ROOT, key, args));
            problemsZh.add(whereZh + text(Locale.SIMPLIFIED_CHINESE, key, args));
        }

        /**
         * {@code key} in {@code locale} (ROOT is the English base file), its {n} filled with {@code args} in one pass
         * (no MessageFormat: no quoting rules, numbers as they are, a cell that reads "{0}" is never substituted).
         */
        static String text(Locale locale, String key, Object... args) {
            return Texts.text(BUNDLE, locale, key, args);
        }

        void pattern(Sheet s, int r, int c, String v, Pattern p, String what) {
            if (!v.isEmpty() && !p.matcher(v).matches()) {
                problem(s, r, c, "pattern." + what, v);
            }
        }

        <E extends Enum<E>> boolean enumValue(Sheet s, int r, int c, String v, Class<E> type) {
            if (v.isEmpty()) {
                return false;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return true;
                }
            }
            problem(s, r, c, "enum.unknown", v, Arrays.toString(type.getEnumConstants()));
            return false;
        }

        void date(Sheet s, int r, int c, String v) {
            try {
                LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problem(s, r, c, "date.invalid", v);
            }
        }

        Long number(Sheet s, int r, int c, String v) {
            try {
                long n = Long.parseLong(v.replace(",", "").replace("_", ""));
                if (n < 1 || n > Limits.MAX_COUNT) {
                    problem(s, r, c, "number.range", v);
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(s, r, c, "number.invalid", v);
                return null;
            }
        }

        void code(Sheet s, int r, int c, String code, CodeCatalog.Kind kind) {
            if (catalog != null && !code.isEmpty() && Limits.CODE.matcher(code).matches() && !catalog.knows(kind, code)) {
                List<String> near = catalog.suggest(kind, code);
                String what = kind.name().toLowerCase(Locale.ROOT);
                // The English text is the catalog's own (CodeCatalog.unknownMessage), so both tools say the same.
                if (near.isEmpty()) {
                    problem(s, r, c, "code.unknown." + what, code);
                } else {
                    problem(s, r, c, "code.unknownNear." + what, code, String.join(" or ", near),
                            String.join("或", near));
                }
            }
        }
    }

    // ------------------------------------------------------------------ export

    /** The sheets of a loaded list (all sectors of one file, in file order), ready for a workbook. */
    public static Map<String, Sheet> toSheets(List<NegativeList> parts) {
        NegativeList first = parts.get(0);
        if (first.format() == 1 && first.sectors().size() > 1) {
            // A format-1 entry covers every sector of its list; a format-2 row sits in one sector. Splitting the
            // rows across sectors would need new row ids, which is the legal team's call, not the tool's.
            throw new IllegalArgumentException(first.source() + ": a format-1 list naming several sectors "
                    + first.sectors() + " cannot be written as one workbook; split it into one file per sector first");
        }
        Map<String, Sheet> out = new LinkedHashMap<>();
        List<List<String>> meta = new ArrayList<>();
        meta.add(List.of("key", "value"));
        meta.add(List.of("id", first.id()));
        meta.add(List.of("ftz", first.ftzCode()));
        meta.add(List.of("status", first.status().name()));
        meta.add(List.of("title", first.title()));
        meta.add(List.of("version", first.version()));
        meta.add(List.of("issuers", String.join("\n", first.issuers())));
        meta.add(List.of("documentNumber", nz(first.documentNumber())));
        meta.add(List.of("published", first.published() == null ? "" : first.published().toString()));
        meta.add(List.of("effectiveFrom", first.effectiveFrom().toString()));
        meta.add(List.of("effectiveTo", first.effectiveTo() == null ? "" : first.effectiveTo().toString()));
        meta.add(List.of("sources", String.join("\n", first.sources())));
        out.put("list", new Sheet("list", meta));
        List<List<String>> sectors = new ArrayList<>();
        sectors.add(SECTOR_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        rows.add(ROW_COLUMNS);
        for (NegativeList part : parts) {
            String sector = part.sectors().get(0);
            if (part.scenarios().isEmpty()) {
                sectors.add(List.of(sector, ""));
            }
            for (String sc : part.scenarios()) {
                sectors.add(List.of(sector, sc));
            }
            for (ListEntry e : part.entries()) {
                rows.add(List.of(nz(e.sector() == null ? sector : e.sector()), nz(e.scenario()), subList(e.pathway()),
                        e.id(), e.dataType().name(), nz(e.subCategory()), String.join("; ", e.fields()),
                        nz(e.description()), String.join("\n", e.examples()), nz(e.scale()), bands(e.bands()),
                        String.join("; ", e.unless()), nz(e.route())));
            }
        }
        out.put("sectors", new Sheet("sectors", sectors));
        out.put("rows", new Sheet("rows", rows));
        List<List<String>> conditions = new ArrayList<>();
        conditions.add(CONDITION_COLUMNS);
        for (ListCondition lc : first.conditions()) {
            conditions.add(List.of(lc.code(), lc.zh(), lc.en()));
        }
        out.put("conditions", new Sheet("conditions", conditions));
        List<List<String>> duties = new ArrayList<>();
        duties.add(DUTY_COLUMNS);
        for (ListDuty d : first.duties()) {
            duties.add(List.of(d.code(), d.kind().name(), d.workingDays() == null ? "" : d.workingDays().toString(),
                    d.scope().name(), d.effectiveFrom() == null ? "" : d.effectiveFrom().toString(),
                    d.effectiveTo() == null ? "" : d.effectiveTo().toString(), d.text(), nz(d.textEn())));
        }
        out.put("duties", new Sheet("duties", duties));
        List<List<String>> acks = new ArrayList<>();
        acks.add(ACK_COLUMNS);
        for (Acknowledgement a : first.acknowledgements()) {
            acks.add(List.of(a.finding(), String.join("; ", a.rows()), a.reason()));
        }
        out.put("acknowledged", new Sheet("acknowledged", acks));
        return out;
    }

    private static String subList(Pathway p) {
        return switch (p) {
            case SECURITY_ASSESSMENT -> "SECURITY_ASSESSMENT";
            case STANDARD_CONTRACT_OR_CERTIFICATION -> "STANDARD_CONTRACT_OR_CERTIFICATION";
            default -> "OTHER_ROUTE";
        };
    }

    static String bands(List<Band> bands) {
        List<String> out = new ArrayList<>();
        for (Band b : bands) {
            out.add(b.counts() + " >= " + b.atLeast() + (b.below() == null ? "" : " < " + b.below()));
        }
        return String.join("; ", out);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A self-contained, printable HTML table of the list for review and sign-off. */
    public static String toHtml(List<NegativeList> parts, CodeCatalog catalog) {
        NegativeList l = parts.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(l.title())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;font-size:11pt;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #444;padding:4px;vertical-align:top;text-align:left}")
                .append("th{background:#eee}.status{font-weight:bold;color:#a00}.sign td{height:3em}")
                .append("@media print{body{margin:0}tr{page-break-inside:avoid}}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(l.title())).append("</h1>\n<table>\n");
        meta(sb, "列表编号 List id", l.id());
        meta(sb, "自贸试验区 FTZ", l.ftzCode());
        sb.append("<tr><th>状态 Status</th><td class=\"status\">").append(esc(l.status().name())).append("</td></tr>\n");
        meta(sb, "版本 Version", l.version());
        meta(sb, "发布机关 Issuers", String.join("、", l.issuers()));
        meta(sb, "文号 Document number", l.documentNumber());
        meta(sb, "发布日期 Published", l.published() == null ? null : l.published().toString());
        meta(sb, "施行 In force", l.effectiveFrom() + " – " + (l.effectiveTo() == null ? "" : l.effectiveTo() + "（不含）"));
        meta(sb, "来源 Sources", String.join("\n", l.sources()));
        sb.append("</table>\n");
        for (NegativeList part : parts) {
            String sector = part.sectors().get(0);
            sb.append("<h2>").append(esc(name(catalog, CodeCatalog.Kind.SECTOR, sector))).append("</h2>\n");
            sb.append("<table>\n<tr><th>业务场景 Scenario</th><th>清单 Sub-list</th><th>编号 Row</th><th>数据类型 Type</th>")
                    .append("<th>数据子类 Sub-category</th><th>字段 Fields</th><th>描述 Description</th><th>示例 Examples</th>")
                    .append("<th>规模 Scale</th><th>门槛 Thresholds</th><th>除外条件 Unless</th><th>路径 Route</th></tr>\n");
            for (ListEntry e : part.entries()) {
                sb.append("<tr><td>").append(esc(e.scenario() == null ? "（全部场景 all）"
                                : name(catalog, CodeCatalog.Kind.SCENARIO, e.scenario())))
                        .append("</td><td>").append(esc(switch (e.pathway()) {
                            case SECURITY_ASSESSMENT -> "（一）安全评估";
                            case STANDARD_CONTRACT_OR_CERTIFICATION -> "（二）标准合同/认证";
                            default -> "其他路径";
                        })).append("</td><td>").append(esc(e.id())).append("</td><td>").append(esc(e.dataType().name()))
                        .append("</td><td>").append(esc(e.subCategory())).append("</td><td>")
                        .append(esc(String.join("、", e.fields().stream()
                                .map(f -> name(catalog, CodeCatalog.Kind.FIELD, f)).toList())))
                        .append("</td><td>").append(esc(e.description())).append("</td><td>")
                        .append(esc(String.join("；", e.examples()))).append("</td><td>").append(esc(e.scale()))
                        .append("</td><td>").append(esc(bands(e.bands()))).append("</td><td>")
                        .append(esc(String.join("、", e.unless()))).append("</td><td>").append(esc(e.route()))
                        .append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        if (!l.duties().isEmpty()) {
            sb.append("<h2>义务 Duties</h2>\n<table>\n<tr><th>编号 Code</th><th>类型 Kind</th><th>工作日 Days</th>")
                    .append("<th>范围 Scope</th><th>施行 In force</th><th>原文 Text</th></tr>\n");
            for (ListDuty d : l.duties()) {
                sb.append("<tr><td>").append(esc(d.code())).append("</td><td>").append(esc(d.kind().name()))
                        .append("</td><td>").append(d.workingDays() == null ? "" : d.workingDays()).append("</td><td>")
                        .append(esc(d.scope().name())).append("</td><td>")
                        .append(esc((d.effectiveFrom() == null ? "" : d.effectiveFrom().toString()) + " – "
                                + (d.effectiveTo() == null ? "" : d.effectiveTo().toString())))
                        .append("</td><td>").append(esc(d.text())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h2>审核签字 Review and sign-off</h2>\n<table class=\"sign\">\n")
                .append("<tr><th>核对人 Checked by</th><th>日期 Date</th><th>签字 Signature</th><th>意见 Remarks</th></tr>\n")
                .append("<tr><td></td><td></td><td></td><td></td></tr>\n<tr><td></td><td></td><td></td><td></td></tr>\n")
                .append("</table>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void meta(StringBuilder sb, String label, String value) {
        sb.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String name(CodeCatalog catalog, CodeCatalog.Kind kind, String code) {
        CodeCatalog.Name n = catalog == null ? null : catalog.all(kind).get(code);
        return n == null ? code : n.zh() + " " + n.en() + " (" + code + ")";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br>");
    }
}
