package io.github.ftzoutbound.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the full record of every scenario's decision, one JSON line each, without what differs from run to run
 * (decisionId, evaluatedAt, the ledger's snapshot): run before and after a change to the engine's Java side, the two
 * files must be identical (docs/performance.md, "The fixed part per evaluation"). Arguments: scenario directory,
 * output file.
 */
public final class FullRecordDump {
    private FullRecordDump() {
    }

    public static void main(String[] args) throws IOException {
        ExportDecisionService service = ExportDecisionService.bundled();
        List<Scenario> scenarios = ScenarioSuites.load(Path.of(args[0]));
        int decided = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (Scenario s : scenarios) {
                ScenarioResult r = ScenarioSuites.run(service, s);
                if (r.decision() == null) {
                    out.println(s.name() + "\trefused");
                    continue;
                }
                // The full record, the lean record (without requestDigest, which issue 14 step 4 leaves out of a
                // lean record without its request) and the Java decision as Jackson writes it.
                out.println(s.name() + "\tfull\t" + stable(DecisionJson.toJson(r.decision(), Detail.FULL, false)));
                ObjectNode lean = stable(DecisionJson.toJson(r.decision(), Detail.LEAN, false));
                lean.remove("requestDigest");
                out.println(s.name() + "\tlean\t" + lean);
                out.println(s.name() + "\tjava\t" + stable(DecisionJson.toJson(r.decision(), false)));
                decided++;
            }
        }
        System.out.println(scenarios.size() + " scenarios, " + decided + " decided");
    }

    private static ObjectNode stable(String json) throws IOException {
        ObjectNode tree = (ObjectNode) DecisionJson.mapper().readTree(json);
        tree.remove(List.of("decisionId", "evaluatedAt", "ledger"));
        return tree;
    }
}
