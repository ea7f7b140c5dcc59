package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the records of generated requests exactly as the mapper writes them, byte for byte, less only what differs
 * from run to run ({@code decisionId}, {@code evaluatedAt}; the test rule set's temporary folder, so its digest): full and lean, with and without the embedded request,
 * compact and pretty, for {@code n} requests of {@link RequestGen} (seeded) and the benchmark's 1- and 10-item
 * requests. Run on two builds (an older build's classes first on the class path: only the public API is used), the
 * two files must be identical (docs/performance.md, "Full record path"). Arguments: output file, n, seed.
 */
public final class RecordBytesDump {
    private static final Pattern RUN = Pattern.compile("\"(decisionId|evaluatedAt)\" ?: ?\"[^\"]*\"");
    /** The test rule set's files are copied to a new temporary folder in each JVM: its file names and digest vary. */
    private static final Pattern FOLDER = Pattern.compile("lists-ftz-reliability-lists[0-9]+");

    private RecordBytesDump() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261201L;
        ExportDecisionService service = TestServices.reliability();
        List<ExportRequest> requests = new ArrayList<>();
        for (ExportRequest r : RequestGen.sample(n, seed)) {
            // The generator's ids hash enum constants (identity hashes: a new id in every JVM); number them instead.
            requests.add(new ExportRequest("GEN-" + requests.size(), r.evaluationDate(), r.processor(), r.scenario(),
                    r.basis(), r.treaty(), r.recipient(), r.personalInformationTotals(), r.dataItems()));
        }
        for (int i = 0; i < 16; i++) {
            requests.add(Requests.zhejiangEcommerce(1, i));
            requests.add(Requests.zhejiangEcommerce(10, i));
        }
        long bytes = 0;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (ExportRequest r : requests) {
                for (boolean withRequest : new boolean[]{true, false}) {
                    ExportDecision d = service.evaluate(r, withRequest);
                    for (Detail detail : Detail.values()) {
                        for (boolean pretty : new boolean[]{false, true}) {
                            String json = RUN.matcher(DecisionJson.toJson(d, detail, pretty)).replaceAll("\"$1\":-");
                            if (d.ruleset() != null) {
                                json = json.replace(d.ruleset().digest(), "-");
                            }
                            json = FOLDER.matcher(json).replaceAll("lists-");
                            bytes += json.length();
                            out.println(json);
                        }
                    }
                }
            }
        }
        System.out.println(requests.size() + " requests, " + requests.size() * 8 + " records, " + bytes + " chars");
    }
}
