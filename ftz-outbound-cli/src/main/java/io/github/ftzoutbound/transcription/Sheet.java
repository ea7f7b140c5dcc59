package io.github.ftzoutbound.transcription;

import java.util.ArrayList;
import java.util.List;

/**
 * One sheet of a transcription workbook as text cells: {@code rows.get(0)} is the header. In a CSV folder a
 * sheet is one file ({@code rows.csv}); in an xlsx workbook one worksheet. Rows and columns are reported 1-based
 * with the column's letter and header, as a legal team sees them in a spreadsheet program.
 */
public record Sheet(String name, List<List<String>> rows) {
    public Sheet {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            copy.add(List.copyOf(r.stream().map(c -> c == null ? "" : c).toList()));
        }
        rows = List.copyOf(copy);
    }

    /** "A", "B", … "AA": the spreadsheet letter of a 0-based column. */
    public static String letter(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
