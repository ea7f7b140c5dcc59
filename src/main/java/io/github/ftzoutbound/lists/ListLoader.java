package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Pathway;
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
    private static final Set<String> LIST_KEYS = Set.of("id", "ftz", "status", "title", "version", "effectiveFrom",
            "effectiveTo", "sectors", "scenarios", "entries");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "scenario", "dataClass", "fields", "threshold",
            "pathway", "description");
    private static final Set<String> THRESHOLD_KEYS = Set.of("individualsAtLeast", "sensitiveIndividualsAtLeast");

    private ListLoader() {
    }

    /** Parses every file; throws {@link RuleSetException} with all problems if any file is bad. */
    public static List<NegativeList> parseAll(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        List<NegativeList> lists = new ArrayList<>();
        Map<String, String> listIds = new HashMap<>();
        Map<String, String> entryIds = new HashMap<>();
        for (SourceFile f : files) {
            NegativeList list = parse(f, problems);
            if (list == null) {
                continue;
            }
            String where = listIds.putIfAbsent(list.id(), f.path());
            if (where != null) {
                problems.add(f.path() + ":1: duplicate list id \"" + list.id() + "\" (also in " + where + ")");
            }
            for (ListEntry e : list.entries()) {
                String other = entryIds.putIfAbsent(e.id(), f.path() + ":" + e.line());
                if (other != null) {
                    problems.add(f.path() + ":" + e.line() + ": duplicate entry id \"" + e.id() + "\" (also at "
                            + other + ")");
                }
            }
            lists.add(list);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return List.copyOf(lists);
    }

    /** Parses one file, adding its problems; returns null when it has any. */
    static NegativeList parse(SourceFile file, List<String> problems) {
        int before = problems.size();
        Reader r = new Reader(file.path(), problems);
        if (file.content().length() > MAX_FILE_CHARS) {
            problems.add(file.path() + ":1: file larger than " + MAX_FILE_CHARS + " characters");
            return null;
        }
        Node root;
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
                    problems.add(file.path() + ":" + (event.getStartMark().getLine() + 1)
                            + ": YAML anchors and aliases are not allowed in list files");
                    return null;
                }
            }
            root = yaml.compose(new StringReader(file.content()));
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
            problems.add(file.path() + ":" + lineOf(e) + ": not valid YAML: " + msg);
            return null;
        }
        if (root == null) {
            problems.add(file.path() + ":1: empty file");
            return null;
        }
        Map<String, Node> m = r.mapping(root, LIST_KEYS, "list");
        if (m == null) {
            return null;
        }
        String id = r.code(m, root, "id", true, Limits.LIST_ID);
        Ftz ftz = r.enumValue(m, root, "ftz", Ftz.class, true);
        if (ftz == Ftz.NONE) {
            problems.add(r.at(m.get("ftz")) + "ftz must be JIANGSU or ZHEJIANG: a negative list belongs to an FTZ");
        }
        ListStatus status = r.enumValue(m, root, "status", ListStatus.class, true);
        String title = r.text(m, root, "title", true);
        String version = r.text(m, root, "version", true);
        LocalDate from = r.date(m, root, "effectiveFrom", true);
        LocalDate to = r.date(m, root, "effectiveTo", false);
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(r.at(m.get("effectiveTo")) + "effectiveTo " + to + " must be after effectiveFrom " + from
                    + " (the window is [effectiveFrom, effectiveTo))");
        }
        List<String> sectors = r.codes(m, root, "sectors", true);
        if (sectors != null && sectors.isEmpty()) {
            problems.add(r.at(m.get("sectors")) + "sectors must name at least one sector");
        }
        List<String> scenarios = r.codes(m, root, "scenarios", false);
        List<ListEntry> entries = new ArrayList<>();
        Node entriesNode = m.get("entries");
        if (entriesNode == null) {
            problems.add(r.at(root) + "entries is required (it may be an empty list: [])");
        } else if (!(entriesNode instanceof SequenceNode seq)) {
            problems.add(r.at(entriesNode) + "entries must be a list");
        } else {
            Set<String> seen = new HashSet<>();
            for (Node en : seq.getValue()) {
                ListEntry e = entry(r, en, scenarios);
                if (e != null) {
                    if (!seen.add(e.id())) {
                        problems.add(r.at(en) + "duplicate entry id \"" + e.id() + "\"");
                    }
                    entries.add(e);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new NegativeList(id, ftz, status, title, version, from, to, sectors, scenarios, entries, file.path());
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
            r.problems.add(r.at(m.get("scenario")) + "scenario " + scenario
                    + " is not among the list's scenarios " + listScenarios);
        }
        DataClass dataClass = r.enumValue(m, node, "dataClass", DataClass.class, true);
        List<String> fields = r.codes(m, node, "fields", true);
        Threshold threshold = null;
        Node t = m.get("threshold");
        if (t != null && !isNull(t)) {
            Map<String, Node> tm = r.mapping(t, THRESHOLD_KEYS, "threshold");
            if (tm != null) {
                Long ind = r.positive(tm, "individualsAtLeast");
                Long sens = r.positive(tm, "sensitiveIndividualsAtLeast");
                if (tm.isEmpty()) {
                    r.problems.add(r.at(t) + "threshold needs individualsAtLeast or sensitiveIndividualsAtLeast "
                            + "(omit threshold for an entry that always applies)");
                }
                threshold = new Threshold(ind, sens);
            }
        }
        Pathway pathway = r.enumValue(m, node, "pathway", Pathway.class, true);
        if (pathway == Pathway.EXEMPT || pathway == Pathway.STRICTER_REGIME) {
            r.problems.add(r.at(m.get("pathway")) + "pathway must be SECURITY_ASSESSMENT or "
                    + "STANDARD_CONTRACT_OR_CERTIFICATION (measures Art. 8: a list names what needs one of them)");
        }
        if (dataClass == DataClass.IMPORTANT_DATA && pathway == Pathway.STANDARD_CONTRACT_OR_CERTIFICATION) {
            r.problems.add(r.at(m.get("pathway")) + "important data needs SECURITY_ASSESSMENT (measures Art. 8 item 1;"
                    + " CBDF Art. 7)");
        }
        String description = r.text(m, node, "description", false);
        if (r.problems.size() > before) {
            return null;
        }
        return new ListEntry(id, scenario, dataClass, fields, threshold, pathway, description,
                node.getStartMark().getLine() + 1);
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
        private final List<String> problems;

        Reader(String file, List<String> problems) {
            this.file = file;
            this.problems = problems;
        }

        String at(Node n) {
            return file + ":" + (n.getStartMark().getLine() + 1) + ": ";
        }

        /** A mapping with string keys from the allowed set; refuses unknown and duplicate keys. */
        Map<String, Node> mapping(Node n, Set<String> allowed, String what) {
            if (!(n instanceof MappingNode mn)) {
                problems.add(at(n) + what + " must be a mapping of keys to values");
                return null;
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : mn.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode ks) || !Tag.STR.equals(k.getTag())) {
                    problems.add(at(k) + "keys must be plain words");
                    continue;
                }
                String key = ks.getValue();
                checkTag(t.getValueNode());
                if (!allowed.contains(key)) {
                    problems.add(at(k) + "unknown key \"" + key + "\" in " + what + "; expected one of "
                            + allowed.stream().sorted().toList());
                } else if (out.put(key, t.getValueNode()) != null) {
                    problems.add(at(k) + "duplicate key \"" + key + "\"");
                }
            }
            return out;
        }

        private void checkTag(Node n) {
            Tag tag = n.getTag();
            if (tag != null && !tag.startsWith(Tag.PREFIX)) {
                problems.add(at(n) + "YAML tag " + tag.getValue() + " is not allowed");
            }
        }

        private ScalarNode scalar(Map<String, Node> m, Node parent, String key, boolean required) {
            Node n = m.get(key);
            if (n == null || isNull(n)) {
                if (required) {
                    problems.add(at(parent) + key + " is required");
                }
                return null;
            }
            if (!(n instanceof ScalarNode s)) {
                problems.add(at(n) + key + " must be a single value");
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
                problems.add(at(s) + key + " must not be empty");
                return null;
            }
            if (s.getValue().length() > 4000) {
                problems.add(at(s) + key + " longer than 4000 characters");
                return null;
            }
            return s.getValue();
        }

        String code(Map<String, Node> m, Node parent, String key, boolean required, java.util.regex.Pattern pattern) {
            String v = text(m, parent, key, required);
            if (v != null && !pattern.matcher(v).matches()) {
                problems.add(at(m.get(key)) + key + " \"" + v + "\" must match " + pattern.pattern());
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
            problems.add(at(m.get(key)) + "unknown " + key + " \"" + v + "\"; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
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
                problems.add(at(m.get(key)) + key + " \"" + v + "\" is not an ISO date (YYYY-MM-DD)");
                return null;
            }
        }

        List<String> codes(Map<String, Node> m, Node parent, String key, boolean required) {
            Node n = m.get(key);
            if (n == null || isNull(n)) {
                if (required) {
                    problems.add(at(parent) + key + " is required");
                }
                return null;
            }
            if (!(n instanceof SequenceNode seq)) {
                problems.add(at(n) + key + " must be a list");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (Node e : seq.getValue()) {
                checkTag(e);
                if (!(e instanceof ScalarNode s) || !Limits.CODE.matcher(s.getValue()).matches()) {
                    problems.add(at(e) + key + " must hold codes of upper-case letters, digits and underscores");
                } else if (out.contains(s.getValue())) {
                    problems.add(at(e) + key + " names " + s.getValue() + " twice");
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
                problems.add(at(n) + key + " must be a whole number");
                return null;
            }
            try {
                long v = Long.parseLong(s.getValue().replace("_", ""));
                if (v < 1 || v > Limits.MAX_COUNT) {
                    problems.add(at(n) + key + " must be between 1 and 10,000,000,000");
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                problems.add(at(n) + key + " must be a whole number");
                return null;
            }
        }
    }
}
