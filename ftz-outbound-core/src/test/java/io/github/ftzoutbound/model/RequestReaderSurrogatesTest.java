package io.github.ftzoutbound.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Lone UTF-16 surrogates written as JSON escapes ("\ud800") are not Unicode and no UTF-8 output can carry them: the
 * reader refuses them wherever they are (values, keys, arrays, nested objects) and names the path, while a proper
 * pair (an emoji) is text like any other. Survivors of mutation testing in the model package.
 */
class RequestReaderSurrogatesTest {
    static String request(String requestId, String itemName, String extra) {
        return "{\"requestId\":\"" + requestId + "\",\"evaluationDate\":\"2026-11-23\",\"processor\":{\"ftz\":\"NONE\","
                + "\"ciio\":false},\"dataItems\":[{\"id\":\"a\",\"name\":\"" + itemName + "\"}]" + extra + "}";
    }

    static List<Problem> problems(String json) {
        return assertThrows(InvalidRequestException.class, () -> RequestReader.read(json)).problems();
    }

    @Test
    void aProperPairIsText() throws Exception {
        ExportRequest r = RequestReader.read(request("R\\ud83d\\ude00", "pair \\ud83d\\ude00 here", ""));
        assertEquals("R\uD83D\uDE00", r.requestId());
        assertEquals("pair \uD83D\uDE00 here", r.dataItems().get(0).name());
    }

    @Test
    void aLoneHighOrLowSurrogateIsRefusedWithItsPath() {
        assertEquals(List.of("$.requestId"), problems(request("R\\ud800", "x", "")).stream().map(Problem::path).toList());
        assertEquals(List.of("$.requestId"), problems(request("\\udc00R", "x", "")).stream().map(Problem::path).toList());
        // A high surrogate last in the string, and a low one before a high one (reversed pair).
        assertEquals(List.of("$.dataItems[0].name"),
                problems(request("R", "end\\ud83d", "")).stream().map(Problem::path).toList());
        assertEquals(List.of("$.dataItems[0].name"),
                problems(request("R", "\\ude00\\ud83d", "")).stream().map(Problem::path).toList());
    }

    @Test
    void everyLoneSurrogateIsNamedBeforeAnythingElseIsChecked() {
        List<Problem> p = problems(request("R\\ud800", "\\udfff", ",\"treaty\":\"t\\ud801\""));
        assertEquals(List.of("$.requestId", "$.dataItems[0].name", "$.treaty"), p.stream().map(Problem::path).toList());
        assertEquals(true, p.get(0).message().contains("unpaired UTF-16 surrogate"), p.toString());
    }

    @Test
    void aLoneSurrogateInAFieldNameIsRefusedByTheParser() {
        // Jackson refuses lone surrogates in field names itself (high or low), before the reader's own walk.
        for (String key : List.of("na\\udc00me", "na\\ud800me")) {
            List<Problem> p = problems(request("R", "x", ",\"recipient\":{\"" + key + "\":\"x\"}"));
            assertEquals(List.of("$"), p.stream().map(Problem::path).toList(), p.toString());
            assertEquals(true, p.get(0).message().contains("surrogate"), p.toString());
        }
    }
}
