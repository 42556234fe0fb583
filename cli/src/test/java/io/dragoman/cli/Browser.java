package io.dragoman.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from the system packages ({@code chromium}, {@code chromium-driver}), driven by Selenium for the
 * reader site's tests. Without them a test is skipped with one line saying what to install. No request leaves the
 * machine: background networking, updates and sync are off, and {@link #remoteRequests()} lists what a page asked for
 * elsewhere.
 */
final class Browser implements AutoCloseable {

    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser, or the test skipped with one clear line when Chromium or its driver is not installed. */
    static Browser start() throws IOException {
        Optional<String> binary =
                BINARIES.stream().filter(b -> new File(b).canExecute()).findFirst();
        Optional<String> driverPath =
                DRIVERS.stream().filter(b -> new File(b).canExecute()).findFirst();
        if (binary.isEmpty() || driverPath.isEmpty()) {
            System.out.println("Browser tests skipped: no Chromium found (apt-get install chromium chromium-driver).");
            Assumptions.abort("no Chromium found (apt-get install chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory("dragoman-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.get());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1400",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath.get()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** Opens a page and waits until it has loaded. */
    void open(String url) {
        driver.get(url);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The console messages at level SEVERE since the last call (CSP violations and script errors among them). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The resources the page loaded from anywhere but this machine's files and 127.0.0.1. */
    @SuppressWarnings("unchecked")
    List<String> remoteRequests() {
        List<String> urls = (List<String>) script(
                "return performance.getEntriesByType('resource').map(e => e.name)" + ".concat([location.href]);");
        return urls.stream()
                .filter(u -> !u.startsWith("file:") && !u.startsWith("http://127.0.0.1:"))
                .toList();
    }

    /** Saves a screenshot of the window. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits until the script returns true, at most {@code millis}. */
    void waitFor(String js, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!Boolean.TRUE.equals(script("return " + js))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + js);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
