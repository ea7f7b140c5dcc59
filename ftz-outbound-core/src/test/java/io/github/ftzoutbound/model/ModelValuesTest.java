package io.github.ftzoutbound.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small value types of the model, tested where they live (PIT's targetTests run only the model and lists
 * packages): personal information held, the regime of an FTZ, the ledger's copies of a request, and the
 * texts a caller reads when a request is refused.
 */
class ModelValuesTest {

    @Test
    void anItemHoldsPersonalInformationWhenEitherTallyIsPositive() {
        assertFalse(DataItem.of("x").holdsPersonalInformation());
        assertTrue(DataItem.builder("x").personalInformation(PersonCounts.sensitive(1)).build()
                .holdsPersonalInformation());
        assertTrue(DataItem.builder("x").personalInformation(PersonCounts.individuals(1)).build()
                .holdsPersonalInformation());
    }

    @Test
    void eachFtzHasItsRegime() {
        assertEquals(Regime.JIANGSU_FTZ, Ftz.JIANGSU.regime());
        assertEquals(Regime.ZHEJIANG_FTZ, Ftz.ZHEJIANG.regime());
        assertEquals(Regime.NATIONAL, Ftz.NONE.regime());
    }

    @Test
    void aRecipientKeepsItsNameAndCountry() {
        assertEquals(new Recipient("Example GmbH", "DE"), Recipient.of("Example GmbH", "DE"));
        assertEquals("DE", Recipient.of("Example GmbH", "DE").country());
    }

    @Test
    void theLedgerCopiesOfARequestChangeOnlyWhatTheyName() {
        Processor p = Processor.builder(Ftz.JIANGSU).name("Acme").zone(Zone.SUZHOU).sector("AUTOMOTIVE")
                .creditCode("91320000000000000X").build();
        ExportRequest r = ExportRequest.builder().requestId("R-1").evaluationDate(LocalDate.of(2026, 11, 23))
                .processor(p).dataItem(DataItem.of("a")).build();
        PersonCounts counts = new PersonCounts(60_000, 7);

        Processor filled = p.withExportedThisYear(counts);
        assertEquals(counts, filled.exportedThisYear());
        assertTrue(filled.exportedThisYearGiven());
        assertFalse(p.exportedThisYearGiven());
        assertEquals(p.toBuilder().exportedThisYear(counts).build(), filled);
        assertThrows(NullPointerException.class, () -> p.withExportedThisYear(null));

        ExportRequest withCounts = r.withExportedThisYear(counts);
        assertEquals(counts, withCounts.processor().exportedThisYear());
        assertEquals(r.dataItems(), withCounts.dataItems());
        assertEquals("R-1", withCounts.requestId());
    }

    @Test
    void processorEqualityReadsALeftOutCountAsZerosAndComparesEveryOtherComponent() {
        // Documented on Processor: equality does not tell a left-out count from explicit zeros; hashCode agrees,
        // so a processor can key a map (the ledger's per-processor totals) either way.
        Processor base = Processor.builder(Ftz.ZHEJIANG).name("Acme").sector("AUTOMOTIVE").build();
        Processor zeros = base.toBuilder().exportedThisYear(PersonCounts.ZERO).build();
        assertEquals(base, zeros);
        assertEquals(base.hashCode(), zeros.hashCode());
        assertNotEquals(base, base.toBuilder().exportedThisYear(PersonCounts.individuals(1)).build());
        assertNotEquals(base, base.toBuilder().name("Other").build());
        assertNotEquals(base, base.toBuilder().ftz(Ftz.JIANGSU).build());
        assertNotEquals(base, base.toBuilder().ciio(true).build());
        assertNotEquals(base, base.toBuilder().sector("FINANCE").build());
        assertNotEquals(base, base.toBuilder().creditCode("91320000000000000X").build());
        assertNotEquals(base, base.toBuilder().holdings(new Holdings(1, 0, 0)).build());
        assertNotEquals(base, "Acme");
    }

    @Test
    void theItemBuilderSetsTheFormat2ComponentsAndIndicators() {
        DataItem item = DataItem.builder("parts")
                .importantDataIndicators(ImportantDataIndicator.CONTROL_SYSTEM_PARAMETERS)
                .importantDataIndicators(ImportantDataIndicator.HIGH_VALUE_INDUSTRY_DATA)
                .listRows(List.of("JS-AUTO-1"))
                .conditions(Map.of("ANONYMISED", true))
                .build();
        assertEquals(List.of(ImportantDataIndicator.CONTROL_SYSTEM_PARAMETERS,
                ImportantDataIndicator.HIGH_VALUE_INDUSTRY_DATA), item.importantDataIndicators());
        assertEquals(List.of("JS-AUTO-1"), item.listRows());
        assertEquals(Map.of("ANONYMISED", true), item.conditions());
        DataItem replaced = item.toBuilder()
                .importantDataIndicators(List.of(ImportantDataIndicator.SUPPLY_CHAIN_NATIONAL_SECURITY)).build();
        assertEquals(List.of(ImportantDataIndicator.SUPPLY_CHAIN_NATIONAL_SECURITY), replaced.importantDataIndicators());

        ExportRequest r = ExportRequest.builder().requestId("R").processor(Processor.builder(Ftz.NONE).build())
                .dataItems(List.of(DataItem.of("a"), DataItem.of("b"))).build();
        assertEquals(List.of("a", "b"), r.dataItems().stream().map(DataItem::id).toList());
    }

    @Test
    void leftOutPrimitivesDefaultToZeroAndFalse() {
        // RecordBuilder fills primitives the caller did not set with the Java default, never null.
        Holdings h = Holdings.builder().individuals(5).build();
        assertEquals(new Holdings(5, 0, 0), h);
        Processor p = Processor.builder(Ftz.NONE).build();
        assertFalse(p.ciio());
        DataItem item = DataItem.builder("x").build();
        assertFalse(item.stateSecret());
        assertEquals(PersonCounts.ZERO, PersonCounts.builder().build());
    }

    @Test
    void aRefusedRequestNamesEveryProblemWithItsPath() {
        Problem a = new Problem("$.processor.ftz", "is required");
        Problem b = new Problem("$.dataItems[0].id", "must be unique");
        assertEquals("$.processor.ftz: is required", a.toString());
        InvalidRequestException e = new InvalidRequestException(List.of(a, b));
        assertEquals("invalid request: 2 problem(s)\n  $.processor.ftz: is required\n  $.dataItems[0].id: must be unique",
                e.getMessage());
        assertEquals(List.of(a, b), e.problems());
    }
}
