package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.RequestReader;
import org.drools.modelcompiler.KieBaseBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule base per FTZ (issue 14 item 3): a Jiangsu processor's requests fire in a base without the Zhejiang
 * measures and the other way round, a processor in neither FTZ in a base with neither; every rule stays in the
 * metadata (coverage, citations); each base is built at its first use, once, and one that cannot be built decides
 * nothing for its FTZ. That decisions do not change is the scenario suites', SpecOracleTest's and
 * OldRecordsReplayTest's to show; here the invariant that makes it so: every rule of an FTZ's package states its FTZ.
 */
class RuleBasePerFtzTest {
    private static final LocalDate DATE = LocalDate.of(2026, 11, 23);

    private static ExportRequest jiangsu() {
        return RequestReader.read(Requests.zhejiangEcommerceJson(3, 1).replace("\"ZHEJIANG\"", "\"JIANGSU\"")
                .replace("\"NINGBO\"", "\"SUZHOU\""));
    }

    private static ExportRequest request(Ftz ftz) {
        return switch (ftz) {
            case JIANGSU -> jiangsu();
            case ZHEJIANG -> Requests.zhejiangEcommerce(3, 1);
            case NONE -> RequestReader.read(Requests.zhejiangEcommerceJson(3, 1)
                    .replace("\"ftz\":\"ZHEJIANG\",\"zone\":\"NINGBO\",", "\"ftz\":\"NONE\","));
        };
    }

    private static Set<String> packages(KieBase base) {
        Set<String> out = new TreeSet<>();
        for (KiePackage p : base.getKiePackages()) {
            if (!p.getRules().isEmpty()) {
                out.add(p.getName());
            }
        }
        return out;
    }

