package io.github.ftzoutbound.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.RuleSetException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every clause the rules may cite, with its Chinese label and original wording ({@code citations/catalog.yaml}).
 * Rules name clauses by structure in their metadata; the catalog supplies label and text, so a rule citing a
 * clause that is not here fails the load instead of producing a citation without words.
 */
public final class CitationCatalog {
    public static final String RESOURCE = "citations/catalog.yaml";
    private static final Set<String> KEYS = Set.of("instrument", "article", "paragraph", "item", "subItem", "rule",
            "category", "label", "text", "noText");

    private final Map<String, Citation> byKey;

    private CitationCatalog(Map<String, Citation> byKey) {
        this.byKey = byKey;
    }

    /** The bundled catalog; a missing or broken catalog is a load failure (nothing is decided). */
    public static CitationCatalog bundled() {
        return parse(bundledSource());
    }

    /** The catalog file as loaded, for the rule-set digest: clause texts are part of every decision. */
    public static SourceFile bundledSource() {
        try (InputStream in = CitationCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new RuleSetException(List.of(RESOURCE + ": missing"));
            }
            return new SourceFile(RESOURCE, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleSetException(List.of(RESOURCE + ": " + e.getMessage()));
        }
    }

    /**
     * The catalog a file holds. When it is the very file the build precompiled (same SHA-256), the precompiled
     * form is read instead of the YAML ({@link CatalogCache}: a command line starts about 0.05–0.1 s sooner);
     * otherwise, or when that form cannot be read, the YAML is parsed and checked as always.
     */
    public static CitationCatalog parse(SourceFile file) {
        CitationCatalog cached = CatalogCache.read(file);
        return cached != null ? cached : parseYaml(file);
    }

    /** The catalog a file holds, always parsed from its YAML and checked (a broken file: RuleSetException). */
    public static CitationCatalog parseYaml(SourceFile file) {
        try {
            return parse(file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new RuleSetException(List.of(file.path() + ": " + e.getMessage()));
        }
    }

    /** A catalog of these clauses, keyed by {@link Citation#key()} (the precompiled form's reader). */
    static CitationCatalog of(List<Citation> clauses) {
        Map<String, Citation> map = new LinkedHashMap<>();
        for (Citation c : clauses) {
            map.put(c.key(), c);
        }
        return new CitationCatalog(map);
    }

    static CitationCatalog parse(byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, Citation> map = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            i++;
            n.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    problems.add("entry " + n + ": unknown key " + k);
                }
            });
            Citation c = new Citation(n.path("instrument").asText(), intOrNull(n, "article"),
                    intOrNull(n, "paragraph"), intOrNull(n, "item"), intOrNull(n, "subItem"), intOrNull(n, "rule"),
                    intOrNull(n, "category"), null, null, n.path("label").asText(null), n.path("text").asText(null));
            // A clause's original wording, or a reason why the catalog has none: a paraphrase never poses as text.
            String noText = n.path("noText").asText(null);
            if (c.label() == null || (c.text() == null) == (noText == null || noText.isBlank())) {
                problems.add("catalog entry " + i + " (" + c.key() + ") needs a label and either text or noText");
            }
            if (map.put(c.key(), c) != null) {
                problems.add("catalog entry " + i + " (" + c.key() + ") is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return new CitationCatalog(map);
    }

    private static Integer intOrNull(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.intValue();
    }

    public Optional<Citation> find(Citation ref) {
        return Optional.ofNullable(byKey.get(ref.key()));
    }

    public Collection<Citation> all() {
        return byKey.values();
    }
}
