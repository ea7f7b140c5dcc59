package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.facts.InstrumentInForce;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Regime;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The dated parameter file of the law in force ({@code law/instruments.yaml}): when each instrument applies,
 * with the source of each date. The legal team edits the file; the rules see only {@link InstrumentInForce}
 * facts for the evaluation date. It is part of the rule-set digest.
 */
public final class LawInForce {
    public static final String RESOURCE = "law/instruments.yaml";
    /** The instrument whose start is the rule set's lower bound (before it the 2022 SA Measures governed). */
    public static final String BASELINE = "CBDF";
    private static final Set<String> KEYS = Set.of("code", "name", "from", "to", "source");
    private static final Set<String> REQUIRED = Set.of(BASELINE, "NDSR", "JS-MEASURES", "ZJ-MEASURES");

    /** One instrument's period in force, both ends inclusive ({@code to} null: open-ended). */
    public record Period(String code, String name, LocalDate from, LocalDate to, String source) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    private final Map<String, Period> periods;

    private LawInForce(Map<String, Period> periods) {
        this.periods = periods;
    }

    /** The bundled file as loaded, for the digest. */
    public static SourceFile bundledSource() {
        try (InputStream in = LawInForce.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new RuleSetException(List.of(RESOURCE + ": missing"));
            }
            return new SourceFile(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleSetException(List.of(RESOURCE + ": " + e.getMessage()));
        }
    }

    /**
     * Parses the file; any unknown key, missing date or source, inverted period or missing instrument fails. Read
     * with SnakeYAML's node tree, the parser the list files use, rather than Jackson's YAML module: a command line
     * then initialises one YAML stack at start-up, not two (docs/performance.md, Cold start). Every value is taken
     * as written: dates stay text until {@link LocalDate#parse} reads them, {@code null} and {@code ~} are absent.
     */
    public static LawInForce parse(SourceFile file) {
        List<String> problems = new ArrayList<>();
        Map<String, Period> map = new LinkedHashMap<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(0);
            root = new Yaml(options).compose(new StringReader(file.content()));
        } catch (RuntimeException e) {
            throw new RuleSetException(List.of(file.path() + ": " + e.getMessage()));
        }
        if (!(root instanceof SequenceNode instruments)) {
            throw new RuleSetException(List.of(file.path() + ": expected a list of instruments"));
        }
        int i = 0;
        for (Node entry : instruments.getValue()) {
            i++;
            String at = file.path() + ": instrument " + i;
            Map<String, Node> n = new LinkedHashMap<>();
            if (entry instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                    if (!KEYS.contains(key)) {
                        problems.add(at + ": unknown key " + key);
                    }
                    n.put(key, t.getValueNode());
                }
            }
            String code = text(n.get("code"));
            String source = text(n.get("source"));
            LocalDate from = date(n.get("from"), "from", at, problems);
            LocalDate to = date(n.get("to"), "to", at, problems);
            if (code == null || from == null || source == null || source.isBlank()) {
                problems.add(at + ": needs code, from and source");
                continue;
            }
            if (to != null && to.isBefore(from)) {
                problems.add(at + " (" + code + "): to " + to + " is before from " + from);
            }
            if (map.put(code, new Period(code, text(n.get("name")), from, to, source)) != null) {
                problems.add(at + ": " + code + " is listed twice");
            }
        }
        for (String code : REQUIRED) {
            if (!map.containsKey(code)) {
                problems.add(file.path() + ": " + code + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new LawInForce(Map.copyOf(map));
    }

    /** A scalar's text as written; null when absent or YAML null ({@code null}, {@code ~}, empty); "" for a collection. */
    private static String text(Node v) {
        if (v == null || Tag.NULL.equals(v.getTag())) {
            return null;
        }
        return v instanceof ScalarNode s ? s.getValue() : "";
    }

    private static LocalDate date(Node node, String key, String at, List<String> problems) {
        String v = text(node);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(at + ": " + key + " is not an ISO date: " + v);
            return null;
        }
    }

    /** The first day the rule set can decide: the start of CBDF. */
    public LocalDate earliestDate() {
        return periods.get(BASELINE).from();
    }

    /**
     * Refuses a date before the rule set's lower bound: invalid input (exit 2), problem
     * EVALUATION_DATE_BEFORE_RULESET at {@code $.evaluationDate}.
     */
    public void checkDate(LocalDate date) {
        if (date != null && date.isBefore(earliestDate())) {
            throw new io.github.ftzoutbound.model.InvalidRequestException(List.of(io.github.ftzoutbound.model.Problem.of(
                    "$.evaluationDate", "date.beforeRuleset", date, earliestDate())));
        }
    }

    public boolean inForce(String code, LocalDate date) {
        Period p = periods.get(code);
        return p != null && p.covers(date);
    }

    /**
     * The regime a processor registered in an FTZ is under on a date: that FTZ's while its measures are in
     * force, the national rules otherwise.
     */
    public Regime regime(Ftz ftz, LocalDate date) {
        return switch (ftz) {
            case JIANGSU -> inForce("JS-MEASURES", date) ? Regime.JIANGSU_FTZ : Regime.NATIONAL;
            case ZHEJIANG -> inForce("ZJ-MEASURES", date) ? Regime.ZHEJIANG_FTZ : Regime.NATIONAL;
            default -> Regime.NATIONAL;
        };
    }

    /** One fact per instrument in force on the date. */
    public List<InstrumentInForce> facts(LocalDate date) {
        List<InstrumentInForce> out = new ArrayList<>();
        for (Period p : periods.values()) {
            if (p.covers(date)) {
                out.add(new InstrumentInForce(p.code()));
            }
        }
        return out;
    }

    public Map<String, Period> periods() {
        return periods;
    }
}