    private static int rulesIn(KieBase base) {
        return base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    private static long metadataRulesIn(RuleSet rs, Set<String> leftOut) {
        return rs.rules().stream().filter(r -> !leftOut.contains(r.getPackageName())).count();
    }

    private static void assertSplit(RuleSet rs) {
        Set<String> all = new TreeSet<>();
        rs.rules().forEach(r -> all.add(r.getPackageName()));
        // The metadata view keeps every rule, both FTZs' included, without any base being built for it.
        assertTrue(all.contains(RuleSet.JIANGSU_PACKAGE) && all.contains(RuleSet.ZHEJIANG_PACKAGE), all.toString());
        for (Ftz ftz : Ftz.values()) {
            KieBase base = rs.kieBase(ftz);
            Set<String> expected = new TreeSet<>(all);
            expected.removeAll(RuleSet.packagesLeftOut(ftz));
            assertEquals(expected, packages(base), ftz.toString());
            assertEquals(metadataRulesIn(rs, RuleSet.packagesLeftOut(ftz)), rulesIn(base), ftz.toString());
        }
        assertFalse(packages(rs.kieBase(Ftz.JIANGSU)).contains(RuleSet.ZHEJIANG_PACKAGE));
        assertFalse(packages(rs.kieBase(Ftz.ZHEJIANG)).contains(RuleSet.JIANGSU_PACKAGE));
        assertTrue(packages(rs.kieBase(Ftz.JIANGSU)).contains(RuleSet.JIANGSU_PACKAGE));
        assertTrue(packages(rs.kieBase(Ftz.ZHEJIANG)).contains(RuleSet.ZHEJIANG_PACKAGE));
    }

    @Test
    void eachFtzsBaseLeavesOutTheOtherFtzsRulesAndTheMetadataKeepsThemAll() {
        RuleSet rs = RuleSetLoader.load(null, true, List.of());
        assertSplit(rs);
        assertTrue(rs.rules().stream().anyMatch(r -> r.getPackageName().equals(RuleSet.JIANGSU_PACKAGE)
                && rs.sourceOf(r).startsWith("rules/jiangsu/") && rs.citationOf(r).isPresent()));
    }

    @Test
    void aRulesFolderIsSplitTheSameWay(@TempDir Path tmp) throws Exception {
        // The legal teams' folder, compiled from DRL at run time: the same split, by package.
        List<SourceFile> files = new ArrayList<>(ClasspathFiles.under("rules", ".drl"));
        files.addAll(ClasspathFiles.under("rules", RuleSetLoader.VERSION_FILE));
        for (SourceFile f : files) {
            Path p = tmp.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
        }
        RuleSet folder = RuleSetLoader.load(tmp.resolve("rules"), true, List.of());
        assertSplit(folder);
        RuleSet bundled = RuleSetLoader.load(null, true, List.of());
        DecisionEngine a = new DecisionEngine(folder, "t");
        DecisionEngine b = new DecisionEngine(bundled, "t");
        for (Ftz ftz : Ftz.values()) {
            ExportDecision x = a.evaluate(dated(request(ftz)), java.time.Instant.EPOCH);
            ExportDecision y = b.evaluate(dated(request(ftz)), java.time.Instant.EPOCH);
            assertEquals(y.pathway(), x.pathway(), ftz.toString());
            assertEquals(y.citations(), x.citations(), ftz.toString());
            assertEquals(rules(y), rules(x), ftz.toString());
        }
    }

    private static ExportRequest dated(ExportRequest r) {
        return r.evaluationDate() != null ? r : r.withEvaluationDate(DATE);
    }

    private static List<String> rules(ExportDecision d) {
        return d.trace().stream().map(t -> t.source() + "|" + t.rule()).toList();
    }

    @Test
    void aRequestFiresOnlyInItsFtzsBaseWhichIsBuiltAtItsFirstRequest() {
        ExportDecisionService service = ExportDecisionService.bundled();
        RuleSet rs = service.ruleSet();
        for (Ftz ftz : Ftz.values()) {
            assertFalse(rs.built(ftz), ftz + " built before any request");
        }
        ExportDecision zj = service.evaluate(request(Ftz.ZHEJIANG));
        assertTrue(rs.built(Ftz.ZHEJIANG));
        assertFalse(rs.built(Ftz.JIANGSU));
        assertFalse(rs.built(Ftz.NONE));
        assertTrue(zj.trace().stream().map(TraceEntry::source).anyMatch(s -> s.startsWith("rules/zhejiang/")));
        ExportDecision js = service.evaluate(request(Ftz.JIANGSU));
        assertTrue(rs.built(Ftz.JIANGSU));
        assertFalse(rs.built(Ftz.NONE));
        assertTrue(js.trace().stream().map(TraceEntry::source).anyMatch(s -> s.startsWith("rules/jiangsu/")));
        assertTrue(js.trace().stream().map(TraceEntry::source).noneMatch(s -> s.startsWith("rules/zhejiang/")));
        // Citations of the firings of a base's own rule objects come from the rule metadata like before.
        assertTrue(js.citations().stream().anyMatch(c -> c.instrument().startsWith("JS-")), js.citations().toString());
        service.evaluate(request(Ftz.NONE));
        assertTrue(rs.built(Ftz.NONE));
    }

    /** A base built from the bundled models the way the loader builds it, counting the builds. */
    private static RuleSet.BaseBuilder counting(AtomicInteger builds) {
        List<org.drools.model.Model> models = RuleSetLoader.precompiledModels();
        return leftOut -> {
            builds.incrementAndGet();
            return KieBaseBuilder.createKieBaseFromModel(RuleSet.modelsWithout(models, leftOut));
        };
    }

    @Test
    void concurrentFirstRequestsBuildTheBaseOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        RuleSet rs = RuleSetLoader.load(null, true, List.of()).withBaseBuilder(counting(builds));
        int threads = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<KieBase>> got = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return rs.kieBase(Ftz.JIANGSU);
                }));
            }
            go.countDown();
            KieBase first = got.get(0).get();
            for (Future<KieBase> f : got) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
        assertFalse(rs.built(Ftz.ZHEJIANG));
    }

    @Test
    void aBaseThatCannotBeBuiltDecidesNothingForItsFtzAndFailsBuildAll() {
        AtomicInteger builds = new AtomicInteger();
        RuleSet.BaseBuilder real = counting(new AtomicInteger());
        RuleSet rs = RuleSetLoader.load(null, true, List.of()).withBaseBuilder(leftOut -> {
            if (leftOut.equals(RuleSet.packagesLeftOut(Ftz.ZHEJIANG))) {
                builds.incrementAndGet();
                throw new IllegalStateException("network build failed");
            }
            return real.build(leftOut);
        });
        DecisionEngine engine = new DecisionEngine(rs, "t");
        ExportRequest zj = request(Ftz.ZHEJIANG);
        RuleSetException e = assertThrows(RuleSetException.class, () -> engine.evaluate(zj, java.time.Instant.EPOCH));
        assertTrue(e.problems().get(0).contains("ZHEJIANG") && e.problems().get(0).contains("network build failed"),
                e.problems().toString());
        // Still no decision at the next request, without trying again; no other base stands in.
        assertThrows(RuleSetException.class, () -> engine.evaluate(zj, java.time.Instant.EPOCH));
        assertEquals(1, builds.get());
        // The other FTZs still decide.
        assertEquals(3, engine.evaluate(request(Ftz.JIANGSU), java.time.Instant.EPOCH).items().size());
        RuleSetException all = assertThrows(RuleSetException.class, rs::buildAll);
        assertEquals(1, all.problems().size(), all.problems().toString());
        assertTrue(all.problems().get(0).contains("ZHEJIANG"));
    }

    private static final Pattern RULE = Pattern.compile("(?s)\\nrule\\s+\"([^\"]+)\"(.*?)\\nwhen(.*?)\\nthen");

    @Test
    void everyRuleOfAnFtzPackageStatesItsFtz() {
        // The split changes no decision only because a rule in rules.jiangsu (rules.zhejiang) can fire only for a
        // processor registered in that FTZ: its conditions name the FTZ or its regime.
        int checked = 0;
        for (SourceFile f : ClasspathFiles.under("rules", ".drl")) {
            String ftz = f.path().startsWith("rules/jiangsu/") ? "JIANGSU" : f.path().startsWith("rules/zhejiang/")
                    ? "ZHEJIANG" : null;
            if (ftz == null) {
                continue;
            }
            Matcher m = RULE.matcher(f.content());
            while (m.find()) {
                String when = m.group(3);
                assertTrue(when.contains("ftz == Ftz." + ftz) || when.contains("regime == Regime." + ftz + "_FTZ"),
                        f.path() + ": rule \"" + m.group(1) + "\" does not state its FTZ in its conditions");
                checked++;
            }
        }
        RuleSet rs = RuleSetLoader.load(null, true, List.of());
        long ftzRules = rs.rules().stream().map(Rule::getPackageName)
                .filter(p -> p.equals(RuleSet.JIANGSU_PACKAGE) || p.equals(RuleSet.ZHEJIANG_PACKAGE)).count();
        assertEquals(ftzRules, checked);
    }
}
