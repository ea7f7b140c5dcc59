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
    public static final Path EXAMPLE_LISTS = Path.of("docs/examples/lists");

    /** The bundled rules and lists plus the example lists: the service the scenario suites and examples run on. */
    public static synchronized ExportDecisionService withExampleLists() {
        if (withExampleLists == null) {
            withExampleLists = ExportDecisionService.builder().addListDirectory(EXAMPLE_LISTS).build();
        }
        return withExampleLists;
    }

    static final Path BUNDLED_RULES = Path.of("src/main/resources/rules");

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
