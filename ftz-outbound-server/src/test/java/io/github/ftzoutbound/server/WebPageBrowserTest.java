package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.ExportDecisionService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
 * The web page in a real browser: Debian's chromium and chromium-driver (no downloaded browser), headless, with a
 * fresh profile and no background networking. Skipped, loudly, only when they are not installed; .ci/run installs
 * them so CI always runs it. Leaves a screenshot in target/service-screenshot.png (docs/service-screenshot.png is
 * a copy).
 */
class WebPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static DecisionServer server;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "SKIPPED: the browser test of the web page needs Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver); " + CHROMIUM + " or " + CHROMEDRIVER + " is missing";
            System.err.println("*** " + why + " ***");
            Assumptions.abort(why);
        }
        server = new DecisionServer(ServerConfig.defaults(0, work), ExportDecisionService::bundled, null).start();
        assertTrue(server.awaitLoaded(Duration.ofMinutes(2)));
        base = "http://127.0.0.1:" + server.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")),
                "--window-size=1400,1900", "--lang=en-US");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
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
}
