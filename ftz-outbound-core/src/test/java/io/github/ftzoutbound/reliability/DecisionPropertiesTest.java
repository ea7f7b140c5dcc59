package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Holdings;
import io.github.ftzoutbound.model.ImportantDataStatus;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.Regime;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.model.RequestValidator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties that hold for every valid request, whatever the lists say: more data or graver data never makes a
 * transfer easier; the order of items and of list files does not matter; the same request always gets the same
 * decision; every decided item is grounded in a clause; the request's pathway is its strictest item's.
 */
class DecisionPropertiesTest {
    private static final io.github.ftzoutbound.engine.CitationCatalog CATALOG =
            io.github.ftzoutbound.engine.CitationCatalog.bundled();

    static final ExportDecisionService SERVICE = TestServices.reliability();

    @Provide
    Arbitrary<ExportRequest> requests() {
        return RequestGen.requests();
    }

    // ---- Monotonicity -------------------------------------------------------------------------------------

    /** One way to make a request graver: more persons somewhere, or a flag that can only add duties. */
    enum Kind {
        ITEM_INDIVIDUALS, ITEM_SENSITIVE, EXPORTED_INDIVIDUALS, EXPORTED_SENSITIVE, TOTALS_INDIVIDUALS,
        TOTALS_SENSITIVE, HOLDINGS_INDIVIDUALS, HOLDINGS_SENSITIVE, HOLDINGS_ACCOUNT_OR_MEDICAL,
        IMPORTANT_DATA_NOTIFIED, NATIONAL_CORE_DATA, STATE_SECRET, CIIO
    }

    record Raise(Kind kind, int itemChoice, long amount) {
        /** The graver request, or null where this raise does not fit the request (the contract's limits). */
        ExportRequest apply(ExportRequest r) {
            Processor p = r.processor();
            List<DataItem> items = new ArrayList<>(r.dataItems());
            int index = itemChoice % items.size();
            DataItem it = items.get(index);
            PersonCounts totals = r.personalInformationTotals();
            Holdings h = p.holdings();
            PersonCounts ex = p.exportedThisYear();
            switch (kind) {
                case ITEM_INDIVIDUALS, ITEM_SENSITIVE -> {
                    boolean sensitive = kind == Kind.ITEM_SENSITIVE;
                    PersonCounts d = sensitive ? new PersonCounts(0, amount) : new PersonCounts(amount, 0);
                    items.set(index, withPi(it, it.personalInformation().plus(d)));
                    // De-duplicated totals stay consistent: the new persons are new to the request too.
                    totals = totals == null ? null : totals.plus(d);
                }
                case EXPORTED_INDIVIDUALS -> ex = new PersonCounts(ex.individuals() + amount, ex.sensitiveIndividuals());
                case EXPORTED_SENSITIVE -> ex = new PersonCounts(ex.individuals(), ex.sensitiveIndividuals() + amount);
                case TOTALS_INDIVIDUALS, TOTALS_SENSITIVE -> {
                    if (totals == null) {
                        return null;
                    }
                    // Up to the sum over items (what the totals may not exceed).
                    long sumI = r.dataItems().stream().mapToLong(i -> i.personalInformation().individuals()).sum();
                    long sumS = r.dataItems().stream().mapToLong(i -> i.personalInformation().sensitiveIndividuals()).sum();
                    totals = kind == Kind.TOTALS_INDIVIDUALS
                            ? new PersonCounts(Math.min(sumI, totals.individuals() + amount), totals.sensitiveIndividuals())
                            : new PersonCounts(totals.individuals(), Math.min(sumS, totals.sensitiveIndividuals() + amount));
                }
                case HOLDINGS_INDIVIDUALS -> h = new Holdings(h.individuals() + amount, h.sensitiveIndividuals(),
                        h.sensitiveAccountOrMedicalIndividuals());
                case HOLDINGS_SENSITIVE -> h = new Holdings(h.individuals(), h.sensitiveIndividuals() + amount,
                        h.sensitiveAccountOrMedicalIndividuals());
                case HOLDINGS_ACCOUNT_OR_MEDICAL -> h = new Holdings(h.individuals(), h.sensitiveIndividuals() + amount,
                        h.sensitiveAccountOrMedicalIndividuals() + amount);
                case IMPORTANT_DATA_NOTIFIED -> items.set(index, new DataItem(it.id(), it.name(), it.category(),
                        it.fields(), it.personalInformation(), ImportantDataStatus.NOTIFIED,
                        it.importantDataIndicators(), it.nationalCoreData(), it.stateSecret(), it.exportControlled(),
                        it.restrictedTechnology(), it.basis()));
                case NATIONAL_CORE_DATA -> items.set(index, new DataItem(it.id(), it.name(), it.category(),
                        it.fields(), it.personalInformation(), it.importantData(), it.importantDataIndicators(), true,
                        it.stateSecret(), it.exportControlled(), it.restrictedTechnology(), it.basis()));
                case STATE_SECRET -> items.set(index, new DataItem(it.id(), it.name(), it.category(), it.fields(),
                        it.personalInformation(), it.importantData(), it.importantDataIndicators(),
                        it.nationalCoreData(), true, it.exportControlled(), it.restrictedTechnology(), it.basis()));
                case CIIO -> {
                    // below
                }
            }
            Processor q = new Processor(p.name(), p.ftz(), p.zone(), p.ciio() || kind == Kind.CIIO, p.sector(), h, ex);
            ExportRequest out = new ExportRequest(r.requestId(), r.evaluationDate(), q, r.scenario(), r.basis(),
                    r.treaty(), r.recipient(), totals, items);
            return RequestValidator.problems(out).isEmpty() ? out : null;
        }
    }

