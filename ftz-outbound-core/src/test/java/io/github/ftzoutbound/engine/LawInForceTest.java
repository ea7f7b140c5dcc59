package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Regime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dated parameter file of the law in force: the bundled dates, both sides of each, and a broken file refused. */
class LawInForceTest {
    private static final LawInForce LAW = LawInForce.parse(LawInForce.bundledSource());

    @Test
    void bundledDatesBothSides() {
        assertEquals(LocalDate.of(2024, 3, 22), LAW.earliestDate());
        assertFalse(LAW.inForce("NDSR", LocalDate.of(2024, 12, 31)));
        assertTrue(LAW.inForce("NDSR", LocalDate.of(2025, 1, 1)));
        assertEquals(Regime.NATIONAL, LAW.regime(Ftz.JIANGSU, LocalDate.of(2025, 8, 12)));
        assertEquals(Regime.JIANGSU_FTZ, LAW.regime(Ftz.JIANGSU, LocalDate.of(2025, 8, 13)));
        assertEquals(Regime.JIANGSU_FTZ, LAW.regime(Ftz.JIANGSU, LocalDate.of(2027, 8, 12)));
        assertEquals(Regime.NATIONAL, LAW.regime(Ftz.JIANGSU, LocalDate.of(2027, 8, 13)));
        assertEquals(Regime.NATIONAL, LAW.regime(Ftz.ZHEJIANG, LocalDate.of(2025, 4, 9)));
        assertEquals(Regime.ZHEJIANG_FTZ, LAW.regime(Ftz.ZHEJIANG, LocalDate.of(2025, 4, 10)));
        assertFalse(LAW.inForce("CERT-MEASURES", LocalDate.of(2025, 12, 31)));
        assertTrue(LAW.inForce("CERT-MEASURES", LocalDate.of(2026, 1, 1)));
        LAW.periods().values().forEach(p -> assertFalse(p.source().isBlank(), p.code()));
    }

    @Test
    void aBrokenFileIsRefusedWithEveryProblem() {
        String yaml = """
                - code: CBDF
                  from: 2024-03-22
                  source: x
                  effective: 2024-03-22
                - code: NDSR
                  from: 2025-01-01
                  to: 2024-01-01
                  source: x
                - code: JS-MEASURES
                  from: 2025-08-13
                """;
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> LawInForce.parse(new SourceFile("law/instruments.yaml", yaml)));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("unknown key effective"), all);
        assertTrue(all.contains("before from"), all);
        assertTrue(all.contains("needs code, from and source"), all);
        assertTrue(all.contains("ZJ-MEASURES is missing"), all);
    }

    /** Read by SnakeYAML's node tree since issue 14 step 6 (one YAML stack at start-up): values as written. */
    @Test
    void valuesAreReadAsWrittenNullsAreAbsentAndDuplicateKeysAreRefused() {
        String base = """
                - code: CBDF
                  from: 2024-03-22
                  to: ~
                  source: x
                - code: NDSR
                  from: "2025-01-01"
                  to: null
                  source: x
                - code: JS-MEASURES
                  from: 2025-08-13
                  to: '2027-08-12'
                  source: x
                - code: ZJ-MEASURES
                  from: 2025-04-10
                  to:
                  source: x
                """;
        LawInForce law = LawInForce.parse(new SourceFile("law/instruments.yaml", base));
        assertTrue(law.inForce("CBDF", LocalDate.of(2999, 1, 1)));
        assertTrue(law.inForce("NDSR", LocalDate.of(2025, 1, 1)));
        assertFalse(law.inForce("NDSR", LocalDate.of(2024, 12, 31)));
        assertTrue(law.inForce("JS-MEASURES", LocalDate.of(2027, 8, 12)));
        assertFalse(law.inForce("JS-MEASURES", LocalDate.of(2027, 8, 13)));
        assertTrue(law.inForce("ZJ-MEASURES", LocalDate.of(2999, 1, 1)));
        assertEquals(null, law.periods().get("CBDF").name());

        RuleSetException nested = assertThrows(RuleSetException.class, () -> LawInForce.parse(
                new SourceFile("law/instruments.yaml", base.replace("to: '2027-08-12'", "to: [2027-08-12]"))));
        assertTrue(String.join("\n", nested.problems()).contains("instrument 3: to is not an ISO date"),
                nested.problems().toString());
        RuleSetException twice = assertThrows(RuleSetException.class, () -> LawInForce.parse(
                new SourceFile("law/instruments.yaml", base.replace("  to: ~\n", "  to: ~\n  to: 2024-01-01\n"))));
        assertTrue(twice.problems().get(0).startsWith("law/instruments.yaml: "), twice.problems().toString());
        RuleSetException notAList = assertThrows(RuleSetException.class, () -> LawInForce.parse(
                new SourceFile("law/instruments.yaml", "code: CBDF\n")));
        assertEquals(List.of("law/instruments.yaml: expected a list of instruments"), notAList.problems());
    }
}
