package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads negative-list files strictly (contract.md, "Negative list files"). Every problem is reported as
 * {@code file:line: message}; one bad file refuses the whole load, so the engine never runs half-loaded.
 *
 * <p>Safety: files are composed into a plain node tree (SnakeYAML {@code compose}), which builds no Java
 * objects, so no YAML tag can instantiate a type; explicit tags, anchors and aliases are refused; files are
 * limited in size and nesting.
 */
public final class ListLoader {
    public static final int MAX_FILE_CHARS = 1024 * 1024;
    /**
     * The texts of list-file problems: English in {@code lists/ListProblems.properties}, Chinese in
     * {@code ListProblems_zh.properties} (issue 16: a legal team fixing a list reads why in its language).
     */
    public static final String BUNDLE = "io.github.ftzoutbound.lists.ListProblems";
    /** The other FTZs whose lists may be adopted by reference (JS 24 para 2, ZJ 19). */
    public static final Set<String> OTHER_FTZS = Set.of("BEIJING", "SHANGHAI", "TIANJIN", "HAINAN", "CHONGQING",
            "GUANGXI", "FUJIAN", "GUANGDONG", "SHANDONG", "HUBEI", "SICHUAN", "SHAANXI", "LIAONING", "HENAN",
            "HEBEI", "YUNNAN", "HEILONGJIANG", "HUNAN", "ANHUI", "XINJIANG");
    private static final Set<String> LIST_KEYS = Set.of("format", "id", "ftz", "status", "title", "version",
            "effectiveFrom", "effectiveTo", "sectors", "scenarios", "entries", "acknowledged");
    private static final Set<String> LIST_KEYS_V2 = Set.of("format", "id", "ftz", "status", "title", "version",
            "issuers", "documentNumber", "published", "effectiveFrom", "effectiveTo", "sources", "conditions",
            "duties", "acknowledged", "sectors");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "scenario", "dataClass", "fields", "threshold",
            "pathway", "description");
    private static final Set<String> THRESHOLD_KEYS = Set.of("individualsAtLeast", "sensitiveIndividualsAtLeast");
    private static final Set<String> SECTOR_KEYS = Set.of("code", "scenarios", SubList.SA.key, SubList.SCC.key,
            SubList.ROUTES.key);
    private static final Set<String> SCENARIO_KEYS = Set.of("code", SubList.SA.key, SubList.SCC.key,
            SubList.ROUTES.key);
    private static final Set<String> ROW_KEYS = Set.of("id", "dataType", "subCategory", "fields", "description",
            "examples", "scale", "thresholds", "unless", "route");
    private static final Set<String> BAND_KEYS = Set.of("counts", "atLeast", "below");
    private static final Set<String> CONDITION_KEYS = Set.of("code", "zh", "en");
    private static final Set<String> DUTY_KEYS = Set.of("code", "kind", "workingDays", "scope", "effectiveFrom",
            "effectiveTo", "text", "textEn");
    private static final Set<String> ACK_KEYS = Set.of("finding", "rows", "reason");
    private static final Set<String> ADOPTION_KEYS = Set.of("id", "adoptingFtz", "list", "sectors", "adoptedFrom",
            "effectiveTo", "document", "quote", "source");
    private static final Set<String> NAME_KEYS = Set.of("zh", "en");

    /** The sub-lists of a scenario (or of a whole sector): (一), (二), and routes outside the three pathways. */
    enum SubList {
        SA("securityAssessment", Pathway.SECURITY_ASSESSMENT),
        SCC("standardContractOrCertification", Pathway.STANDARD_CONTRACT_OR_CERTIFICATION),
        ROUTES("otherRoutes", Pathway.STRICTER_REGIME);

        final String key;
        final Pathway pathway;

        SubList(String key, Pathway pathway) {
            this.key = key;
            this.pathway = pathway;
        }
    }

    /** Everything read from the list folders: lists (one per sector), adoptions, and the merged code catalog. */
    public record Loaded(List<NegativeList> lists, List<Adoption> adoptions, CodeCatalog codes) {
    }

    private ListLoader() {
    }

    /**
     * One problem of a list file: {@code at} is where ({@code "file:line: "}, never translated), {@code key} its
     * text in {@link #BUNDLE} with {@code {0}} for {@code at} and {@code {1}}, {@code {2}}… for {@code args}. Its
     * English text reads {@code file:line: message} as it always has.
     */
    static Problem problem(String at, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = at;
        System.arraycopy(args, 0, all, 1, args.length);
        return Problem.in(BUNDLE, "rules", key, all);
    }

    /** Parses every list file; throws {@link RuleSetException} with all problems if any file is bad. */
    public static List<NegativeList> parseAll(List<SourceFile> files) {
        return load(files, List.of(), List.of()).lists();
    }

    /**
     * Parses list files, adoption files ({@code *.adoption.yaml}) and code catalogs ({@code codes.yaml}); throws
     * {@link RuleSetException} with every problem as {@code file:line: message} if anything is bad: duplicate list
     * or row ids across files, an adoption naming a list not loaded, a code defined twice with different names.
     */
    public static Loaded load(List<SourceFile> listFiles, List<SourceFile> adoptionFiles, List<SourceFile> codeFiles) {
        List<Problem> problems = new ArrayList<>();
        List<NegativeList> lists = new ArrayList<>();
        Map<String, String> listIds = new HashMap<>();
        Map<String, String> entryIds = new HashMap<>();
        for (SourceFile f : listFiles) {
            List<NegativeList> parts = parse(f, problems);
            if (parts == null || parts.isEmpty()) {
                continue;
            }
            String where = listIds.putIfAbsent(parts.get(0).id(), f.path());
            if (where != null) {
                problems.add(problem(f.path() + ":1: ", "list.duplicateListId", parts.get(0).id(), where));
            }
            for (NegativeList list : parts) {
                for (ListEntry e : list.entries()) {
                    String other = entryIds.putIfAbsent(e.id(), f.path() + ":" + e.line());
                    if (other != null) {
                        problems.add(problem(f.path() + ":" + e.line() + ": ", "list.duplicateEntryIdAcross",
                                e.id(), other));
                    }
                }
            }
            lists.addAll(parts);
        }
        List<Adoption> adoptions = new ArrayList<>();
        Set<String> adoptionIds = new HashSet<>();
        for (SourceFile f : adoptionFiles) {
            Adoption a = parseAdoption(f, problems);
            if (a == null) {
                continue;
            }
            if (!adoptionIds.add(a.id())) {
                problems.add(problem(f.path() + ":1: ", "adoption.duplicateId", a.id()));
            }
            NegativeList adopted = lists.stream().filter(l -> l.id().equals(a.listId())).findFirst().orElse(null);
            if (adopted == null) {
                problems.add(problem(f.path() + ":1: ", "adoption.listNotLoaded", a.id(), a.listId()));
            } else if (adopted.ftz() == a.adoptingFtz()) {
                problems.add(problem(f.path() + ":1: ", "adoption.ownList", a.id(), a.listId(), a.adoptingFtz()));
            } else if (adopted.status() == ListStatus.INCOMPLETE) {
                problems.add(problem(f.path() + ":1: ", "adoption.incompleteList", a.id(), a.listId()));
            } else {
                for (String s : a.sectors()) {
                    if (lists.stream().noneMatch(l -> l.id().equals(a.listId()) && l.sectors().contains(s))) {
                        problems.add(problem(f.path() + ":1: ", "adoption.sectorNotCovered", a.id(), s, a.listId()));
                    }
                }
            }
            adoptions.add(a);
        }
        CodeCatalog codes = parseCodes(codeFiles, problems);
        if (!problems.isEmpty()) {
            throw RuleSetException.of(problems);
        }
        return new Loaded(List.copyOf(lists), List.copyOf(adoptions), codes);
    }

    private static Node compose(SourceFile file, List<Problem> problems) {
        if (file.content().length() > MAX_FILE_CHARS) {
            problems.add(problem(file.path() + ":1: ", "file.tooLarge", MAX_FILE_CHARS));
            return null;
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(0);
            options.setNestingDepthLimit(Limits.MAX_NESTING);
            options.setCodePointLimit(MAX_FILE_CHARS);
            options.setAllowRecursiveKeys(false);
            Yaml yaml = new Yaml(options);
            // Anchors and aliases have no use in a list a lawyer reads line by line, and are the usual vehicle
            // of expansion attacks: refuse them before building any node.
            for (org.yaml.snakeyaml.events.Event event : yaml.parse(new StringReader(file.content()))) {
                if (event instanceof org.yaml.snakeyaml.events.AliasEvent
                        || event instanceof org.yaml.snakeyaml.events.NodeEvent ne && ne.getAnchor() != null) {
                    problems.add(problem(file.path() + ":" + (event.getStartMark().getLine() + 1) + ": ",
                            "yaml.anchors"));
                    return null;
                }
            }
            Node root = yaml.compose(new StringReader(file.content()));
            if (root == null) {
                problems.add(problem(file.path() + ":1: ", "file.empty"));
            }
            return root;
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
            problems.add(problem(file.path() + ":" + lineOf(e) + ": ", "yaml.invalid", msg));
            return null;
        }
    }

    /** Parses one list file into one list per sector, adding its problems; returns null when it has any. */
    static List<NegativeList> parse(SourceFile file, List<Problem> problems) {
        int before = problems.size();
        Node root = compose(file, problems);
        if (root == null) {
            return null;
        }
        Reader r = new Reader(file.path(), problems);
        if (!(root instanceof MappingNode rootMap)) {
            problems.add(problem(r.at(root), "list.notMapping"));
            return null;
        }
        int format = 1;
        for (NodeTuple t : rootMap.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && "format".equals(k.getValue())) {
                if (t.getValueNode() instanceof ScalarNode v && ("1".equals(v.getValue()) || "2".equals(v.getValue()))) {
                    format = Integer.parseInt(v.getValue());
                } else {
                    problems.add(problem(r.at(t.getValueNode()), "list.format"));
                    return null;
                }
            }
        }
        List<NegativeList> out;
        try {
            out = format == 2 ? parseV2(r, file, root) : parseV1(r, file, root);
        } catch (RuntimeException e) {
            // Only reachable through a half-read file whose problems are already listed; never load it.
            if (problems.size() == before) {
                problems.add(problem(file.path() + ":1: ", "file.unreadable", String.valueOf(e)));
            }
            return null;
        }
        return problems.size() > before ? null : out;
    }

    private static List<NegativeList> parseV1(Reader r, SourceFile file, Node root) {
        Map<String, Node> m = r.mapping(root, LIST_KEYS, "list");
        if (m == null) {
            return null;
        }
        String id = r.code(m, root, "id", true, Limits.LIST_ID);
        Ftz ftz = r.enumValue(m, root, "ftz", Ftz.class, true);
        if (ftz == Ftz.NONE) {
            r.problems.add(problem(r.at(m.get("ftz")), "list.ftzRequired"));
        }
        ListStatus status = r.enumValue(m, root, "status", ListStatus.class, true);
        String title = r.text(m, root, "title", true);
        String version = r.text(m, root, "version", true);
        LocalDate from = r.date(m, root, "effectiveFrom", true);
        LocalDate to = r.date(m, root, "effectiveTo", false);
        r.window(m, from, to);
        List<String> sectors = r.codes(m, root, "sectors", true);
        if (sectors != null && sectors.isEmpty()) {
            r.problems.add(problem(r.at(m.get("sectors")), "list.noSectors"));
        }
        List<String> scenarios = r.codes(m, root, "scenarios", false);
        List<ListEntry> entries = new ArrayList<>();
        Node entriesNode = m.get("entries");
        if (entriesNode == null) {
            r.problems.add(problem(r.at(root), "list.entriesRequired"));
        } else if (!(entriesNode instanceof SequenceNode seq)) {
            r.problems.add(problem(r.at(entriesNode), "list.entriesNotList"));
        } else {
            Set<String> seen = new HashSet<>();
            for (Node en : seq.getValue()) {
                ListEntry e = entry(r, en, scenarios);
                if (e != null) {
                    if (!seen.add(e.id())) {
                        r.problems.add(problem(r.at(en), "list.duplicateEntryId", e.id()));
                    }
                    entries.add(e);
                }
            }
        }
        List<Acknowledgement> acks = acknowledgements(r, m.get("acknowledged"));
        if (sectors == null || id == null || ftz == null) {
            return null;
        }
        return List.of(new NegativeList(id, 1, ftz, ftz.name(), status, title, version, List.of(), null, null, from,
                to, sectors, scenarios, entries, List.of(), List.of(), acks, List.of(), file.path()));
    }

    private static ListEntry entry(Reader r, Node node, List<String> listScenarios) {
        Map<String, Node> m = r.mapping(node, ENTRY_KEYS, "entry");
        if (m == null) {
            return null;
        }
        int before = r.problems.size();
        String id = r.code(m, node, "id", true, Limits.LIST_ID);
        String scenario = r.code(m, node, "scenario", false, Limits.CODE);
        if (scenario != null && listScenarios != null && !listScenarios.isEmpty() && !listScenarios.contains(scenario)) {
            r.problems.add(problem(r.at(m.get("scenario")), "entry.scenarioNotListed",
                    scenario, String.valueOf(listScenarios)));
        }
        DataClass dataClass = r.enumValue(m, node, "dataClass", DataClass.class, true);
        List<String> fields = r.codes(m, node, "fields", true);
        List<Band> bands = new ArrayList<>();
        Node t = m.get("threshold");
        if (t != null && !isNull(t)) {
            Map<String, Node> tm = r.mapping(t, THRESHOLD_KEYS, "threshold");
            if (tm != null) {
                Long ind = r.positive(tm, "individualsAtLeast");
                Long sens = r.positive(tm, "sensitiveIndividualsAtLeast");
                if (tm.isEmpty()) {
                    r.problems.add(problem(r.at(t), "entry.thresholdEmpty"));
                }
                if (ind != null) {
                    bands.add(new Band(Counts.NON_SENSITIVE_PERSONS, ind, null));
                }
                if (sens != null) {
                    bands.add(new Band(Counts.SENSITIVE_PERSONS, sens, null));
                }
            }
        }
        Pathway pathway = r.enumValue(m, node, "pathway", Pathway.class, true);
        if (pathway == Pathway.EXEMPT || pathway == Pathway.STRICTER_REGIME) {
            r.problems.add(problem(r.at(m.get("pathway")), "entry.pathway"));
        }
        if (dataClass == DataClass.IMPORTANT_DATA && pathway == Pathway.STANDARD_CONTRACT_OR_CERTIFICATION) {
            r.problems.add(problem(r.at(m.get("pathway")), "entry.importantNeedsAssessment"));
        }
        String description = r.text(m, node, "description", false);
        if (r.problems.size() > before) {
            return null;
        }
        RowDataType type = dataClass == DataClass.IMPORTANT_DATA ? RowDataType.IMPORTANT_DATA
                : RowDataType.PERSONAL_INFORMATION;
        return new ListEntry(id, null, scenario, type, null, fields, description, List.of(), null, bands, pathway,
                null, List.of(), node.getStartMark().getLine() + 1);
    }

    private static List<NegativeList> parseV2(Reader r, SourceFile file, Node root) {
        Map<String, Node> m = r.mapping(root, LIST_KEYS_V2, "list");
        if (m == null) {
            return null;
        }
        String id = r.code(m, root, "id", true, Limits.LIST_ID);
        String ftzCode = r.text(m, root, "ftz", true);
        Ftz ftz = null;
        if ("JIANGSU".equals(ftzCode) || "ZHEJIANG".equals(ftzCode)) {
            ftz = Ftz.valueOf(ftzCode);
        } else if (ftzCode != null && !OTHER_FTZS.contains(ftzCode)) {
            r.problems.add(problem(r.at(m.get("ftz")), "list.unknownFtz",
                    ftzCode, String.valueOf(new java.util.TreeSet<>(OTHER_FTZS))));
        }
        ListStatus status = r.enumValue(m, root, "status", ListStatus.class, true);
        String title = r.text(m, root, "title", true);
        String version = r.text(m, root, "version", true);
        List<String> issuers = r.texts(m, root, "issuers", false);
        String documentNumber = r.text(m, root, "documentNumber", false);
        LocalDate published = r.date(m, root, "published", false);
        LocalDate from = r.date(m, root, "effectiveFrom", true);
        LocalDate to = r.date(m, root, "effectiveTo", false);
        r.window(m, from, to);
        List<String> sources = r.texts(m, root, "sources", false);
        if (status == ListStatus.OFFICIAL && (sources == null || sources.isEmpty())) {
            r.problems.add(problem(r.at(root), "list.officialSources"));
        }
        List<ListCondition> conditions = new ArrayList<>();
        for (Node cn : r.sequence(m.get("conditions"), "conditions")) {
            Map<String, Node> cm = r.mapping(cn, CONDITION_KEYS, "condition");
            if (cm != null) {
                String code = r.code(cm, cn, "code", true, Limits.CODE);
                String zh = r.text(cm, cn, "zh", true);
                String en = r.text(cm, cn, "en", true);
                if (code != null && conditions.stream().anyMatch(c -> c.code().equals(code))) {
                    r.problems.add(problem(r.at(cn), "list.conditionTwice", code));
                }
                conditions.add(new ListCondition(code, zh, en));
            }
        }
        Set<String> conditionCodes = new HashSet<>();
        conditions.forEach(c -> conditionCodes.add(c.code()));
        List<ListDuty> duties = new ArrayList<>();
        for (Node dn : r.sequence(m.get("duties"), "duties")) {
            Map<String, Node> dm = r.mapping(dn, DUTY_KEYS, "duty");
            if (dm != null) {
                String code = r.code(dm, dn, "code", true, Limits.CODE);
                ListDuty.Kind kind = r.enumValue(dm, dn, "kind", ListDuty.Kind.class, true);
                Long days = r.positive(dm, "workingDays");
                if (kind == ListDuty.Kind.REPORT_AFTER_EXPORT && days == null) {
                    r.problems.add(problem(r.at(dn), "duty.workingDays"));
                }
                ListDuty.Scope scope = r.enumValue(dm, dn, "scope", ListDuty.Scope.class, true);
                LocalDate df = r.date(dm, dn, "effectiveFrom", false);
                LocalDate dt = r.date(dm, dn, "effectiveTo", false);
                r.window(dm, df, dt);
                String text = r.text(dm, dn, "text", true);
                String textEn = r.text(dm, dn, "textEn", false);
                duties.add(new ListDuty(code, kind, days == null ? null : days.intValue(), scope, df, dt, text,
                        textEn, dn.getStartMark().getLine() + 1));
            }
        }
        List<Acknowledgement> acks = acknowledgements(r, m.get("acknowledged"));
        List<NegativeList> parts = new ArrayList<>();
        Set<String> rowIds = new HashSet<>();
        Set<String> sectorCodes = new HashSet<>();
        List<Node> sectorNodes = r.sequence(m.get("sectors"), "sectors");
        if (m.get("sectors") == null || sectorNodes.isEmpty()) {
            r.problems.add(problem(r.at(root), "list.noSectors"));
        }
        for (Node sn : sectorNodes) {
            Map<String, Node> sm = r.mapping(sn, SECTOR_KEYS, "sector");
            if (sm == null) {
                continue;
            }
            String sector = r.code(sm, sn, "code", true, Limits.CODE);
            if (sector != null && !sectorCodes.add(sector)) {
                r.problems.add(problem(r.at(sn), "list.sectorTwice", sector));
            }
            List<ListEntry> rows = new ArrayList<>();
            subLists(r, sm, sector, null, conditionCodes, rowIds, rows);
            List<String> scenarios = new ArrayList<>();
            for (Node scn : r.sequence(sm.get("scenarios"), "scenarios")) {
                Map<String, Node> scm = r.mapping(scn, SCENARIO_KEYS, "scenario");
                if (scm == null) {
                    continue;
                }
                String scenario = r.code(scm, scn, "code", true, Limits.CODE);
                if (scenario != null && scenarios.contains(scenario)) {
                    r.problems.add(problem(r.at(scn), "list.scenarioTwice", scenario, sector));
                } else if (scenario != null) {
                    scenarios.add(scenario);
                }
                subLists(r, scm, sector, scenario, conditionCodes, rowIds, rows);
            }
            if (sector != null) {
                parts.add(new NegativeList(id, 2, ftz, ftzCode, status, title, version, issuers, documentNumber,
                        published, from, to, List.of(sector), scenarios, rows, conditions, duties, acks, sources,
                        file.path()));
            }
        }
        return parts;
    }

    private static void subLists(Reader r, Map<String, Node> m, String sector, String scenario,
                                 Set<String> conditionCodes, Set<String> rowIds, List<ListEntry> rows) {
        for (SubList sub : SubList.values()) {
            for (Node rn : r.sequence(m.get(sub.key), sub.key)) {
                ListEntry row = row(r, rn, sub, sector, scenario, conditionCodes);
                if (row != null) {
                    if (!rowIds.add(row.id())) {
                        r.problems.add(problem(r.at(rn), "row.duplicateId", row.id()));
                    }
                    rows.add(row);
                }
            }
        }
    }

    private static ListEntry row(Reader r, Node node, SubList sub, String sector, String scenario,
                                 Set<String> conditionCodes) {
        Map<String, Node> m = r.mapping(node, ROW_KEYS, "row");
        if (m == null) {
            return null;
        }
        int before = r.problems.size();
        String id = r.code(m, node, "id", true, Limits.LIST_ID);
        RowDataType type = r.enumValue(m, node, "dataType", RowDataType.class, true);
        String subCategory = r.text(m, node, "subCategory", false);
        List<String> fields = m.get("fields") == null ? List.of() : r.codes(m, node, "fields", false);
        String description = r.text(m, node, "description", false);
        if ((fields == null || fields.isEmpty()) && (description == null || description.isBlank())) {
            r.problems.add(problem(r.at(node), "row.noFields", id));
        }
        List<String> examples = r.texts(m, node, "examples", false);
        String scale = r.text(m, node, "scale", false);
        List<Band> bands = new ArrayList<>();
        for (Node bn : r.sequence(m.get("thresholds"), "thresholds")) {
            Map<String, Node> bm = r.mapping(bn, BAND_KEYS, "threshold band");
            if (bm == null) {
                continue;
            }
            Counts counts = r.enumValue(bm, bn, "counts", Counts.class, true);
            Long atLeast = r.positive(bm, "atLeast");
            Long below = r.positive(bm, "below");
            if (atLeast == null && bm.get("atLeast") == null) {
                r.problems.add(problem(r.at(bn), "band.atLeastRequired"));
            }
            if (atLeast != null && below != null && below <= atLeast) {
                r.problems.add(problem(r.at(bm.get("below")), "band.belowNotAbove", below, atLeast));
            }
            if (counts != null && atLeast != null) {
                bands.add(new Band(counts, atLeast, below));
            }
        }
        if (type == RowDataType.IMPORTANT_DATA && !bands.isEmpty()) {
            r.problems.add(problem(r.at(m.get("thresholds")), "row.importantDataCounted"));
        }
        if (type == RowDataType.IMPORTANT_DATA && sub == SubList.SCC) {
            r.problems.add(problem(r.at(node), "row.importantDataInContract"));
        }
        List<String> unless = m.get("unless") == null ? List.of() : r.codes(m, node, "unless", false);
        if (unless != null) {
            for (String c : unless) {
                if (!conditionCodes.contains(c)) {
                    r.problems.add(problem(r.at(m.get("unless")), "row.conditionUndeclared", c));
                }
            }
        }
        String route = r.code(m, node, "route", sub == SubList.ROUTES, Limits.CODE);
        if (route != null && sub != SubList.ROUTES) {
            r.problems.add(problem(r.at(m.get("route")), "row.routeSubList", SubList.ROUTES.key));
        }
        if (r.problems.size() > before) {
            return null;
        }
        return new ListEntry(id, sector, scenario, type, subCategory, fields == null ? List.of() : fields,
                description, examples, scale, bands, sub.pathway, route, unless, node.getStartMark().getLine() + 1);
    }

    private static List<Acknowledgement> acknowledgements(Reader r, Node node) {
        List<Acknowledgement> out = new ArrayList<>();
        for (Node an : r.sequence(node, "acknowledged")) {
            Map<String, Node> am = r.mapping(an, ACK_KEYS, "acknowledgement");
            if (am != null) {
                String finding = r.code(am, an, "finding", true, Limits.CODE);
                List<String> rows = r.texts(am, an, "rows", true);
                String reason = r.text(am, an, "reason", true);
                if (finding != null && rows != null && reason != null) {
                    out.add(new Acknowledgement(finding, rows, reason));
                }
            }
        }
        return out;
    }

    /** Parses one adoption file ({@code *.adoption.yaml}); returns null when it has problems. */
    static Adoption parseAdoption(SourceFile file, List<Problem> problems) {
        int before = problems.size();
        Node root = compose(file, problems);
        if (root == null) {
            return null;
        }
        Reader r = new Reader(file.path(), problems);
        Map<String, Node> m = r.mapping(root, ADOPTION_KEYS, "adoption");
        if (m == null) {
            return null;
        }
        String id = r.code(m, root, "id", true, Limits.LIST_ID);
        Ftz ftz = r.enumValue(m, root, "adoptingFtz", Ftz.class, true);
        if (ftz == Ftz.NONE) {
            problems.add(problem(r.at(m.get("adoptingFtz")), "adoption.ftz"));
        }
        String list = r.code(m, root, "list", true, Limits.LIST_ID);
        List<String> sectors = m.get("sectors") == null ? List.of() : r.codes(m, root, "sectors", false);
        LocalDate from = r.date(m, root, "adoptedFrom", true);
        LocalDate to = r.date(m, root, "effectiveTo", false);
        r.window(m, from, to);
        String document = r.text(m, root, "document", true);
        String quote = r.text(m, root, "quote", false);
        String source = r.text(m, root, "source", false);
        if (problems.size() > before) {
            return null;
        }
        return new Adoption(id, ftz, list, sectors, from, to, document, quote, source);
    }

    /** Merges the code catalogs ({@code codes.yaml}); a code defined twice with other names is a problem. */
    static CodeCatalog parseCodes(List<SourceFile> files, List<Problem> problems) {
        Map<CodeCatalog.Kind, Map<String, CodeCatalog.Name>> codes = new java.util.EnumMap<>(CodeCatalog.Kind.class);
        Set<String> kinds = new HashSet<>();
        for (CodeCatalog.Kind k : CodeCatalog.Kind.values()) {
            kinds.add(k.key());
            codes.put(k, new LinkedHashMap<>());
        }
        for (SourceFile f : files) {
            Node root = compose(f, problems);
            if (root == null) {
                continue;
            }
            Reader r = new Reader(f.path(), problems);
            Map<String, Node> m = r.mapping(root, kinds, "code catalog");
            if (m == null) {
                continue;
            }
            for (CodeCatalog.Kind k : CodeCatalog.Kind.values()) {
                Node kn = m.get(k.key());
                if (kn == null) {
                    continue;
                }
                if (!(kn instanceof MappingNode mn)) {
                    problems.add(problem(r.at(kn), "codes.notNames", k.key()));
                    continue;
                }
                for (NodeTuple t : mn.getValue()) {
                    String code = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                    if (code == null || !Limits.CODE.matcher(code).matches()) {
                        problems.add(problem(r.at(t.getKeyNode()), "codes.invalid", k.key()));
                        continue;
                    }
                    Map<String, Node> nm = r.mapping(t.getValueNode(), NAME_KEYS, "code " + code);
                    if (nm == null) {
                        continue;
                    }
                    String zh = r.text(nm, t.getValueNode(), "zh", true);
                    String en = r.text(nm, t.getValueNode(), "en", true);
                    CodeCatalog.Name prev = codes.get(k).get(code);
                    if (prev != null && !(prev.zh().equals(zh) && prev.en().equals(en))) {
                        problems.add(problem(r.at(t.getKeyNode()), "codes.redefined", k.key(), code, prev.source()));
                    } else if (zh != null && en != null) {
                        codes.get(k).put(code, new CodeCatalog.Name(code, zh, en, f.path()));
                    }
                }
            }
        }
        return new CodeCatalog(codes);
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static int lineOf(RuntimeException e) {
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException me && me.getProblemMark() != null) {
            return me.getProblemMark().getLine() + 1;
        }
        return 1;
    }

    /** Typed access to a composed node tree, adding {@code file:line: message} problems. */
    private static final class Reader {
        private final String file;
        private final List<Problem> problems;

        Reader(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        String at(Node n) {
            return file + ":" + (n.getStartMark().getLine() + 1) + ": ";
        }

        /** A mapping with string keys from the allowed set; refuses unknown and duplicate keys. */
        Map<String, Node> mapping(Node n, Set<String> allowed, String what) {
            if (!(n instanceof MappingNode mn)) {
                problems.add(problem(at(n), "yaml.notMapping", what));
                return null;
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : mn.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode ks) || !Tag.STR.equals(k.getTag())) {
                    problems.add(problem(at(k), "yaml.keyNotPlain"));
                    continue;
                }
                String key = ks.getValue();
                checkTag(t.getValueNode());
                if (!allowed.contains(key)) {
                    problems.add(problem(at(k), "yaml.unknownKey",
                            key, what, String.valueOf(allowed.stream().sorted().toList())));
                } else if (out.put(key, t.getValueNode()) != null) {
                    problems.add(problem(at(k), "yaml.duplicateKey", key));
                }
            }
            return out;
        }

        private void checkTag(Node n) {
            Tag tag = n.getTag();
            if (tag != null && !tag.startsWith(Tag.PREFIX)) {
                problems.add(problem(at(n), "yaml.tag", tag.getValue()));
            }
        }

        private ScalarNode scalar(Map<String, Node> m, Node parent, String key, boolean required) {
            Node n = m.get(key);
            if (n == null || isNull(n)) {
                if (required) {
                    problems.add(problem(at(parent), "value.required", key));
                }
                return null;
            }
            if (!(n instanceof ScalarNode s)) {
                problems.add(problem(at(n), "value.notSingle", key));
                return null;
            }
            return s;
        }

        String text(Map<String, Node> m, Node parent, String key, boolean required) {
            ScalarNode s = scalar(m, parent, key, required);
            if (s == null) {
                return null;
            }
            if (s.getValue().isBlank() && required) {
                problems.add(problem(at(s), "value.empty", key));
                return null;
            }
            if (s.getValue().length() > 4000) {
                problems.add(problem(at(s), "value.tooLong", key));
                return null;
            }
            return s.getValue();
        }

        String code(Map<String, Node> m, Node parent, String key, boolean required, java.util.regex.Pattern pattern) {
            String v = text(m, parent, key, required);
            if (v != null && !pattern.matcher(v).matches()) {
                problems.add(problem(at(m.get(key)), "value.pattern", key, v, pattern.pattern()));
                return null;
            }
            return v;
        }

        <E extends Enum<E>> E enumValue(Map<String, Node> m, Node parent, String key, Class<E> type, boolean required) {
            String v = text(m, parent, key, required);
            if (v == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
            problems.add(problem(at(m.get(key)), "value.unknownEnum",
                    key, v, Arrays.toString(type.getEnumConstants())));
            return null;
        }

        LocalDate date(Map<String, Node> m, Node parent, String key, boolean required) {
            String v = text(m, parent, key, required);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                problems.add(problem(at(m.get(key)), "value.notDate", key, v));
                return null;
            }
        }

        /** The items of an optional sequence (empty when absent or null). */
        List<Node> sequence(Node n, String key) {
            if (n == null || isNull(n)) {
                return List.of();
            }
            if (!(n instanceof SequenceNode seq)) {
                problems.add(problem(at(n), "value.notList", key));
                return List.of();
            }
            return seq.getValue();
        }

        /** A list of texts (issuers, sources, examples, row ids). */
        List<String> texts(Map<String, Node> m, Node parent, String key, boolean required) {
            Node n = m.get(key);
            if (n == null || isNull(n)) {
                if (required) {
                    problems.add(problem(at(parent), "value.required", key));
                }
                return required ? null : List.of();
            }
            List<String> out = new ArrayList<>();
            for (Node e : sequence(n, key)) {
                checkTag(e);
                if (!(e instanceof ScalarNode s) || s.getValue().isBlank() || s.getValue().length() > 4000) {
                    problems.add(problem(at(e), "value.texts", key));
                } else {
                    out.add(s.getValue());
                }
            }
            return out;
        }

        /** [from, to): to must be after from. */
        void window(Map<String, Node> m, LocalDate from, LocalDate to) {
            if (from != null && to != null && !to.isAfter(from)) {
                problems.add(problem(at(m.get("effectiveTo")), "value.window", to, from));
            }
        }

        List<String> codes(Map<String, Node> m, Node parent, String key, boolean required) {
            Node n = m.get(key);
            if (n == null || isNull(n)) {
                if (required) {
                    problems.add(problem(at(parent), "value.required", key));
                }
                return null;
            }
            if (!(n instanceof SequenceNode seq)) {
                problems.add(problem(at(n), "value.notList", key));
                return null;
            }
            List<String> out = new ArrayList<>();
            for (Node e : seq.getValue()) {
                checkTag(e);
                if (!(e instanceof ScalarNode s) || !Limits.CODE.matcher(s.getValue()).matches()) {
                    problems.add(problem(at(e), "value.codes", key));
                } else if (out.contains(s.getValue())) {
                    problems.add(problem(at(e), "value.codeTwice", key, s.getValue()));
                } else {
                    out.add(s.getValue());
                }
            }
            return out;
        }

        Long positive(Map<String, Node> m, String key) {
            Node n = m.get(key);
            if (n == null) {
                return null;
            }
            if (!(n instanceof ScalarNode s) || !Tag.INT.equals(s.getTag())) {
                problems.add(problem(at(n), "value.notWholeNumber", key));
                return null;
            }
            try {
                long v = Long.parseLong(s.getValue().replace("_", ""));
                if (v < 1 || v > Limits.MAX_COUNT) {
                    problems.add(problem(at(n), "value.outOfRange", key));
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                problems.add(problem(at(n), "value.notWholeNumber", key));
                return null;
            }
        }
    }
}
