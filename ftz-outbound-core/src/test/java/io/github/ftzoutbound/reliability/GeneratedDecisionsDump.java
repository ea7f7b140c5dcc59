package io.github.ftzoutbound.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the full record of each of {@code n} generated requests ({@link RequestGen#sample}, reproducible from the
 * seed, the reliability tests' service), one JSON line each, without what differs from run to run or from rule-set
 * revision to revision (decisionId, evaluatedAt, the ledger's snapshot, the rule set's version and digest). Run on
 * two builds, the two files must be identical when a change to the rules must not change a decision: it was run on
 * main's build and on the guarded accumulates' (docs/performance.md, "Guarded gathering accumulates"). A test-scope
 * main, not a test: 20,000 requests take a minute. Run it from ftz-outbound-core (the service reads
 * {@code ../docs/examples/lists}). Arguments: n (default 20000), seed (default 14), output file.
 */
public final class GeneratedDecisionsDump {
    private GeneratedDecisionsDump() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 14;
        Path file = Path.of(args.length > 2 ? args[2] : "target/generated-decisions.jsonl");
        ExportDecisionService service = TestServices.reliability();
        List<ExportRequest> requests = RequestGen.sample(n, seed);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int refused = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int i = 0; i < requests.size(); i++) {
                String line;
                try {
                    ExportRequest r = requests.get(i);
                    // RequestGen names a request after a hash code that differs from JVM to JVM: named by its index.
                    r = new ExportRequest("GEN-" + i, r.evaluationDate(), r.processor(), r.scenario(), r.basis(),
                            r.treaty(), r.recipient(), r.personalInformationTotals(), r.dataItems());
                    ObjectNode tree = (ObjectNode) DecisionJson.mapper().readTree(
                            DecisionJson.toJson(service.evaluate(r, true), Detail.FULL, false));
                    tree.remove(List.of("decisionId", "evaluatedAt", "ledger", "ruleset"));
                    line = i + "\t" + tree;
                } catch (RuntimeException e) {
                    // A refusal (EvaluationException, a validation error) must be the same refusal on both builds.
                    line = i + "\trefused\t" + e.getClass().getSimpleName() + ": " + e.getMessage();
                    refused++;
                }
                out.println(line);
                sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.printf("%d requests (seed %d), %d refused, sha256 %s: %s%n", n, seed, refused,
                HexFormat.of().formatHex(sha.digest()), file);
    }
}
