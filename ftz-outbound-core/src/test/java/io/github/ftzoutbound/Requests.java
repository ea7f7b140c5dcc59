package io.github.ftzoutbound;

import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.RequestReader;

import java.time.LocalDate;
import java.util.List;

/**
 * The request generator of the tests and the benchmarks (the bench profile compiles src/bench with the test
 * sources, so the JMH benchmarks read these very requests): the benchmark's Zhejiang e-commerce requests, and the
 * ledger tests' requests of a national-regime, non-CIIO processor with the tiers a hand count gives them.
 */
public final class Requests {
    private Requests() {
    }

    /**
     * A request of the benchmark's shape, as JSON: a Ningbo cross-border e-commerce platform (Zhejiang regime, bundled
     * lists) exporting {@code items} items that cycle through on-list, off-list and non-personal fields, every fifth
     * export-controlled. {@code seed} varies the id, the holdings and the
     * year's totals (40,000 to 220,000 persons, so both sides of the 100,000 bound), deterministically.
     */
    public static String zhejiangEcommerceJson(int items, int seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"requestId\":\"B-").append(seed).append("\",\"evaluationDate\":\"2026-11-23\",")
                .append("\"processor\":{\"ftz\":\"ZHEJIANG\",\"zone\":\"NINGBO\",\"ciio\":false,")
                .append("\"sector\":\"CROSS_BORDER_ECOMMERCE\",\"holdings\":{\"individuals\":").append(2_000_000 + seed)
                .append("},\"exportedThisYear\":{\"individuals\":").append(40_000 + (seed % 7) * 30_000)
                .append(",\"sensitiveIndividuals\":0}},\"scenario\":\"CROSS_BORDER_ECOMMERCE_PLATFORM\",\"dataItems\":[");
        String[][] fields = {{"BUYER_ID_NUMBER"}, {"BUYER_NAME", "SHIPPING_ADDRESS"}, {"ORDER_TOTALS"},
                {"BUYER_FACE_IMAGE"}};
        for (int i = 0; i < items; i++) {
            String[] f = fields[(i + seed) % fields.length];
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i).append("\",\"fields\":[\"")
                    .append(String.join("\",\"", f)).append("\"],\"personalInformation\":{\"individuals\":")
                    .append(f[0].equals("ORDER_TOTALS") ? 0 : 1_000 + (i * 7_919 + seed) % 20_000)
                    .append("},\"exportControlled\":").append(i % 5 == 4).append("}");
        }
        return sb.append("]}").toString();
    }

    /**
     * A request of the benchmark's processor (Ningbo cross-border e-commerce platform, no annual totals) with the
     * given data items, written as the contract's JSON array elements (without the brackets).
     */
    public static ExportRequest zhejiangEcommerceWithItems(String itemsJson) {
        return RequestReader.read("{\"requestId\":\"I\",\"evaluationDate\":\"2026-11-23\","
                + "\"processor\":{\"ftz\":\"ZHEJIANG\",\"zone\":\"NINGBO\",\"ciio\":false,"
                + "\"sector\":\"CROSS_BORDER_ECOMMERCE\"},"
                + "\"scenario\":\"CROSS_BORDER_ECOMMERCE_PLATFORM\",\"dataItems\":[" + itemsJson + "]}");
    }

    /** The item facts the engine inserts for a request, made as DecisionEngine makes them (position, basis). */
    public static java.util.List<io.github.ftzoutbound.engine.facts.ExportItem> exportItems(ExportRequest r) {
        java.util.List<io.github.ftzoutbound.engine.facts.ExportItem> out = new java.util.ArrayList<>();
        for (int i = 0; i < r.dataItems().size(); i++) {
            out.add(new io.github.ftzoutbound.engine.facts.ExportItem(r.dataItems().get(i), i, r.basis()));
        }
        return out;
    }

    /** {@link #zhejiangEcommerceJson}, read as the engine reads it. */
    public static ExportRequest zhejiangEcommerce(int items, int seed) {
        return RequestReader.read(zhejiangEcommerceJson(items, seed));
    }

    /** One item of a national-regime, non-CIIO processor with no basis, for the ledger tests. */
    public static ExportRequest export(String requestId, String creditCode, LocalDate date, long individuals,
                                       long sensitive) {
        return export(requestId, creditCode, date, individuals, sensitive, Basis.NONE);
    }

    public static ExportRequest export(String requestId, String creditCode, LocalDate date, long individuals,
                                       long sensitive, Basis basis) {
        Processor p = new Processor("Ledger test processor", Ftz.NONE, null, false, null, null, null, creditCode);
        DataItem item = new DataItem("orders", null, null, List.of(), new PersonCounts(individuals, sensitive),
                null, null, false, false, false, false);
        return new ExportRequest(requestId, date, p, null, basis, null, null, null, List.of(item));
    }

    /**
     * The tier of one item holding non-sensitive persons, and sensitive ones when {@code itemHoldsSensitive}:
     * tallies by category (legal-reading.md, revision 2), so the year's sensitive persons count only against an
     * item that holds sensitive personal information.
     */
    public static Pathway tier(long annualIndividuals, long annualSensitive, boolean itemHoldsSensitive) {
        return tier(annualIndividuals, itemHoldsSensitive ? annualSensitive : 0);
    }

    /**
     * The pathway CBDF Arts. 5(1)(4), 7(2) and 8 give a non-CIIO's personal information with these annual totals
     * (this request included), counted by hand.
     */
    public static Pathway tier(long annualIndividuals, long annualSensitive) {
        if (annualIndividuals >= 1_000_000 || annualSensitive >= 10_000) {
            return Pathway.SECURITY_ASSESSMENT;
        }
        if (annualIndividuals >= 100_000 || annualSensitive >= 1) {
            return Pathway.STANDARD_CONTRACT_OR_CERTIFICATION;
        }
        return Pathway.EXEMPT;
    }
}
