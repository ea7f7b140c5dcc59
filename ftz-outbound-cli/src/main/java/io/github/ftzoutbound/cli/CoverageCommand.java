package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.scenarios.RuleCoverage;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Which rules and clauses the suites exercise. Exit 0 when every rule fired, 1 when some never did. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Run the suites in DIR and report, per rule and per cited clause, how often it fired.")
final class CoverageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @CommandLine.Mixin
    Main.ListOptions options;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios = TestCommand.loadSuites(dir, err);
        if (scenarios == null) {
            return Main.INVALID_INPUT;
        }
        ExportDecisionService service = Main.buildUngatedOrReport(options, err);
        if (service == null) {
            return Main.RULES_FAILED;
        }
        RuleCoverage coverage = RuleCoverage.of(service,
                scenarios.stream().map(s -> ScenarioSuites.run(service, s)).toList());
        out.println(Main.say("coverage.rules"));
        for (RuleCoverage.RuleCount r : coverage.rules()) {
            out.printf("%5d  %s: %s%n", r.fired(), r.source(), r.name());
        }
        out.println();
        out.println(Main.say("coverage.clauses"));
        coverage.clauses().forEach((clause, n) -> out.printf("%5d  %s%n", n, clause));
        out.println();
        int total = coverage.rules().size();
        int never = coverage.neverFired().size();
        out.println(Main.say("coverage.summary", total - never, total, never));
        if (json != null) {
            Files.writeString(json, DecisionJson.toJson(coverage.report(), true));
        }
        return never == 0 ? 0 : 1;
    }
}
