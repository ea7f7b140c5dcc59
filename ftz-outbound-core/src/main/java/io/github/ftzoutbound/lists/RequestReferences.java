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
                    out.add(new Problem(at + ".listRows[" + k + "]", "unknown list row " + row
                            + " (no loaded list has it)" + nearest(row, rowIds)));
                }
            }
            for (String c : item.conditions().keySet()) {
                if (!conditions.contains(c)) {
                    out.add(new Problem(at + ".conditions." + c, "unknown list condition " + c
                            + " (no loaded list declares it)" + nearest(c, conditions)));
                }
            }
        }
        return out;
    }

    private void code(List<Problem> out, String path, CodeCatalog.Kind kind, String code) {
        if (!codes.knows(kind, code)) {
            out.add(new Problem(path, codes.unknownMessage(kind, code)));
        }
    }

    private static String nearest(String value, Set<String> known) {
        List<String> near = known.stream().filter(k -> CodeCatalog.distance(value, k) <= Math.max(2, value.length() / 3))
                .sorted(Comparator.comparingInt((String k) -> CodeCatalog.distance(value, k)).thenComparing(k -> k))
                .limit(3).toList();
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }
}
