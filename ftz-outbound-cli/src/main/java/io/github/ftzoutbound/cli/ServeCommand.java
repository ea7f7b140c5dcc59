package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.ledger.jdbc.JdbcExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.server.DecisionServer;
import io.github.ftzoutbound.server.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: the HTTP decision service (docs/service.md). The annual ledger is an embedded H2 database under
 * {@code --data-dir} unless {@code --ledger} names another (PostgreSQL to share it between instances) or
 * {@code --no-ledger} turns it off. Runs until interrupted; on SIGTERM it stops gracefully, answering the
 * decisions in flight.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP decision service with its web page (docs/service.md).")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}: loopback; put a TLS reverse "
            + "proxy in front, docs/service.md).")
    String host = "127.0.0.1";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded H2 ledger and uploads live "
            + "(default ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("ftz-data");

    @Option(names = "--no-ledger", description = "Run without the annual ledger: requests carry their own totals.")
    boolean noLedger;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Decisions at once before 429 "
            + "(default: 4 per core).")
    Integer maxConcurrent;

    @Option(names = "--reload-scenarios", paramLabel = "DIR", description = "Scenario suites every admin reload must "
            + "pass (repeatable), besides those in the uploaded zip.")
    List<Path> reloadScenarios = new ArrayList<>();

    @CommandLine.Mixin
    Main.ListOptions listOptions;

    @CommandLine.Mixin
    LedgerCommand.LedgerOptions ledgerOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(dataDir);
        JdbcExportLedger ledger = null;
        if (!noLedger) {
            if (!ledgerOptions.configured()) {
                ledgerOptions.ledger = dataDir.resolve("ledger").toString();
            }
            try {
                ledger = ledgerOptions.open();
            } catch (LedgerException e) {
                err.println(Main.errorJson("ledger-failed", ErrorText.of("ledger.failed", e.getMessage()), List.of()));
                return Main.FAILURE;
            }
        }
        ServerConfig config = ServerConfig.defaults(port, dataDir).withHost(host)
                .withAdminToken(System.getenv("FTZ_ADMIN_TOKEN")).withReloadScenarios(reloadScenarios);
        if (maxConcurrent != null) {
            config = config.withMaxConcurrent(maxConcurrent);
        }
        // A --rules rule set passes scenario suites before it serves, like every reload: --scenarios, else the
        // reload suites, else the rules directory's own scenarios/ folder (Main.ListOptions.servingBuilder).
        if (listOptions.scenarios.isEmpty()) {
            listOptions.scenarios.addAll(reloadScenarios);
        }
        ExportDecisionService.Builder builder;
        try {
            builder = listOptions.servingBuilder();
        } catch (io.github.ftzoutbound.api.RuleSetException e) {
            err.println(Main.errorJson("rules-failed", ErrorText.of("rules.failed"), e.asProblems()));
            if (ledger != null) {
                ledger.close();
            }
            return Main.RULES_FAILED;
        }
        DecisionServer server = new DecisionServer(config, builder::build, ledger).start();
        err.println(Main.say("serve.listening", host, server.port(),
                ledger == null ? Main.say("serve.noLedger") : ledger.databaseKind(),
                Main.say(config.adminToken() == null || config.adminToken().isBlank() ? "serve.adminDisabled"
                        : "serve.adminEnabled")));
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        JdbcExportLedger l = ledger;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(30));
            if (l != null) {
                l.close();
            }
            stopped.countDown();
        }, "ftz-serve-shutdown"));
        stopped.await();
        return Main.DECIDED;
    }
}
