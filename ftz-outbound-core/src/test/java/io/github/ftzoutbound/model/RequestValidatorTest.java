package io.github.ftzoutbound.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semantic limits a request built in Java meets (the JSON reader adds the structural ones), each on both sides of
 * its bound, and the strictness order of pathways. These were the survivors of mutation testing in the model package:
 * removed checks and moved boundaries that no model test noticed (docs/security.md, "Mutation testing").
 */
class RequestValidatorTest {
    static final String LONG_TEXT = "x".repeat(Limits.MAX_TEXT);

    static ExportRequest.Builder base() {
        return ExportRequest.builder().requestId("V-1").evaluationDate(LocalDate.of(2026, 11, 23))
                .processor(Processor.builder(Ftz.NONE).build())
                .dataItem(DataItem.builder("a").personalInformation(PersonCounts.individuals(10)).build());
    }

    static List<String> paths(ExportRequest r) {
        return RequestValidator.problems(r).stream().map(Problem::path).toList();
    }

    static List<String> withProcessor(UnaryOperator<Processor.Builder> edit) {
        return paths(base().processor(edit.apply(Processor.builder(Ftz.NONE)).build()).build());
    }

    static List<String> withItem(UnaryOperator<DataItem.Builder> edit) {
        return paths(base().dataItems(List.of(edit.apply(DataItem.builder("a")).build())).build());
    }

    @Test
    void aPlainRequestHasNoProblem() {
        assertEquals(List.of(), paths(base().build()));
    }

    @Test
    void freeTextIsAcceptedUpToItsLimitAndRefusedPastIt() {
        assertEquals(List.of(), paths(base().treaty(LONG_TEXT).build()));
        assertEquals(List.of("$.treaty"), paths(base().treaty(LONG_TEXT + "x").build()));
        assertEquals(List.of(), paths(base().recipient(Recipient.builder().name(LONG_TEXT).build()).build()));
        assertEquals(List.of("$.recipient.name"),
                paths(base().recipient(Recipient.builder().name(LONG_TEXT + "x").build()).build()));
        assertEquals(List.of(), withProcessor(p -> p.name(LONG_TEXT)));
        assertEquals(List.of("$.processor.name"), withProcessor(p -> p.name(LONG_TEXT + "x")));
        assertEquals(List.of(), withItem(i -> i.name(LONG_TEXT)));
        assertEquals(List.of("$.dataItems[0].name"), withItem(i -> i.name(LONG_TEXT + "x")));
    }

    @Test
    void codesMustBeCodes() {
        assertEquals(List.of(), paths(base().scenario("INTRA_GROUP").build()));
        assertEquals(List.of("$.scenario"), paths(base().scenario("intra group").build()));
        assertEquals(List.of("$.processor.sector"), withProcessor(p -> p.sector("retail")));
        assertEquals(List.of("$.dataItems[0].fields[1]"), withItem(i -> i.fields("OWNER_NAME", "owner name")));
        assertEquals(List.of("$.dataItems[0].conditions.bad key"),
                withItem(i -> i.conditions(java.util.Map.of("bad key", true))));
    }

    @Test
    void countsLieBetweenZeroAndTenBillion() {
        long max = Limits.MAX_COUNT;
        assertEquals(List.of(), withProcessor(p -> p.holdings(Holdings.builder().individuals(max)
                .sensitiveIndividuals(max).sensitiveAccountOrMedicalIndividuals(max).build())));
        assertEquals(List.of("$.processor.holdings.individuals", "$.processor.holdings.sensitiveIndividuals",
                        "$.processor.holdings.sensitiveAccountOrMedicalIndividuals"),
                withProcessor(p -> p.holdings(Holdings.builder().individuals(max + 1).sensitiveIndividuals(max + 1)
                        .sensitiveAccountOrMedicalIndividuals(max + 1).build())));
        assertEquals(List.of("$.processor.holdings.individuals"),
                withProcessor(p -> p.holdings(Holdings.builder().individuals(-1).build())));
        assertEquals(List.of(), withProcessor(p -> p.exportedThisYear(new PersonCounts(0, max))));
        assertEquals(List.of("$.processor.exportedThisYear.individuals",
                        "$.processor.exportedThisYear.sensitiveIndividuals"),
                withProcessor(p -> p.exportedThisYear(new PersonCounts(-1, max + 1))));
        assertEquals(List.of("$.dataItems[0].personalInformation.sensitiveIndividuals"),
                withItem(i -> i.personalInformation(new PersonCounts(max, -1))));
        List<String> totals = paths(base().personalInformationTotals(new PersonCounts(-1, 0)).build());
        assertTrue(totals.contains("$.personalInformationTotals.individuals"), totals.toString());
    }

