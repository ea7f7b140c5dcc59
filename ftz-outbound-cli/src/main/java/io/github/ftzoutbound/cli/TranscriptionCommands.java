package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.lists.CodeCatalog;
import io.github.ftzoutbound.lists.ListLoader;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.transcription.ListTranscription;
import io.github.ftzoutbound.transcription.Sheet;
import io.github.ftzoutbound.transcription.Spreadsheets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The legal team's transcription workflow: a published list's table in, a list file out, and back for review. */
final class TranscriptionCommands {
    private TranscriptionCommands() {
    }

    /** The bundled code catalog plus any codes.yaml given. */
    static CodeCatalog catalog(List<Path> codeFiles) throws IOException {
        List<SourceFile> files = new ArrayList<>(ClasspathFiles.under("lists", "codes.yaml"));
        for (Path p : codeFiles) {
            files.add(new SourceFile(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
        return ListLoader.load(List.of(), List.of(), files).codes();
    }

    @Command(name = "import-list", mixinStandardHelpOptions = true,
            description = "Turn a transcription workbook (TABLE.xlsx, a .csv of a folder of sheets, or the folder) "
                    + "into a format-2 list file. Every problem is reported by sheet, row and column; nothing is "
                    + "written while any remains (exit 2).")
    static final class ImportList implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TABLE")
        Path table;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "LIST.list.yaml",
                description = "The list file to write.")
        Path out;

        @Option(names = "--codes", paramLabel = "codes.yaml",
                description = "A code catalog beside the bundled one, for codes the list brings (repeatable).")
        List<Path> codes = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Map<String, Sheet> sheets = Spreadsheets.read(table);
                ListTranscription.Imported imported = ListTranscription.fromSheets(sheets, catalog(codes));
                if (!imported.problems().isEmpty()) {
                    imported.problems(Main.language()).forEach(err::println);
                    err.println(Main.say("import.problems", imported.problems().size()));
                    return Main.INVALID_INPUT;
                }
                Files.writeString(out, imported.yaml(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println(Main.say("import.wrote", out));
                return Main.DECIDED;
            } catch (IOException | RuleSetException e) {
                err.println(Main.say("import.failed", e.getMessage()));
                return Main.INVALID_INPUT;
            }
        }
    }

    @Command(name = "export-list", mixinStandardHelpOptions = true,
            description = "Turn a list file into a transcription workbook (--xlsx, or --csv FOLDER) and a printable "
                    + "HTML table for review and sign-off (--html).")
    static final class ExportList implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LIST.list.yaml")
        Path list;

        @Option(names = "--xlsx", paramLabel = "OUT.xlsx")
        Path xlsx;

        @Option(names = "--csv", paramLabel = "FOLDER", description = "One .csv file per sheet.")
        Path csv;

        @Option(names = "--html", paramLabel = "OUT.html")
        Path html;

        @Option(names = "--codes", paramLabel = "codes.yaml",
                description = "A code catalog beside the bundled one, for the names in the HTML (repeatable).")
        List<Path> codes = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (xlsx == null && csv == null && html == null) {
                err.println(Main.say("export.needFormat"));
                return Main.INVALID_INPUT;
            }
            List<NegativeList> parts;
            CodeCatalog catalog;
            try {
                String name = list.getFileName().toString();
                parts = ListLoader.parseAll(List.of(new SourceFile(name, Files.readString(list, StandardCharsets.UTF_8))));
                catalog = catalog(codes);
            } catch (IOException e) {
                err.println(Main.say("export.failed", e.getMessage()));
                return Main.INVALID_INPUT;
            } catch (RuleSetException e) {
                e.problems(Main.language()).forEach(err::println);
                return Main.RULES_FAILED;
            }
            try {
                Map<String, Sheet> sheets;
                try {
                    sheets = ListTranscription.toSheets(parts);
                } catch (IllegalArgumentException e) {
                    err.println(Main.say("export.failed", e.getMessage()));
                    return Main.INVALID_INPUT;
                }
                if (xlsx != null) {
                    Spreadsheets.writeXlsx(sheets, xlsx);
                }
                if (csv != null) {
                    Spreadsheets.writeCsvFolder(sheets, csv);
                }
                if (html != null) {
                    Files.writeString(html, ListTranscription.toHtml(parts, catalog), StandardCharsets.UTF_8);
                }
                return Main.DECIDED;
            } catch (IOException e) {
                err.println(Main.say("export.failed", e.getMessage()));
                return Main.FAILURE;
            }
        }
    }

    @Command(name = "migrate-lists", mixinStandardHelpOptions = true,
            description = "Convert a format-1 list file to format 2 (same rows, same meaning: a threshold on "
                    + "individualsAtLeast becomes a NON_SENSITIVE_PERSONS band). Format-1 files also load as they are.")
    static final class MigrateLists implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OLD.list.yaml")
        Path file;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "NEW.list.yaml")
        Path out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<NegativeList> parts = ListLoader.parseAll(List.of(new SourceFile(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8))));
                if (parts.get(0).format() == 2) {
                    err.println(Main.say("migrate.alreadyCurrent", file));
                    return Main.INVALID_INPUT;
                }
                ListTranscription.Imported migrated = ListTranscription.fromSheets(ListTranscription.toSheets(parts),
                        catalog(List.of()));
                if (!migrated.problems().isEmpty()) {
                    migrated.problems(Main.language()).forEach(err::println);
                    err.println(Main.say("migrate.problems", migrated.problems().size()));
                    return Main.INVALID_INPUT;
                }
                Files.writeString(out, migrated.yaml(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println(Main.say("migrate.wrote", out));
                return Main.DECIDED;
            } catch (RuleSetException e) {
                e.problems(Main.language()).forEach(err::println);
                return Main.RULES_FAILED;
            } catch (IOException | IllegalArgumentException e) {
                err.println(Main.say("migrate.failed", e.getMessage()));
                return Main.INVALID_INPUT;
            }
        }
    }
}
