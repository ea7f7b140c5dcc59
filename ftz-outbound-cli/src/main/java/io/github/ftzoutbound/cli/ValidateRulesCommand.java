package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.api.RulesetInfo;
import io.github.ftzoutbound.engine.RuleSet;
import io.github.ftzoutbound.engine.RuleSetLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Compiles a rules directory and checks every rule's citation metadata against the catalog. Problems print as
 * {@code file:line: message}. Exit 0 clean, 3 errors.
 */
@Command(name = "validate-rules", mixinStandardHelpOptions = true,
        description = "Compile the DRL in DIR; report errors as file:line: message (a rule without citation metadata, "
                + "or citing a clause missing from the catalog, is an error).")
final class ValidateRulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            // buildAll: a folder is clean only if every FTZ's rule base builds (a base that does not is no decision).
            RuleSet rs = RuleSetLoader.load(dir, false, List.of()).buildAll();
            RulesetInfo info = rs.info();
            long drl = info.files().stream().filter(f -> f.endsWith(".drl")).count();
            out.println(Main.say("validate.clean", rs.rules().size(), drl, info.version(), info.digest()));
            return 0;
        } catch (RuleSetException e) {
            e.problems(Main.language()).forEach(out::println);
            out.println(Main.say("validate.errors", e.problems().size()));
            return Main.RULES_FAILED;
        }
    }
}
