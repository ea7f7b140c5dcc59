package io.github.ftzoutbound;

import io.github.ftzoutbound.api.ExportDecisionService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One bundled service for the whole test run: compiling the rules takes seconds, evaluating microseconds. */
public final class TestServices {
    private static ExportDecisionService bundled;

    private TestServices() {
    }

    public static synchronized ExportDecisionService bundled() {
        if (bundled == null) {
            bundled = ExportDecisionService.bundled();
        }
        return bundled;
    }

    private static ExportDecisionService withExampleLists;

    /** The example lists of docs/examples/lists (samples, every kind of row, adoptions), beside the bundled ones. */
    public static final Path EXAMPLE_LISTS = Path.of("../docs/examples/lists");

    /** The bundled rules and lists plus the example lists: the service the scenario suites and examples run on. */
    public static synchronized ExportDecisionService withExampleLists() {
        if (withExampleLists == null) {
            withExampleLists = ExportDecisionService.builder().addListDirectory(EXAMPLE_LISTS).build();
        }
        return withExampleLists;
    }

    private static ExportDecisionService reliability;

    /**
     * The bundled rules and lists plus the format-1 Jiangsu automotive sample alone: the service the reliability
     * tests and their oracle (which reads format-1 rows) run on. The bundled Jiangsu list is INCOMPLETE and has no
     * rows, so without the sample no Jiangsu list row would ever be exercised.
     */
    public static synchronized ExportDecisionService reliability() {
        if (reliability == null) {
            try {
                Path dir = Files.createTempDirectory("ftz-reliability-lists");
                dir.toFile().deleteOnExit();
                Path sample = dir.resolve(AUTOMOTIVE_SAMPLE.getFileName());
                Files.copy(AUTOMOTIVE_SAMPLE, sample);
                sample.toFile().deleteOnExit();
                reliability = ExportDecisionService.builder().addListDirectory(dir).build();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return reliability;
    }

    /** The format-1 Jiangsu automotive sample (once bundled), now an example list. */
    public static final Path AUTOMOTIVE_SAMPLE = EXAMPLE_LISTS.resolve("js-2025-automotive.list.yaml");

    static final Path BUNDLED_RULES = Path.of("../ftz-outbound-core/src/main/resources/rules");

    /** Copies the bundled rules into dir (a legal team's working copy) and returns it. */
    public static Path copyBundledRules(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(BUNDLED_RULES)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(BUNDLED_RULES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }
}
