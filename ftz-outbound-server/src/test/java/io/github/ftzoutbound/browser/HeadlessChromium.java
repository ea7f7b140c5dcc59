package io.github.ftzoutbound.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The browser of the browser tests (the server's web page, the command line's report folder): Debian's chromium and
 * chromium-driver, never a downloaded browser, headless, with a fresh profile and no background networking, so a
 * run neither reaches the network nor depends on an earlier one. In the server's test-jar, which the cli tests
 * already use, so that both modules start the browser the same way.
 */
public final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * Starts the browser with its profile under {@code work}; when chromium or its driver is not installed, the
     * calling test class is skipped, loudly: a line on stderr says what is missing and how to install it
     * (.ci/run installs both, so CI always runs these tests).
     *
     * @param what what the test checks in the browser, for the skip message ("the web page", "the report")
     */
    public static WebDriver start(Path work, String what) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "SKIPPED: the browser test of " + what + " needs Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver); " + CHROMIUM + " or " + CHROMEDRIVER + " is missing";
            System.err.println("*** " + why + " ***");
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")),
                "--window-size=1400,1900", "--lang=en-US");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** A wait long enough for a loaded two-core machine: a condition, never a fixed sleep. */
    public static WebDriverWait await(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Ends the browser started by {@link #start}, if it started. */
    public static void quit(WebDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }
}
