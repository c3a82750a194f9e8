package io.chatroi.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver at a fixed path (Selenium is never asked to
 * find or download a driver or a browser), with a fresh profile, a download folder, and the console log kept so
 * that a test can fail on any console error.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final Path screenshots;
    private final String base;
    private final List<String> consoleErrors = new ArrayList<>();

    /** Where the browser tests save their screenshots (build output). */
    static final Path SHOTS = Services.root().resolve("e2e/target/screenshots");

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test class when Debian's chromium or its driver is missing, except under CI=true, where that
     * fails it: CI must run the browser tests, and dev/test installs both when it runs as root.
     */
    static void requireInstalled() {
        if (!installed()) {
            String why = "chromium and chromium-driver are not installed (dev/test installs them as root)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
    }

    /** A 1280x800 browser on the e2e stack's gateway, saving its screenshots in {@link #SHOTS}. */
    static Browser onGateway() throws IOException {
        return new Browser("http://127.0.0.1:" + Services.GATEWAY, SHOTS, 1280, 800);
    }

    Browser(String base, Path screenshots, int width, int height) throws IOException {
        this.base = base;
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory("chatroi-chromium-profile");
        this.downloads = Files.createTempDirectory("chatroi-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /** Opens the sign-in screen, pastes the key and waits until the navigation shows the key's role. */
    void signIn(String key) {
        // the page before stops here (its timers and requests), so nothing it does lands in this test's console
        driver.get("about:blank");
        driver.get(base + "/app/");
        // the test before (or one that failed half-way) left its key in sessionStorage, and the app signed itself in
        // again: sign out as a user would, once that page has loaded (clearing the storage under a loading page made
        // its next calls go out without a key, 401s in the console)
        if (script("return sessionStorage.length") instanceof Number stored && stored.intValue() > 0) {
            settle();
            find("[data-test=sign-out]").click();
        }
        find("[data-test=key]").sendKeys(key);
        find("[data-test=sign-in]").click();
        find("[data-test=who]");
    }

    void signOut() {
        find("[data-test=sign-out]").click();
        find("[data-test=key]");
    }

    /** Goes to a page (the part after #/) and waits until nothing on it is loading any more. */
    void open(String page) {
        driver.get(base + "/app/#/" + page);
        settle();
    }

    void settle() {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("[aria-busy=true]")).isEmpty()
                && !d.findElements(By.cssSelector("main#main")).isEmpty());
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits until exactly {@code count} elements match css and returns them. Going from one record's page to another
     * (#/contacts/a to #/contacts/b) changes only the hash: the page before can still be drawn when settle() looks.
     */
    List<WebElement> awaitCount(String css, int count) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.size() == count ? found : null;
        });
    }

    /** Clicks bar dataIndex of the chart inside the figure named figure, where ECharts drew it. */
    void clickBar(String figure, int dataIndex) {
        WebElement chart = find("[data-figure='" + figure + "'] cr-chart[data-drawn]");
        script("arguments[0].scrollIntoView({block: 'center'});", chart);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].pixelOf(arguments[1]);", chart, dataIndex);
        var size = chart.getSize();
        new Actions(driver).moveToElement(chart, (int) Math.round(at.get(0).doubleValue() - size.width / 2.0),
                (int) Math.round(at.get(1).doubleValue() - size.height / 2.0)).click().perform();
    }

    /** Clicks point dataIndex of line seriesIndex of the chart inside the figure named figure, where ECharts drew it. */
    void clickPoint(String figure, int dataIndex, int seriesIndex) {
        WebElement chart = find("[data-figure='" + figure + "'] cr-chart[data-drawn]");
        script("arguments[0].scrollIntoView({block: 'center'});", chart);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].pointOf(arguments[1], arguments[2]);", chart, dataIndex, seriesIndex);
        var size = chart.getSize();
        new Actions(driver).moveToElement(chart, (int) Math.round(at.get(0).doubleValue() - size.width / 2.0),
                (int) Math.round(at.get(1).doubleValue() - size.height / 2.0)).click().perform();
    }

    /** Clicks the element with the mouse once it is scrolled to the middle (the sticky header covers the top). */
    void click(String css) {
        WebElement element = find(css);
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Focuses the element (a bar's button, a tile) and presses Enter on it, as a keyboard user opens a list. */
    void pressEnter(String css) {
        WebElement element = find(css);
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", element);
        new Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    }

    /** Waits until the first element matching css shows text (whitespace trimmed) that satisfies test. */
    String awaitText(String css, java.util.function.Predicate<String> test) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            String text = found.isEmpty() ? null : found.get(0).getText().trim();
            return text != null && test.test(text) ? text : null;
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Console errors (SEVERE browser log entries) since the last call, failed requests included. */
    List<String> newConsoleErrors() {
        List<String> fresh = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                fresh.add(entry.getMessage());
            }
        }
        consoleErrors.addAll(fresh);
        return fresh;
    }

    /** Waits for a finished download whose name ends with suffix (Chromium writes .crdownload until done). */
    Path awaitDownload(String suffix) {
        return awaitDownload("", suffix);
    }

    /** The same for a name that also starts with prefix. */
    Path awaitDownload(String prefix, String suffix) {
        return E2e.await("a download " + prefix + "..." + suffix, WAIT, () -> {
            try (var files = Files.list(downloads)) {
                return files.map(f -> f.getFileName().toString())
                        .filter(f -> f.startsWith(prefix) && f.endsWith(suffix)).findFirst().map(downloads::resolve)
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        for (Path dir : List.of(profile, downloads)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
