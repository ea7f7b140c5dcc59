package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legal lower bound of the evaluation date (legal-reading.md, revision 2), end to end on the command line. */
class LawInForceCliTest {
    static String request(String date) {
        return """
                {"requestId":"LAW-1","evaluationDate":"%s","processor":{"ftz":"NONE","ciio":false},
                 "dataItems":[{"id":"orders","personalInformation":{"individuals":10}}]}""".formatted(date);
    }

    private static CliTest.Run evaluate(String json) {
        // The full record: the test reads the rule set's file list, which lean records leave out.
        return CliTest.run(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "evaluate", "-",
                "--record", "full");
    }

    @Test
    void theDayBeforeCbdfIsInvalidInputNamingTheDateAndWhy() throws Exception {
        CliTest.Run r = evaluate(request("2024-03-21"));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        JsonNode problems = CliTest.JSON.readTree(r.err()).get("problems");
        String text = problems.toString();
        assertTrue(text.contains("$.evaluationDate"), text);
        assertTrue(text.contains("EVALUATION_DATE_BEFORE_RULESET"), text);
        assertTrue(text.contains("2022 SA Measures"), text);
    }

    @Test
    void cbdfsFirstDayIsDecided() throws Exception {
        CliTest.Run r = evaluate(request("2024-03-22"));
        assertEquals(0, r.exit(), r.err());
        JsonNode d = CliTest.JSON.readTree(r.out());
        assertEquals("EXEMPT", d.get("pathway").asText());
        assertTrue(d.get("ruleset").get("files").toString().contains("law/instruments.yaml"));
    }
}
