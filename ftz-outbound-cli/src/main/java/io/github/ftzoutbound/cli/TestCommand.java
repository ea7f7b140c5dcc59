package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs scenario suites: exit 0 all pass, 1 any fail, 2 a suite file is malformed, 3 rules failed to load. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run every *.scenario.yaml suite in DIR; ends with the line 'N passed, M failed'.")
final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @CommandLine.Mixin
    Main.ListOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios = loadSuites(dir, err);
        if (scenarios == null) {
            return Main.INVALID_INPUT;
        }
        ExportDecisionService service = Main.buildUngatedOrReport(options, err);
        if (service == null) {
            return Main.RULES_FAILED;
        }
        int passed = 0;
        int failed = 0;
        for (Scenario s : scenarios) {
            ScenarioResult r = ScenarioSuites.run(service, s);
            if (r.passed()) {
                passed++;
            } else {
                failed++;
                out.println(Main.say("test.fail", s.source()));
                r.failures().forEach(f -> out.println("     " + f));
            }
        }
        out.println(Main.say("test.summary", passed, failed));
        return failed == 0 ? 0 : 1;
    }

    /** Loads suites or reports why not; null when a suite is malformed. */
    static List<Scenario> loadSuites(Path dir, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            err.println(Main.errorJson("invalid-input", ErrorText.of("scenarios.notDirectory", dir), List.of()));
            return null;
        }
        try {
            return ScenarioSuites.load(dir);
        } catch (ScenarioSuites.MalformedSuiteException e) {
            err.println(Main.errorJson("invalid-input", ErrorText.of("scenarios.malformed", e.getMessage()), List.of()));
            return null;
        }
    }
}
