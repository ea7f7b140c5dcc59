package io.github.ftzoutbound.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request reader's strictness, tested in its own package (the CLI and API tests cover it end to end, but
 * PIT's model run only sees these): size and length bounds on both sides, unknown keys in every nested object,
 * the cap on surrogate problems, and element types inside arrays. Each refusal names its JSON path.
 */
class RequestReaderStrictnessTest {
    static final String VALID = RequestReaderTest.VALID;

    static List<Problem> problems(String json) {
        return assertThrows(InvalidRequestException.class, () -> RequestReader.read(json)).problems();
    }

    static Problem only(String json) {
        List<Problem> p = problems(json);
        assertEquals(1, p.size(), p::toString);
        return p.get(0);
    }

    @Test
    void aRequestOfExactlyTheMaximumSizeIsReadAndOneByteMoreIsRefusedUnparsed() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] most = new byte[Limits.MAX_REQUEST_BYTES];
        Arrays.fill(most, (byte) ' ');
        System.arraycopy(valid, 0, most, 0, valid.length);
        assertEquals("R1", RequestReader.read(most).requestId());

        byte[] tooMany = Arrays.copyOf(most, Limits.MAX_REQUEST_BYTES + 1);
        tooMany[Limits.MAX_REQUEST_BYTES] = ' ';
        List<Problem> p = assertThrows(InvalidRequestException.class, () -> RequestReader.read(tooMany)).problems();
        assertEquals(List.of(new Problem("$", "request is 4194305 bytes; at most 4194304 (4 MiB) are accepted",
                "request.tooLarge", List.of(Limits.MAX_REQUEST_BYTES + 1, Limits.MAX_REQUEST_BYTES))), p);
    }

    @Test
    void malformedJsonSaysWhereTheParserStopped() {
        Problem p = only("{\"requestId\":\n \"R1\",,}");
        assertEquals("$", p.path());
        assertTrue(p.message().contains("(line 2, column"), p.message());
    }

    @Test
    void unknownKeysAreNamedInEveryNestedObject() {
        String json = VALID
                .replace("\"requestId\":\"R1\"", "\"requestId\":\"R1\",\"recipient\":{\"name\":\"X\",\"city\":\"Y\"},"
                        + "\"personalInformationTotals\":{\"individuals\":3,\"people\":1}")
                .replace("\"ciio\":false", "\"ciio\":false,\"exportedThisYear\":{\"individuals\":0,\"persons\":1}")
                .replace("\"sensitiveAccountOrMedicalIndividuals\":1", "\"sensitiveAccountOrMedicalIndividuals\":1,"
                        + "\"accounts\":1")
                .replace("\"personalInformation\":{\"individuals\":3}", "\"personalInformation\":{\"individuals\":3,"
                        + "\"sensitive\":1}");
        assertEquals(List.of("$.processor.holdings.accounts", "$.processor.exportedThisYear.persons",
                        "$.recipient.city", "$.personalInformationTotals.people",
                        "$.dataItems[0].personalInformation.sensitive"),
                problems(json).stream().map(Problem::path).toList());
    }

    @Test
    void aLongUnknownKeyIsAbbreviatedInItsPathAfter64Characters() {
        String k64 = "k".repeat(64);
        assertEquals("$." + k64, only(VALID.replace("{\"requestId\"", "{\"" + k64 + "\":1,\"requestId\"")).path());
        assertEquals("$." + k64 + "…",
                only(VALID.replace("{\"requestId\"", "{\"" + k64 + "k\":1,\"requestId\"")).path());
    }

    @Test
    void atMostTwentyUnpairedSurrogatesAreReported() {
        String lone = String.join(",", Collections.nCopies(25, "\"\\ud800\""));
        List<Problem> p = problems(VALID.replace("[\"BUYER_NAME\"]", "[" + lone + "]"));
        assertEquals(20, p.size());
        assertEquals("$.dataItems[0].fields[19]", p.get(19).path());
        String twenty = String.join(",", Collections.nCopies(20, "\"\\ud800\""));
        assertEquals(20, problems(VALID.replace("[\"BUYER_NAME\"]", "[" + twenty + "]")).size());
    }

    @Test
    void arraysHoldAtMostTenThousandElements() {
        String rows10k = String.join(",", Collections.nCopies(Limits.MAX_ITEMS, "\"R\""));
        // 10,000 rows are read; the validator then refuses more than 1,000 rows per item.
        Problem most = only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"listRows\":[" + rows10k + "]"));
        assertEquals("$.dataItems[0].listRows", most.path());
        assertEquals("listRows.tooMany", most.key());
        Problem tooLong = only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"listRows\":[" + rows10k + ",\"R\"]"));
        assertEquals("$.dataItems[0].listRows", tooLong.path());
        assertEquals("holds 10001 elements; at most 10000 are accepted", tooLong.message());
    }

    @Test
    void countsBeyondALongAreNamedNegativeOrTooLarge() {
        assertEquals("must not be negative",
                only(VALID.replace("\"individuals\":3}", "\"individuals\":-99999999999999999999}")).message());
        assertEquals("must not exceed 10,000,000,000",
                only(VALID.replace("\"individuals\":3}", "\"individuals\":99999999999999999999}")).message());
        assertEquals("$.dataItems[0].personalInformation.individuals",
                only(VALID.replace("\"individuals\":3}", "\"individuals\":\"3\"}")).path());
    }

    @Test
    void arrayElementsOfTheWrongTypeAreRefusedAtTheirIndexNeverDropped() {
        assertEquals("$.dataItems[0].fields[1]",
                only(VALID.replace("[\"BUYER_NAME\"]", "[\"BUYER_NAME\",null]")).path());
        assertEquals("$.dataItems[0].importantDataIndicators[0]",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"importantDataIndicators\":[\"MAYBE\"]")).path());
        assertEquals("$.dataItems[0].listRows[0]",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"listRows\":[5]")).path());
        assertEquals("$.dataItems[1]", only(VALID.replace("}}]}", "}},5]}")).path());
        DataItem read = RequestReader.read(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"importantDataIndicators\":"
                + "[\"CONTROL_SYSTEM_PARAMETERS\",\"CONTROL_SYSTEM_PARAMETERS\"],\"listRows\":[\"JS-1\"]")).dataItems().get(0);
        assertEquals(List.of(ImportantDataIndicator.CONTROL_SYSTEM_PARAMETERS), read.importantDataIndicators());
        assertEquals(List.of("JS-1"), read.listRows());
    }

    @Test
    void conditionsAreAnObjectOfTrueOrFalse() {
        DataItem read = RequestReader.read(VALID.replace("\"id\":\"a\"",
                "\"id\":\"a\",\"conditions\":{\"FILED\":true,\"ANONYMISED\":false}")).dataItems().get(0);
        assertEquals(Map.of("FILED", true, "ANONYMISED", false), read.conditions());
        assertEquals("$.dataItems[0].conditions",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"conditions\":[\"FILED\"]")).path());
        assertEquals("$.dataItems[0].conditions.FILED",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"conditions\":{\"FILED\":\"yes\"}")).path());
    }

    @Test
    void aCategoryIsAWholeNumber() {
        assertEquals(Integer.valueOf(7),
                RequestReader.read(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"category\":7")).dataItems().get(0)
                        .category());
        assertEquals("$.dataItems[0].category",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"category\":7.5")).path());
        assertEquals("$.dataItems[0].category",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"category\":3000000000")).path());
    }

    @Test
    void aNonBooleanFlagIsRefused() {
        assertEquals("$.processor.ciio", only(VALID.replace("\"ciio\":false", "\"ciio\":\"no\"")).path());
        assertEquals("$.dataItems[0].stateSecret",
                only(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"stateSecret\":1")).path());
        assertTrue(RequestReader.read(VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"stateSecret\":true"))
                .dataItems().get(0).stateSecret());
    }
}
