package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what a request names against what the lists define: sector, scenario and field codes against the code
 * catalogs, {@code dataItems[].listRows} against the loaded rows, {@code dataItems[].conditions} against the
 * conditions the lists declare. Anything unknown is a problem with its JSON path and the nearest known codes: a
 * typo must never move data off a list (legal-reading.md, "No answer without the facts").
 */
public final class RequestReferences {
    private final CodeCatalog codes;
    private final Set<String> rowIds = new HashSet<>();
    private final Set<String> conditions = new HashSet<>();

    public RequestReferences(ListLoader.Loaded loaded) {
        this.codes = loaded.codes();
        for (NegativeList l : loaded.lists()) {
            l.entries().forEach(e -> rowIds.add(e.id()));
            l.conditions().forEach(c -> conditions.add(c.code()));
        }
    }

    public List<Problem> check(ExportRequest r) {
        List<Problem> out = new ArrayList<>();
        if (r.processor() != null && r.processor().sector() != null) {
            code(out, "$.processor.sector", CodeCatalog.Kind.SECTOR, r.processor().sector());
        }
        if (r.scenario() != null) {
            code(out, "$.scenario", CodeCatalog.Kind.SCENARIO, r.scenario());
        }
        for (int i = 0; i < r.dataItems().size(); i++) {
            DataItem item = r.dataItems().get(i);
            String at = "$.dataItems[" + i + "]";
            for (int f = 0; f < item.fields().size(); f++) {
                code(out, at + ".fields[" + f + "]", CodeCatalog.Kind.FIELD, item.fields().get(f));
            }
            for (int k = 0; k < item.listRows().size(); k++) {
                String row = item.listRows().get(k);
                if (!rowIds.contains(row)) {
                    List<String> near = nearest(row, rowIds);
                    out.add(near.isEmpty() ? Problem.of(at + ".listRows[" + k + "]", "listRow.unknown", row)
                            : Problem.of(at + ".listRows[" + k + "]", "listRow.unknownNear", row, near));
                }
            }
            for (String c : item.conditions().keySet()) {
                if (!conditions.contains(c)) {
                    List<String> near = nearest(c, conditions);
                    out.add(near.isEmpty() ? Problem.of(at + ".conditions." + c, "condition.unknown", c)
                            : Problem.of(at + ".conditions." + c, "condition.unknownNear", c, near));
                }
            }
        }
        return out;
    }

    private void code(List<Problem> out, String path, CodeCatalog.Kind kind, String code) {
        if (!codes.knows(kind, code)) {
            List<String> near = codes.suggest(kind, code);
            String what = kind.name().toLowerCase(java.util.Locale.ROOT);
            out.add(near.isEmpty() ? Problem.of(path, "code.unknown." + what, code)
                    : Problem.of(path, "code.unknownNear." + what, code, near));
        }
    }

    private static List<String> nearest(String value, Set<String> known) {
        List<String> near = known.stream().filter(k -> CodeCatalog.distance(value, k) <= Math.max(2, value.length() / 3))
                .sorted(Comparator.comparingInt((String k) -> CodeCatalog.distance(value, k)).thenComparing(k -> k))
                .limit(3).toList();
        return near;
    }
}