    @Test
    void sensitiveAccountOrMedicalHoldingsAreASubsetOfSensitiveOnes() {
        assertEquals(List.of(), withProcessor(p -> p.holdings(Holdings.builder().sensitiveIndividuals(5)
                .sensitiveAccountOrMedicalIndividuals(5).build())));
        assertEquals(List.of("$.processor.holdings.sensitiveAccountOrMedicalIndividuals"),
                withProcessor(p -> p.holdings(Holdings.builder().sensitiveIndividuals(5)
                        .sensitiveAccountOrMedicalIndividuals(6).build())));
    }

    @Test
    void itemsAndTheirFieldsAndRowsAreBounded() {
        List<DataItem> most = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_ITEMS; i++) {
            most.add(DataItem.builder("i" + i).build());
        }
        assertEquals(List.of(), paths(base().dataItems(most).build()));
        most.add(DataItem.builder("one-too-many").build());
        assertEquals(List.of("$.dataItems"), paths(base().dataItems(most).build()));
        assertEquals(List.of("$.dataItems"), paths(base().dataItems(List.of()).build()));

        List<String> fields = Collections.nCopies(Limits.MAX_FIELDS, "OWNER_NAME");
        assertEquals(List.of(), withItem(i -> i.fields(fields)));
        List<String> tooMany = new ArrayList<>(fields);
        tooMany.add("OWNER_NAME");
        assertEquals(List.of("$.dataItems[0].fields"), withItem(i -> i.fields(tooMany)));