    static DataItem withPi(DataItem it, PersonCounts pi) {
        return new DataItem(it.id(), it.name(), it.category(), it.fields(), pi, it.importantData(),
                it.importantDataIndicators(), it.nationalCoreData(), it.stateSecret(), it.exportControlled(),
                it.restrictedTechnology(), it.basis());
    }

    @Provide
    Arbitrary<Raise> raises() {
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(1, 100)),
                Tuple.of(3, RequestGen.nearBound().filter(v -> v > 0)),
                Tuple.of(3, Arbitraries.longs().between(1, 3_000_000)),
                Tuple.of(1, Arbitraries.longs().between(1, Limits.MAX_COUNT / 10)));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 4), amount)
                .as(Raise::new);
    }

    /**
     * Raising a count, notifying an item as important data, marking it national core data or a state secret,
     * or making the processor a CIIO never yields a less strict pathway, for the request or for any item.
     * (legal-reading.md gives no exception: the exemption bases of rows 6, 7 and 14 do not depend on volume,
     * and rows 1–5 come before them.)
     */
    @Property(tries = 4000)
    void graverFactsNeverMakeATransferEasier(@ForAll("requests") ExportRequest request, @ForAll("raises") Raise raise) {
        ExportRequest graver = raise.apply(request);
        Assume.that(graver != null);
        ExportDecision before = SERVICE.evaluate(request);
        ExportDecision after = SERVICE.evaluate(graver);
        String context = "\nrequest: " + Json.requestJson(request) + "\nraised (" + raise + "): " + Json.requestJson(graver);
        assertFalse(before.pathway().stricterThan(after.pathway()), "request pathway went from " + before.pathway()
                + " to " + after.pathway() + context);
        for (ItemDecision b : before.items()) {
            ItemDecision a = after.item(b.itemId());
            assertFalse(b.pathway().stricterThan(a.pathway()), "item " + b.itemId() + " went from " + b.pathway()
                    + " (row " + b.row() + ") to " + a.pathway() + " (row " + a.row() + ")" + context);
        }
    }

    // ---- Order ----------------------------------------------------------------------------------------------

    @Property(tries = 1500)
    void itemOrderDoesNotChangeTheDecision(@ForAll("requests") ExportRequest request, @ForAll Random random) {
        Assume.that(request.dataItems().size() > 1);
        List<DataItem> shuffled = new ArrayList<>(request.dataItems());
        Collections.shuffle(shuffled, random);
        ExportRequest other = new ExportRequest(request.requestId(), request.evaluationDate(), request.processor(),
                request.scenario(), request.basis(), request.treaty(), request.recipient(),
                request.personalInformationTotals(), shuffled);
        String a = Json.canonical(SERVICE.evaluate(request), false);
        String b = Json.canonical(SERVICE.evaluate(other), false);
        assertEquals(a, b, "reordering the items changed the decision:\n" + Json.diff(a, b) + "\nrequest: "
                + Json.requestJson(request) + "\nreordered: " + Json.requestJson(other));
    }

    @Property(tries = 1500)
    void listFileAndEntryOrderDoNotChangeTheDecision(@ForAll("requests") ExportRequest request) {
        String a = Json.canonical(SERVICE.evaluate(request), false);
        String b = Json.canonical(Reordered.service().evaluate(request), false);
        assertEquals(a, b, "loading the list files (and their entries) in another order changed the decision:\n"
                + Json.diff(a, b) + "\nrequest: " + Json.requestJson(request));
    }

    @Example
    void theReorderedServiceLoadedTheSameListsInAnotherOrder() {
        List<String> bundled = entryOrder(SERVICE);
        List<String> reordered = entryOrder(Reordered.service());
        assertEquals(new TreeSet<>(bundled), new TreeSet<>(reordered));
        assertNotEquals(bundled, reordered);
    }

    static List<String> entryOrder(ExportDecisionService s) {
        List<String> out = new ArrayList<>();
        for (var f : s.ruleSet().lists()) {
            NegativeList l = f.getList();
            for (ListEntry e : l.entries()) {
                out.add(l.id() + "/" + e.id());
            }
        }
        return out;
    }

    // ---- Determinism ----------------------------------------------------------------------------------------

    /** The same request, again or read back from its JSON, gets the same decision and the same trace. */
    @Property(tries = 1500)
    void evaluationIsDeterministic(@ForAll("requests") ExportRequest request) {
        String first = Json.canonical(SERVICE.evaluate(request), true);
        String again = Json.canonical(SERVICE.evaluate(request), true);
        ExportRequest copy = RequestReader.read(Json.requestJson(request));
        String fromJson = Json.canonical(SERVICE.evaluate(copy), true);
        assertEquals(first, again, "a second evaluation differs:\n" + Json.diff(first, again) + "\nrequest: "
                + Json.requestJson(request));
        assertEquals(first, fromJson, "the request read from its JSON is decided differently:\n"
                + Json.diff(first, fromJson) + "\nrequest: " + Json.requestJson(request));
    }

    // ---- Shape of every decision ------------------------------------------------------------------------------

    /**
     * Every item is decided exactly once, by a row of the reading, and is grounded: it cites at least one clause,
     * or it is the reading's clause-less row 16 (NO_PERSONAL_OR_IMPORTANT_DATA), or a state secret under national
     * rules (row 1 names no clause for NATIONAL: "— (reason STATE_SECRET)"). The request's pathway is its
     * strictest item's; the decision's citations include every item's; every citation carries its label and text.
     */
    @Property(tries = 3000)
    void everyDecisionIsGroundedAndTheStrictestItemDecides(@ForAll("requests") ExportRequest request) {
        ExportDecision d = SERVICE.evaluate(request);
        String context = "\nrequest: " + Json.requestJson(request);
        List<String> ids = d.items().stream().map(ItemDecision::itemId).toList();
        assertEquals(request.dataItems().stream().map(DataItem::id).toList(), ids, "items decided" + context);
        Pathway strictest = Pathway.EXEMPT;
        Set<String> all = new HashSet<>(Json.keys(d.citations()));
        for (ItemDecision i : d.items()) {
            strictest = Pathway.strictest(strictest, i.pathway());
            assertTrue(i.row() >= 1 && i.row() <= 16, "item " + i.itemId() + " row " + i.row() + context);
            assertTrue(i.reason() != null && !i.reason().isBlank(), "item " + i.itemId() + " has no reason" + context);
            boolean clauseless = "NO_PERSONAL_OR_IMPORTANT_DATA".equals(i.reason())
                    || "STATE_SECRET".equals(i.reason()) && d.regime() == Regime.NATIONAL;
            assertTrue(!i.citations().isEmpty() || clauseless, "item " + i.itemId() + " (" + i.reason() + ", row "
                    + i.row() + ") cites nothing" + context);
            for (Citation c : i.citations()) {
                assertTrue(all.contains(c.key()), "item citation " + c.key() + " missing from the decision's" + context);
            }
        }
        assertEquals(strictest, d.pathway(), "request pathway is not the strictest item's" + context);
        for (Citation c : d.citations()) {
            // A clause's original wording, or no text where the catalog says none is bundled (noText): never blank.
            boolean textAsCatalogued = c.text() != null ? !c.text().isBlank()
                    : CATALOG.find(c).map(k -> k.text() == null).orElse(false);
            assertTrue(c.label() != null && !c.label().isBlank() && textAsCatalogued,
                    "citation " + c.key() + " lacks its label or text" + context);
        }
    }
}
