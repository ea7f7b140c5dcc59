package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page in a real browser ({@link HeadlessChromium}: Debian's chromium and chromium-driver, headless).
 * Skipped, loudly, only when they are not installed; .ci/run installs them so CI always runs it. Leaves a
 * screenshot in target/service-screenshot.png (docs/service-screenshot.png is a copy).
 */
class WebPageBrowserTest {
    static DecisionServer server;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        browser = HeadlessChromium.start(work, "the web page");
        server = new DecisionServer(ServerConfig.defaults(0, work), ExportDecisionService::bundled, null).start();
        assertTrue(server.awaitLoaded(Duration.ofMinutes(2)));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        HeadlessChromium.quit(browser);
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    static WebDriverWait await() {
        return HeadlessChromium.await(browser);
    }

    static void loadPage() {
        browser.get(base + "/");
        await().until(d -> d.findElement(By.id("request")).getAttribute("value").contains("requestId")
                && d.findElement(By.id("ruleset")).getText().contains("sha256:"));
    }

    static void decide() {
        browser.findElement(By.id("decide")).click();
        await().until(d -> !d.findElement(By.id("status")).getText().contains("…")
                && !d.findElement(By.id("status")).getText().startsWith("No decision"));
    }

    @Test
    void showsTheCitedDecisionWithWhyNotStricterAndTheTraceInBothLanguages() throws Exception {
        loadPage();
        decide();
        await().until(d -> !d.findElements(By.id("explanation")).isEmpty());
        WebElement headline = browser.findElement(By.id("headline"));
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION",
                headline.findElement(By.className("pathway")).getAttribute("data-pathway"));
        String result = browser.findElement(By.id("result")).getText();
        assertTrue(result.contains("《促进和规范数据跨境流动规定》第八条"), "the clause's Chinese reference");
        assertTrue(result.contains("累计向境外提供10万人以上"), "the clause's original text");
        assertTrue(result.contains("Why not stricter"), result);
        assertFalse(browser.findElements(By.cssSelector(".not-chosen [data-pathway=SECURITY_ASSESSMENT]")).isEmpty());
        // The page resolves the record's ids: the item's clauses by the clauses table (label and text), the
        // conditions by the conditions table, the trace's rules by the rules table (record format 3).
        String itemClauses = browser.findElement(By.cssSelector(".item")).getText();
        assertTrue(itemClauses.contains("《促进和规范数据跨境流动规定》第八条"), itemClauses);
        assertTrue(browser.findElement(By.cssSelector(".not-chosen li")).getText().length() > 20,
                browser.findElement(By.cssSelector(".not-chosen li")).getText());
        assertTrue(browser.findElement(By.id("explanation")).getText().contains("EX-JS-001"));
        com.fasterxml.jackson.databind.JsonNode item = new Http(server.port())
                .post("/v1/decisions?detail=full", Http.example("jiangsu-scc-cumulative")).json().path("items").get(0);
        assertTrue(result.contains(item.path("explanation").asText()), "the item's English explanation");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target/service-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);

        WebElement trace = browser.findElement(By.id("trace"));
        trace.findElement(By.tagName("summary")).click();
        assertTrue(trace.getText().contains("rules/cbdf/cbdf-art08-standard-contract.drl"), trace.getText());

        new Select(browser.findElement(By.id("lang"))).selectByValue("zh");
        String zh = item.path("explanationZh").asText();
        assertFalse(zh.isBlank());
        await().until(d -> d.findElement(By.id("result")).getText().contains(zh));
        String shown = browser.findElement(By.id("result")).getText();
        assertTrue(shown.contains("为何不适用更严格路径"));
        com.fasterxml.jackson.databind.JsonNode decision = new Http(server.port())
                .post("/v1/decisions?detail=full", Http.example("jiangsu-scc-cumulative")).json();
        for (com.fasterxml.jackson.databind.JsonNode o : decision.path("obligations")) {
            assertTrue(shown.contains(o.path("messageZh").asText()), "the obligation in Chinese: " + o);
            assertFalse(shown.contains(o.path("message").asText()), "the obligation left in English: " + o);
        }
    }

    @Test
    void showsProblemsByJsonPathForAnInvalidRequest() {
        loadPage();
        new Select(browser.findElement(By.id("example"))).selectByValue("invalid-several-problems");
        browser.findElement(By.id("load-example")).click();
        await().until(d -> d.findElement(By.id("request")).getAttribute("value").contains("EX-INV"));
        decide();
        assertTrue(browser.findElement(By.id("status")).getText().startsWith("Invalid request"));
        List<WebElement> paths = browser.findElements(By.cssSelector(".problems li code"));
        assertFalse(paths.isEmpty());
        assertTrue(paths.stream().allMatch(p -> p.getText().startsWith("$")), "every problem names its JSON path");
    }

    @Test
    void dataIsShownAsTextNeverAsMarkup() {
        loadPage();
        String hostile = "<img src=x onerror=\\\"window.pwned=1\\\">";
        ((JavascriptExecutor) browser).executeScript(
                "const t = document.getElementById('request'); const r = JSON.parse(t.value);"
                        + "r.requestId = arguments[0]; r.dataItems[0].id = arguments[0]; t.value = JSON.stringify(r);",
                "<img src=x onerror=\"window.pwned=1\">");
        decide();
        await().until(d -> !d.findElements(By.id("explanation")).isEmpty());
        assertTrue(browser.findElement(By.id("result")).getText().contains("<img src=x onerror="), hostile);
        assertTrue(browser.findElements(By.cssSelector("#result img")).isEmpty(), "no element made from data");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;"));
    }

    /** The page's labels as the browser shows them, by data-i18n key. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, String> labels() {
        return (java.util.Map<String, String>) ((JavascriptExecutor) browser).executeScript(
                "const m = {}; for (const e of document.querySelectorAll('[data-i18n]')) "
                        + "m[e.getAttribute('data-i18n')] = e.textContent; return m;");
    }

    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void aChineseLegalTeamReadsEveryLabelInChineseAndTheToggleSwitchesBack() {
        // ?lang=zh (a browser whose language is Chinese gets the same without it: the page reads navigator.languages).
        browser.get(base + "/?lang=zh");
        await().until(d -> d.findElement(By.id("ruleset")).getText().contains("sha256:"));
        assertEquals("zh", new Select(browser.findElement(By.id("lang"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getAttribute("lang"));
        java.util.Map<String, String> zh = labels();
        assertTrue(zh.size() >= 20, zh.toString());
        zh.forEach((key, text) -> assertTrue(key.equals("hint.requestEnd") || hasChinese(text),
                "label " + key + " is not in Chinese: " + text));
        assertEquals("判定", browser.findElement(By.id("decide")).getText());
        assertEquals("判定结果", browser.findElement(By.cssSelector("#output h2")).getText());
        assertTrue(browser.findElement(By.id("ruleset")).getText().startsWith("规则集"),
                browser.findElement(By.id("ruleset")).getText());
        assertEquals(base + "/health/ready?lang=zh", browser.findElement(By.id("ready-link")).getAttribute("href"));

        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        assertEquals("Decide", browser.findElement(By.id("decide")).getText());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        java.util.Map<String, String> en = labels();
        assertEquals(zh.keySet(), en.keySet());
        en.forEach((key, text) -> assertFalse(hasChinese(text), "label " + key + " is not in English: " + text));
    }
}