        List<String> rows = Collections.nCopies(Limits.MAX_FIELDS, "JS-2025-AUTOMOTIVE.1");
        assertEquals(List.of(), withItem(i -> i.listRows(rows)));
        List<String> tooManyRows = new ArrayList<>(rows);
        tooManyRows.add("JS-2025-AUTOMOTIVE.1");
        assertEquals(List.of("$.dataItems[0].listRows"), withItem(i -> i.listRows(tooManyRows)));
        assertEquals(List.of("$.dataItems[0].listRows[0]"), withItem(i -> i.listRows(List.of("-not a row"))));
    }

    @Test
    void itemIdsAreOneTo128CharactersAndUnique() {
        assertEquals(List.of(), paths(base().dataItems(List.of(DataItem.builder("x".repeat(128)).build())).build()));
        assertEquals(List.of("$.dataItems[0].id"),
                paths(base().dataItems(List.of(DataItem.builder("x".repeat(129)).build())).build()));
        assertEquals(List.of("$.dataItems[0].id"), paths(base().dataItems(List.of(DataItem.builder("").build())).build()));
        assertEquals(List.of("$.dataItems[1].id"), paths(base().dataItems(List.of(DataItem.builder("a").build(),
                DataItem.builder("a").build())).build()));
    }

    @Test
    void categoriesAreLevelTwoNumbersJiangsuHasOneFewer() {
        assertEquals(List.of(), withItem(i -> i.category(1)));
        assertEquals(List.of(), withItem(i -> i.category(40)));
        assertEquals(List.of("$.dataItems[0].category"), withItem(i -> i.category(0)));
        assertEquals(List.of("$.dataItems[0].category"), withItem(i -> i.category(41)));
        Processor js = Processor.builder(Ftz.JIANGSU).zone(Zone.SUZHOU).build();
        assertEquals(List.of(), paths(base().processor(js)
                .dataItems(List.of(DataItem.builder("a").category(39).build())).build()));
        List<Problem> p = RequestValidator.problems(base().processor(js)
                .dataItems(List.of(DataItem.builder("a").category(40).build())).build());
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("1 to 39 (Jiangsu"), p.toString());
    }

    @Test
    void zonesBelongToTheirFtzAndAnFtzNeedsOne() {
        assertEquals(List.of("$.processor.zone"), paths(base().processor(Processor.builder(Ftz.JIANGSU).build()).build()));
        assertEquals(List.of("$.processor.zone"),
                paths(base().processor(Processor.builder(Ftz.NONE).zone(Zone.SUZHOU).build()).build()));
        assertEquals(List.of("$.recipient.country"),
                paths(base().recipient(Recipient.builder().country("de").build()).build()));
        assertEquals(List.of(), paths(base().recipient(Recipient.builder().country("DE").build()).build()));
    }

    @Test
    void deduplicatedTotalsLieBetweenTheLargestItemAndTheSum() {
        ExportRequest.Builder two = base().dataItems(List.of(
                DataItem.builder("a").personalInformation(new PersonCounts(60, 6)).build(),
                DataItem.builder("b").personalInformation(new PersonCounts(40, 4)).build()));
        assertEquals(List.of(), paths(two.personalInformationTotals(new PersonCounts(60, 6)).build()));
        assertEquals(List.of(), paths(two.personalInformationTotals(new PersonCounts(100, 10)).build()));
        assertEquals(List.of("$.personalInformationTotals"),
                paths(two.personalInformationTotals(new PersonCounts(59, 6)).build()));
        assertEquals(List.of("$.personalInformationTotals"),
                paths(two.personalInformationTotals(new PersonCounts(60, 5)).build()));
        assertEquals(List.of("$.personalInformationTotals"),
                paths(two.personalInformationTotals(new PersonCounts(101, 10)).build()));
        assertEquals(List.of("$.personalInformationTotals"),
                paths(two.personalInformationTotals(new PersonCounts(100, 11)).build()));
    }

    @Test
    void aMissingRequestIdOrProcessorIsNamed() {
        assertEquals(List.of("$.requestId"), paths(base().requestId(null).build()));
        assertEquals(List.of("$.requestId"), paths(base().requestId("a\u0007b").build()));
        assertEquals(List.of("$.processor"), paths(base().processor(null).build()));
        assertEquals(List.of("$"), paths(null));
    }

    @Test
    void pathwaysAreOrderedByStrictness() {
        assertTrue(Pathway.SECURITY_ASSESSMENT.stricterThan(Pathway.EXEMPT));
        assertFalse(Pathway.EXEMPT.stricterThan(Pathway.SECURITY_ASSESSMENT));
        assertFalse(Pathway.EXEMPT.stricterThan(Pathway.EXEMPT), "a pathway is not stricter than itself");
        assertEquals(Pathway.STRICTER_REGIME, Pathway.strictest(Pathway.STRICTER_REGIME, Pathway.EXEMPT));
        assertEquals(Pathway.STRICTER_REGIME, Pathway.strictest(Pathway.EXEMPT, Pathway.STRICTER_REGIME));
        assertEquals(Pathway.EXEMPT, Pathway.strictest(Pathway.EXEMPT, Pathway.EXEMPT));
    }

    @Test
    void personCountsAreAnyWhenEitherTallyIsPositive() {
        assertFalse(PersonCounts.ZERO.any());
        assertTrue(PersonCounts.individuals(1).any());
        assertTrue(PersonCounts.sensitive(1).any());
        assertEquals(new PersonCounts(3, 5), PersonCounts.individuals(1).andSensitive(2).plus(new PersonCounts(2, 3)));
    }
}
