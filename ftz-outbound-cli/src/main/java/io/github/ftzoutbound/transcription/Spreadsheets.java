package io.github.ftzoutbound.transcription;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes transcription workbooks with the libraries made for it: Apache POI for .xlsx, FastCSV for a
 * folder of .csv files (one per sheet, UTF-8). No spreadsheet parsing is written by hand.
 */
public final class Spreadsheets {
    /** Refuse workbooks larger than this: a list has hundreds of rows, not millions. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private Spreadsheets() {
    }

    /** Reads an .xlsx workbook, a .csv file (its folder's other .csv files are the other sheets), or a folder. */
    public static Map<String, Sheet> read(Path path) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isDirectory(path)) {
            return readCsvFolder(path);
        }
        if (Files.size(path) > MAX_BYTES) {
            throw new IOException(path + ": larger than " + MAX_BYTES + " bytes");
        }
        if (name.endsWith(".xlsx")) {
            return readXlsx(path);
        }
        if (name.endsWith(".csv")) {
            return readCsvFolder(path.toAbsolutePath().getParent());
        }
        throw new IOException(path + ": expected an .xlsx workbook, a .csv file or a folder of .csv files");
    }

    static Map<String, Sheet> readXlsx(Path path) throws IOException {
        Map<String, Sheet> out = new LinkedHashMap<>();
        DataFormatter text = new DataFormatter(java.util.Locale.ROOT);
        try (InputStream in = Files.newInputStream(path); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                XSSFSheet sheet = wb.getSheetAt(s);
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : text.formatCellValue(cell).strip());
                        }
                    }
                    rows.add(cells);
                }
                out.put(sheet.getSheetName(), new Sheet(sheet.getSheetName(), rows));
            }
        } catch (RuntimeException e) {
            throw new IOException(path + ": not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
        return out;
    }

    static Map<String, Sheet> readCsvFolder(Path dir) throws IOException {
        Map<String, Sheet> out = new LinkedHashMap<>();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        }
        for (Path f : files) {
            if (Files.size(f) > MAX_BYTES) {
                throw new IOException(f + ": larger than " + MAX_BYTES + " bytes");
            }
            String sheet = f.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
            List<List<String>> rows = new ArrayList<>();
            String content = Files.readString(f, StandardCharsets.UTF_8);
            if (content.startsWith("\uFEFF")) {
                content = content.substring(1); // spreadsheet programs write a byte-order mark
            }
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(content)) {
                for (CsvRecord rec : reader) {
                    rows.add(rec.getFields().stream().map(String::strip).toList());
                }
            } catch (RuntimeException e) {
                throw new IOException(f + ": not a readable CSV file (" + e.getMessage() + ")", e);
            }
            out.put(sheet, new Sheet(sheet, rows));
        }
        return out;
    }

    /** Writes the sheets as one .xlsx workbook, header row bold and frozen. */
    public static void writeXlsx(Map<String, Sheet> sheets, Path path) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
            XSSFCellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            XSSFCellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            for (Sheet s : sheets.values()) {
                XSSFSheet sheet = wb.createSheet(s.name());
                for (int r = 0; r < s.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = s.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(cells.get(c)); // text cells: codes, ids and dates stay exactly as written
                        cell.setCellStyle(r == 0 ? bold : wrap);
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            wb.write(out);
        }
    }

    /** Writes the sheets as a folder of UTF-8 .csv files, one per sheet. */
    public static void writeCsvFolder(Map<String, Sheet> sheets, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Sheet s : sheets.values()) {
            try (CsvWriter w = CsvWriter.builder().build(dir.resolve(s.name() + ".csv"), StandardCharsets.UTF_8)) {
                for (List<String> row : s.rows()) {
                    w.writeRecord(row);
                }
            }
        }
    }
}
