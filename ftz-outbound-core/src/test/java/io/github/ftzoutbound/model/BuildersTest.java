package io.github.ftzoutbound.model;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildersTest {
    /** Every request type and its builder. A record that gains a component fails here until its builder has a setter. */
    private static final List<Class<? extends Record>> REQUEST_TYPES = List.of(ExportRequest.class, Processor.class,
            DataItem.class, Holdings.class, PersonCounts.class, Recipient.class);

    @Test
    void everyComponentOfEveryRequestTypeHasAPublicSetterInItsBuilder() throws Exception {
        for (Class<? extends Record> type : REQUEST_TYPES) {
            Class<?> builder = Class.forName(type.getName() + "$Builder");
            Set<String> setters = Arrays.stream(builder.getMethods())
                    .filter(m -> m.getReturnType() == builder && m.getParameterCount() == 1
                            && Modifier.isPublic(m.getModifiers()))
                    .map(Method::getName).collect(Collectors.toSet());
            for (RecordComponent c : type.getRecordComponents()) {
                assertTrue(setters.contains(c.getName()), type.getSimpleName() + ".Builder has no setter for "
                        + c.getName());
            }
            assertEquals(type, builder.getMethod("build").getReturnType());
        }
    }

    @Test
    void theBuiltRequestIsTheOneTheSameJsonReadsAs() {
        String json = """
                {"requestId":"REQ-1","evaluationDate":"2026-11-23",
                 "processor":{"name":"P","ftz":"ZHEJIANG","zone":"HANGZHOU","ciio":true,"sector":"AUTOMOTIVE",
                   "holdings":{"individuals":10,"sensitiveIndividuals":5,"sensitiveAccountOrMedicalIndividuals":1},
                   "exportedThisYear":{"individuals":3,"sensitiveIndividuals":2},"creditCode":"91330100MA2H0000XE"},
                 "scenario":"S","basis":"EMERGENCY","treaty":"T","recipient":{"name":"R","country":"DE"},
                 "personalInformationTotals":{"individuals":7,"sensitiveIndividuals":1},
                 "dataItems":[{"id":"a","name":"A","category":3,"fields":["F1","F2"],
                   "personalInformation":{"individuals":7,"sensitiveIndividuals":1},"importantData":"NOTIFIED",
                   "importantDataIndicators":[],"nationalCoreData":true,"stateSecret":true,
                   "exportControlled":true,"restrictedTechnology":true,"basis":"CROSS_BORDER_HR"},{"id":"b"}]}""";
        ExportRequest built = ExportRequest.builder()
                .requestId("REQ-1")
                .evaluationDate(LocalDate.of(2026, 11, 23))
                .processor(Processor.builder(Ftz.ZHEJIANG).name("P").zone(Zone.HANGZHOU).ciio(true).sector("AUTOMOTIVE")
                        .holdings(Holdings.builder().individuals(10).sensitiveIndividuals(5)
                                .sensitiveAccountOrMedicalIndividuals(1).build())
                        .exportedThisYear(PersonCounts.individuals(3).andSensitive(2))
                        .creditCode("91330100MA2H0000XE")
                        .build())
                .scenario("S").basis(Basis.EMERGENCY).treaty("T")
                .recipient(Recipient.builder().name("R").country("DE").build())
                .personalInformationTotals(PersonCounts.builder().individuals(7).sensitiveIndividuals(1).build())
                .dataItem(DataItem.builder("a").name("A").category(3).fields("F1").fields("F2")
                        .personalInformation(new PersonCounts(7, 1)).importantData(ImportantDataStatus.NOTIFIED)
                        .nationalCoreData(true).stateSecret(true).exportControlled(true).restrictedTechnology(true)
                        .basis(Basis.CROSS_BORDER_HR)
                        .build())
                .dataItem(DataItem.builder("b").build())
                .build();
        ExportRequest read = RequestReader.read(json.replace("\"importantDataIndicators\":[],", ""));
        assertEquals(read, built);
    }

    @Test
    void whatIsNotSetIsLeftOutWithTheJsonDefaults() {
        DataItem item = DataItem.builder("x").build();
        assertEquals(DataItem.of("x"), item);
        assertEquals(PersonCounts.ZERO, item.personalInformation());
        assertEquals(ImportantDataStatus.NONE, item.importantData());
        assertFalse(item.stateSecret());
        Processor p = Processor.builder(Ftz.NONE).build();
        assertFalse(p.exportedThisYearGiven(), "a left-out exportedThisYear stays left out (the ledger needs it)");
        assertEquals(Holdings.ZERO, p.holdings());
        assertEquals(Basis.NONE, ExportRequest.builder().requestId("r").build().basis());
    }

    @Test
    void toBuilderChangesOneFieldAndKeepsTheRest() {
        Processor p = Processor.builder(Ftz.JIANGSU).zone(Zone.SUZHOU).name("P").build();
        ExportRequest r = ExportRequest.builder().requestId("r").processor(p).dataItem(DataItem.of("a")).build();
        ExportRequest later = r.toBuilder().evaluationDate(LocalDate.of(2026, 1, 1)).build();
        assertEquals(r.withEvaluationDate(LocalDate.of(2026, 1, 1)), later);
        assertNotEquals(r, later);
        assertFalse(p.toBuilder().build().exportedThisYearGiven());
        assertTrue(p.toBuilder().exportedThisYear(PersonCounts.ZERO).build().exportedThisYearGiven());
        DataItem item = DataItem.builder("a").fields("F").build().toBuilder().fields("G").build();
        assertEquals(List.of("F", "G"), item.fields(), "the list adders append");
        assertEquals(List.of("H"), item.toBuilder().fields(List.of("H")).build().fields(), "the list setters replace");
    }

    @Test
    void leftOutPrimitivesAreZero() {
        assertEquals(new Holdings(5, 0, 0), Holdings.builder().individuals(5).build());
        assertEquals(new PersonCounts(0, 3), PersonCounts.builder().sensitiveIndividuals(3).build());
        assertEquals(PersonCounts.sensitive(3), PersonCounts.builder().sensitiveIndividuals(3).build());
    }

    @Test
    void theRecordsOwnChecksStillApply() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DataItem.builder(null).build());
        assertEquals("id", e.getMessage());
        assertThrows(NullPointerException.class, () -> Processor.builder(null).build());
        assertThrows(NullPointerException.class, () -> DataItem.builder("a").fields((String) null));
    }
}
