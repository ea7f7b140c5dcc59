package io.github.ftzoutbound.report;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.browser.HeadlessChromium;
import io.github.ftzoutbound.model.Pathway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report folder in a real browser ({@link HeadlessChromium}, as WebPageBrowserTest):
 * the page's script decodes the data files from file://, searches, filters, pages and shows a decision's details;
 * markup in a record stays text. Skipped, loudly, only when chromium is not installed (.ci/run installs it).
 */
class ReportBrowserTest {
    static final String PAYLOAD = "<img src=x onerror=\"window.ftzXss=1\">";
    static WebDriver browser;
    static Path report;
    static List<ExportDecision> decisions = new ArrayList<>();

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("../docs/examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("invalid"))
                    .sorted().toList();
        }
        for (Path p : examples) {
            decisions.add(TestServices.withExampleLists().evaluateJson(Files.readString(p)));
        }
        ExportDecision d = decisions.get(0);
        List<Warning> warnings = new ArrayList<>(d.warnings());
        warnings.add(new Warning("W" + PAYLOAD, List.of(), List.of(), "message " + PAYLOAD, "提示 " + PAYLOAD));
        List<ItemDecision> items = d.items().stream().map(i -> new ItemDecision("item" + PAYLOAD, i.pathway(),
                i.reason(), i.row(), i.citations(), PAYLOAD, PAYLOAD, i.notChosen(), i.route())).toList();
        decisions.add(new ExportDecision("HOSTILE" + PAYLOAD, d.decisionId(), d.evaluatedAt(), d.evaluationDate(),
                d.requestDigest(), d.regime(), d.pathway(), items, d.citations(), d.obligations(), warnings, d.ruleset(),
                d.engineVersion(), d.trace(), null, null));
        report = work.resolve("report");
        // Two decisions a chunk: showing decisions loads several data files.
        try (ReportWriter w = new ReportWriter(report, ReportLang.EN, "examples", Clock.systemUTC(), 2)) {
            for (ExportDecision x : decisions) {
                w.add(x);
            }
            w.finish();
        }
        browser = HeadlessChromium.start(work, "the report");
    }

    @AfterAll
    static void stop() {
        HeadlessChromium.quit(browser);
    }

    static WebDriverWait await() {
        return HeadlessChromium.await(browser);
    }

    static void open(String hash) {
        browser.get(report.resolve("index.html").toUri() + hash);
        browser.navigate().refresh();
        await().until(d -> d.findElement(By.id("count")).getText().contains("match"));
    }

    static List<WebElement> shown() {
        return browser.findElements(By.cssSelector("#list article"));
    }

    @Test
    void searchFilterAndPagingWorkOverEveryDecision() {
        open("#size=20");
        assertEquals(decisions.size(), shown().size());
        assertEquals(decisions.size() + " decisions match", browser.findElement(By.id("count")).getText());
        long exempt = decisions.stream().filter(d -> d.pathway() == Pathway.EXEMPT).count();
        new Select(browser.findElement(By.id("filter"))).selectByValue("EXEMPT");
        await().until(d -> shown().size() == exempt);
        shown().forEach(a -> assertEquals("EXEMPT", a.getAttribute("data-pathway")));
        assertTrue(browser.getCurrentUrl().contains("pathway=EXEMPT"), "the filter is kept in the address");

        open("#q=ex-zj-00");
        assertEquals(decisions.stream().filter(d -> d.requestId().startsWith("EX-ZJ-00")).count(), shown().size());

        open("#size=5");
        assertEquals(5, shown().size());
        assertTrue(browser.findElement(By.id("pageinfo")).getText().startsWith("page 1 of "));
        browser.findElement(By.id("next")).click();
        await().until(d -> d.findElement(By.id("pageinfo")).getText().startsWith("page 2 of "));
        assertEquals(decisions.get(5).requestId(), shown().get(0).findElement(By.tagName("b")).getText());
    }

    @Test
    void aDecisionShowsItsClausesWhyNotStricterAndTrace() {
        ExportDecision d = decisions.get(2);
        open("#q=" + d.requestId());
        WebElement card = shown().get(0);
        card.findElement(By.cssSelector("header button")).click();
        await().until(x -> card.getText().contains("Why not stricter"));
        String text = card.getText();
        assertTrue(text.contains(d.items().get(0).explanation()), text);
        if (!d.items().get(0).citations().isEmpty()) {
            assertTrue(text.contains(d.items().get(0).citations().get(0).label()), text);
        }
        card.findElement(By.cssSelector("details.trace-fold > summary")).click();
        assertTrue(card.getText().contains(d.trace().get(0).rule()), card.getText());
        assertTrue(card.getText().contains("Trace: " + d.trace().size() + " rules fired"), card.getText());
        new Select(browser.findElement(By.id("size"))).selectByValue("200");
        await().until(x -> browser.getCurrentUrl().contains("size=200"));
    }

    @Test
    void markupInARecordIsShownAsTextAndNeverRuns() {
        open("#q=HOSTILE&open=1");
        WebElement card = shown().get(0);
        await().until(x -> card.getText().contains("message " + PAYLOAD));
        assertTrue(card.getText().contains("HOSTILE" + PAYLOAD));
        assertTrue(card.getText().contains("item" + PAYLOAD));
        assertEquals(0, browser.findElements(By.cssSelector("#list img")).size(), "no element made from a record");
        assertFalse(Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.ftzXss === 1;")));
    }
}
