package io.github.ftzoutbound.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run that names its command gets a command line holding that command only (issue 14, step 6: picocli's model of
 * the sixteen commands cost ~0.07 s of every cold start). It must behave and print as the whole command line does.
 */
class OneCommandModelTest {
    @Test
    void aNamedCommandIsTheOnlyOneBuiltAndItsHelpIsUnchanged() {
        CommandLine all = Main.commandLine();
        assertEquals(Main.COMMANDS.size(), all.getSubcommands().size());
        for (String name : all.getSubcommands().keySet()) {
            if (name.equals("help") || name.equals("generate-completion")) {
                continue;
            }
            CommandLine one = Main.commandLine(new String[] {"--lang", "zh", name, "--help"});
            assertEquals(Set.of(name), one.getSubcommands().keySet(), name);
            assertEquals(all.getSubcommands().get(name).getUsageMessage(),
                    one.getSubcommands().get(name).getUsageMessage(), name);
        }
    }

    @Test
    void helpAnUnknownOrNoCommandGetsEveryCommand() {
        for (String[] args : List.of(new String[] {"help", "evaluate"}, new String[] {"generate-completion"}, new String[] {"evaluat", "x.json"},
                new String[] {"--lang", "evaluate"}, new String[] {"-h"}, new String[0])) {
            assertEquals(Main.COMMANDS.size(), Main.commandLine(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void theCommandIsTheFirstArgumentThatIsNotARootOption() {
        assertEquals("evaluate", Main.commandName(new String[] {"--lang", "zh", "evaluate", "x.json"}));
        assertEquals("evaluate", Main.commandName(new String[] {"--lang=zh", "evaluate"}));
        assertEquals(null, Main.commandName(new String[] {"--lang", "evaluate"}));
        assertEquals(null, Main.commandName(new String[] {"-V"}));
    }
}
