package io.github.ftzoutbound.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestReaderTest {
    static final String VALID = """
            {"requestId":"R1","evaluationDate":"2026-11-23",
             "processor":{"ftz":"JIANGSU","zone":"SUZHOU","ciio":false,"sector":"CROSS_BORDER_ECOMMERCE",
                          "holdings":{"individuals":10,"sensitiveIndividuals":5,"sensitiveAccountOrMedicalIndividuals":1}},
             "dataItems":[{"id":"a","fields":["BUYER_NAME"],"personalInformation":{"individuals":3}}]}""";

    static List<Problem> problems(String json) {
        return assertThrows(InvalidRequestException.class, () -> RequestReader.read(json)).problems();
    }

    static List<String> paths(String json) {
        return problems(json).stream().map(Problem::path).toList();
    }

    @Test
    void readsAValidRequestWithDefaults() {
        ExportRequest r = RequestReader.read(VALID);
        assertEquals("R1", r.requestId());
        assertEquals(Ftz.JIANGSU, r.processor().ftz());
        assertEquals(Basis.NONE, r.basis());
        assertEquals(PersonCounts.ZERO, r.processor().exportedThisYear());
        assertEquals(ImportantDataStatus.NONE, r.dataItems().get(0).importantData());
        assertEquals(new PersonCounts(3, 0), r.requestPersons());
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() {
        String json = VALID.replace("\"ciio\":false", "\"ciio\":false,\"cio\":true");
        assertEquals(List.of("$.processor.cio"), paths(json));
    }

    @Test
    void unknownFieldsAnywhereAreNamedByPath() {
        String json = VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"persons\":3")
                .replace("\"requestId\":\"R1\"", "\"requestId\":\"R1\",\"x\":1");
        assertEquals(java.util.Set.of("$.x", "$.dataItems[0].persons"), java.util.Set.copyOf(paths(json)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = """
                {"processor":{"ftz":"JIANGSU","zone":"NINGBO","holdings":{"individuals":-1,
                 "sensitiveIndividuals":1,"sensitiveAccountOrMedicalIndividuals":2}},
                 "basis":"CONTRACT","dataItems":[{"id":"a"},{"id":"a","importantData":"MAYBE"}]}""";
        List<String> paths = paths(json);
        assertTrue(paths.containsAll(List.of("$.requestId", "$.processor.ciio", "$.basis",
                "$.dataItems[1].importantData", "$.processor.zone", "$.processor.holdings.individuals",
                "$.processor.holdings.sensitiveAccountOrMedicalIndividuals", "$.dataItems[1].id")), paths::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing requestId|\"requestId\":\"R1\",|$.requestId",
            "missing ftz|\"ftz\":\"JIANGSU\",|$.processor.ftz",
            "missing ciio|\"ciio\":false,|$.processor.ciio",
    })
    void requiredFieldsAreRequired(String name, String remove, String path) {
        assertEquals(List.of(path), paths(VALID.replace(remove, "")));
    }

    @Test
    void dataItemsAreRequiredAndNotEmpty() {
        assertTrue(paths(VALID.replaceAll("\"dataItems\":\\[.*]", "\"dataItems\":[]")).contains("$.dataItems"));
        String without = VALID.substring(0, VALID.indexOf(",\n \"dataItems\"")) + "}";
        assertEquals(List.of("$.dataItems"), paths(without));
    }

    @Test
    void badEnumValuesNameTheAllowedOnes() {
        Problem p = problems(VALID.replace("\"JIANGSU\"", "\"SHANGHAI\"")).get(0);
        assertEquals("$.processor.ftz", p.path());
        assertTrue(p.message().contains("JIANGSU") && p.message().contains("SHANGHAI"), p.message());
    }

    @Test
    void aZoneMustLieInItsFtz() {
        assertEquals(List.of("$.processor.zone"), paths(VALID.replace("SUZHOU", "HANGZHOU")));
        assertEquals(List.of("$.processor.zone"), paths(VALID.replace(",\"zone\":\"SUZHOU\"", "")));
        String national = VALID.replace("\"JIANGSU\"", "\"NONE\"");
        assertEquals(List.of("$.processor.zone"), paths(national));
    }

    @Test
    void countsAreBounded() {
        assertEquals(List.of("$.dataItems[0].personalInformation.individuals"),
                paths(VALID.replace("\"individuals\":3", "\"individuals\":-3")));
        assertEquals(List.of("$.dataItems[0].personalInformation.individuals"),
                paths(VALID.replace("\"individuals\":3", "\"individuals\":10000000001")));
        assertEquals(List.of("$.dataItems[0].personalInformation.individuals"),
                paths(VALID.replace("\"individuals\":3", "\"individuals\":1e30")));
        RequestReader.read(VALID.replace("\"individuals\":3", "\"individuals\":10000000000"));
    }

    @Test
    void numbersAsStringsAndFractionsAreRefused() {
        assertEquals(List.of("$.dataItems[0].personalInformation.individuals"),
                paths(VALID.replace("\"individuals\":3", "\"individuals\":\"3\"")));
        assertEquals(List.of("$.dataItems[0].personalInformation.individuals"),
                paths(VALID.replace("\"individuals\":3", "\"individuals\":3.5")));
    }

    @Test
    void theAccountOrMedicalTallyIsASubsetOfTheSensitiveOne() {
        assertEquals(List.of("$.processor.holdings.sensitiveAccountOrMedicalIndividuals"),
                paths(VALID.replace("\"sensitiveAccountOrMedicalIndividuals\":1",
                        "\"sensitiveAccountOrMedicalIndividuals\":6")));
    }

    @Test
    void duplicateItemIdsAreRefused() {
        String json = VALID.replace("\"dataItems\":[", "\"dataItems\":[{\"id\":\"a\"},");
        assertEquals(List.of("$.dataItems[1].id"), paths(json));
    }

    @Test
    void totalsMustLieBetweenTheLargestItemAndTheSum() {
        String low = VALID.replace("\"dataItems\"", "\"personalInformationTotals\":{\"individuals\":2},\"dataItems\"");
        assertEquals(List.of("$.personalInformationTotals"), paths(low));
        String high = VALID.replace("\"dataItems\"", "\"personalInformationTotals\":{\"individuals\":4},\"dataItems\"");
        assertEquals(List.of("$.personalInformationTotals"), paths(high));
        String ok = VALID.replace("\"dataItems\"", "\"personalInformationTotals\":{\"individuals\":3},\"dataItems\"");
        assertEquals(new PersonCounts(3, 0), RequestReader.read(ok).requestPersons());
    }

    @Test
    void tooManyItemsAreRefused() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= Limits.MAX_ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"i").append(i).append("\"}");
        }
        String json = VALID.replaceAll("\"dataItems\":\\[.*]", "\"dataItems\":[" + items + "]");
        assertEquals(List.of("$.dataItems"), paths(json));
    }

    @Test
    void oversizedMalformedAndDuplicateKeyBodiesAreRefused() {
        byte[] big = new byte[Limits.MAX_REQUEST_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertEquals("$", assertThrows(InvalidRequestException.class, () -> RequestReader.read(big))
                .problems().get(0).path());
        assertEquals(List.of("$"), paths("{\"requestId\": "));
        assertEquals(List.of("$"), paths(VALID.replace("\"requestId\":\"R1\"", "\"requestId\":\"R1\",\"requestId\":\"R2\"")));
        assertEquals(List.of("$"), paths("[1,2]"));
        assertEquals(List.of("$"), paths(VALID + " {}"));
        byte[] badUtf8 = VALID.replace("R1", "R\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(InvalidRequestException.class, () -> RequestReader.read(badUtf8));
        String deep = "{\"requestId\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertEquals(List.of("$"), paths(deep));
    }

    @Test
    void datesAndCodesAreChecked() {
        assertEquals(List.of("$.evaluationDate"), paths(VALID.replace("2026-11-23", "23/11/2026")));
        assertEquals(List.of("$.processor.sector"), paths(VALID.replace("CROSS_BORDER_ECOMMERCE", "cross border")));
        assertEquals(List.of("$.dataItems[0].fields[0]"), paths(VALID.replace("BUYER_NAME", "buyer-name")));
    }

    @Test
    void categoryRangeDependsOnTheFtz() {
        String cat40 = VALID.replace("\"id\":\"a\"", "\"id\":\"a\",\"category\":40");
        assertEquals(List.of("$.dataItems[0].category"), paths(cat40));
        RequestReader.read(cat40.replace("\"JIANGSU\"", "\"ZHEJIANG\"").replace("SUZHOU", "NINGBO"));
    }

    @Test
    void javaCallersAreValidatedToo() {
        ExportRequest r = new ExportRequest("R", null, new Processor(null, Ftz.ZHEJIANG, null, false, null, null, null),
                null, null, null, null, null, List.of(DataItem.of("x"), DataItem.of("x")));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RequestValidator.validate(r));
        assertEquals(List.of("$.processor.zone", "$.dataItems[1].id"), e.problems().stream().map(Problem::path).toList());
    }
}
