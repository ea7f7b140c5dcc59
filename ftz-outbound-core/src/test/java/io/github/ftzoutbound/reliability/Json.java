package io.github.ftzoutbound.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Holdings;
import io.github.ftzoutbound.model.ImportantDataIndicator;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Requests as the contract's JSON (for failure reports and the JSON entry points), decisions in a comparable form. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The request as contract JSON, leaving out what is absent or default, so a shrunk request reads short. */
    static ObjectNode request(ExportRequest r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("requestId", r.requestId());
        if (r.evaluationDate() != null) {
            o.put("evaluationDate", r.evaluationDate().toString());
        }
        Processor p = r.processor();
        ObjectNode po = o.putObject("processor");
        if (p.name() != null) {
            po.put("name", p.name());
        }
        po.put("ftz", p.ftz().name());
        if (p.zone() != null) {
            po.put("zone", p.zone().name());
        }
        po.put("ciio", p.ciio());
        if (p.sector() != null) {
            po.put("sector", p.sector());
        }
        Holdings h = p.holdings();
        if (!h.equals(Holdings.ZERO)) {
            ObjectNode ho = po.putObject("holdings");
            ho.put("individuals", h.individuals());
            ho.put("sensitiveIndividuals", h.sensitiveIndividuals());
            ho.put("sensitiveAccountOrMedicalIndividuals", h.sensitiveAccountOrMedicalIndividuals());
        }
        if (p.exportedThisYear().any()) {
            counts(po.putObject("exportedThisYear"), p.exportedThisYear());
        }
        if (r.scenario() != null) {
            o.put("scenario", r.scenario());
        }
        o.put("basis", r.basis().name());
        if (r.treaty() != null) {
            o.put("treaty", r.treaty());
        }
        if (r.recipient() != null) {
            ObjectNode ro = o.putObject("recipient");
            if (r.recipient().name() != null) {
                ro.put("name", r.recipient().name());
            }
            if (r.recipient().country() != null) {
                ro.put("country", r.recipient().country());
            }
        }
        if (r.personalInformationTotals() != null) {
            counts(o.putObject("personalInformationTotals"), r.personalInformationTotals());
        }
        ArrayNode items = o.putArray("dataItems");
        for (DataItem i : r.dataItems()) {
            ObjectNode io = items.addObject();
            io.put("id", i.id());
            if (i.name() != null) {
                io.put("name", i.name());
            }
            if (i.category() != null) {
                io.put("category", i.category());
            }
            if (!i.fields().isEmpty()) {
                ArrayNode f = io.putArray("fields");
                i.fields().forEach(f::add);
            }
            if (i.personalInformation().any()) {
                counts(io.putObject("personalInformation"), i.personalInformation());
            }
            io.put("importantData", i.importantData().name());
            if (!i.importantDataIndicators().isEmpty()) {
                ArrayNode ind = io.putArray("importantDataIndicators");
                for (ImportantDataIndicator x : i.importantDataIndicators()) {
                    ind.add(x.name());
                }
            }
            flag(io, "nationalCoreData", i.nationalCoreData());
            flag(io, "stateSecret", i.stateSecret());
            flag(io, "exportControlled", i.exportControlled());
            flag(io, "restrictedTechnology", i.restrictedTechnology());
            if (i.basis() != null) {
                io.put("basis", i.basis().name());
            }
        }
        return o;
    }

    static String requestJson(ExportRequest r) {
        return request(r).toString();
    }

    private static void counts(ObjectNode o, PersonCounts c) {
        o.put("individuals", c.individuals());
        o.put("sensitiveIndividuals", c.sensitiveIndividuals());
    }

    private static void flag(ObjectNode o, String name, boolean value) {
        if (value) {
            o.put(name, true);
        }
    }

    /**
     * Everything a decision says, in a form where order that carries no meaning (items, item ids in an
     * obligation, citations) is sorted away; {@code decisionId}, rule-set identity and engine version are left
     * out. With {@code withTrace}, the firing trace is kept in its order (for determinism checks).
     */
    static String canonical(ExportDecision d, boolean withTrace) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.requestId()).append(' ').append(d.evaluationDate()).append(' ').append(d.regime()).append(' ')
                .append(d.pathway()).append('\n');
        d.items().stream().sorted(Comparator.comparing(ItemDecision::itemId)).forEach(i ->
                sb.append("item ").append(i.itemId()).append(' ').append(i.pathway()).append(' ').append(i.reason())
                        .append(" row ").append(i.row()).append(' ').append(keys(i.citations())).append('\n'));
        sb.append("citations ").append(keys(d.citations())).append('\n');
        for (Obligation o : d.obligations().stream().sorted(Comparator.comparing(Obligation::code)).toList()) {
            sb.append("obligation ").append(o.code()).append(' ').append(new TreeSet<>(o.itemIds())).append(' ')
                    .append(keys(o.citations())).append(' ').append(o.message()).append('\n');
        }
        for (Warning w : d.warnings().stream().sorted(Comparator.comparing(Warning::code)).toList()) {
            sb.append("warning ").append(w.code()).append(' ').append(new TreeSet<>(w.itemIds())).append(' ')
                    .append(keys(w.citations())).append(' ').append(w.message()).append('\n');
        }
        if (withTrace) {
            for (TraceEntry t : d.trace()) {
                sb.append("fired ").append(t.rule()).append(' ').append(t.source()).append(' ').append(t.itemIds())
                        .append(' ').append(t.citations().stream().map(Citation::key).toList()).append('\n');
            }
        }
        return sb.toString();
    }

    static TreeSet<String> keys(List<Citation> citations) {
        TreeSet<String> out = new TreeSet<>();
        for (Citation c : citations) {
            out.add(c.key());
        }
        return out;
    }

    /** The first line where two canonical decisions differ, with a little context. */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n");
        String[] b = actual.split("\n");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<none>";
            String y = i < b.length ? b[i] : "<none>";
            if (!x.equals(y)) {
                out.add("  first: " + x);
                out.add("  then:  " + y);
                if (out.size() >= 6) {
                    break;
                }
            }
        }
        return String.join("\n", out);
    }
}
