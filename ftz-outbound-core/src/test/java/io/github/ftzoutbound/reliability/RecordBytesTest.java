package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.BeanRecordJson;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records the mapper writes (field by field, {@code DecisionRecordSerializer}) are byte for byte those of
 * Jackson's bean serialization of the annotated records ({@link BeanRecordJson}, the writer before issue 14's full
 * record path): full and lean, with and without the embedded request, compact and pretty, over generated requests
 * of every regime and over every scenario (ledger snapshots included). One decision is written both ways, so
 * {@code decisionId} and {@code evaluatedAt} are the same on both sides and every byte is compared.
 */
class RecordBytesTest {
    /** Fixed, so that a failure names a request that fails again. */
    static final long SEED = 20261201L;
    static final Path SCENARIOS = Path.of("../ftz-outbound-core/src/test/resources/scenarios");

    @Test
    void generatedRequestsWriteTheSameBytes() {
        ExportDecisionService service = TestServices.reliability();
        List<ExportRequest> requests = RequestGen.sample(300, SEED);
        int compared = 0;
        for (ExportRequest r : requests) {
            compared += compare(r.requestId(), service.evaluate(r, true));
            compared += compare(r.requestId(), service.evaluate(r, false));
        }
        // 300 requests x 2 decisions x 2 details x 2 layouts: every one was compared, none skipped.
        assertEquals(2_400, compared);
    }

    @Test
    void everyScenarioWritesTheSameBytes() throws Exception {
        ExportDecisionService service = TestServices.bundled();
        List<Scenario> scenarios = ScenarioSuites.load(SCENARIOS);
        int decided = 0;
        int withLedger = 0;
        for (Scenario s : scenarios) {
            ScenarioResult result = ScenarioSuites.run(service, s);
            ExportDecision d = result.decision();
            if (d == null) {
                continue; // refused: no record to write
            }
            compare(s.name(), d);
            decided++;
            withLedger += d.ledger() == null ? 0 : 1;
        }
        assertTrue(decided > 300, "scenarios decided: " + decided);
        assertTrue(withLedger > 0, "no scenario carried a ledger snapshot");
    }

    private static int compare(String name, ExportDecision d) {
        int n = 0;
        for (DecisionRecord.Detail detail : DecisionRecord.Detail.values()) {
            DecisionRecord record = DecisionRecord.of(d, detail);
            for (boolean pretty : new boolean[]{false, true}) {
                assertEquals(BeanRecordJson.write(record, pretty), DecisionJson.toJson(record, pretty),
                        name + ", " + detail.code() + (pretty ? ", pretty" : ", compact"));
                n++;
            }
        }
        // A decision written as itself is its full record (DecisionJson's ExportDecision serializer).
        assertEquals(BeanRecordJson.write(DecisionRecord.of(d, DecisionRecord.Detail.FULL), false),
                DecisionJson.toJson(d, false), name + ", decision as itself");
        return n;
    }
}
