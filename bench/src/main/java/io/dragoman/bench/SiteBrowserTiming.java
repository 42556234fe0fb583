package io.dragoman.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Times the reader site's index in headless Chromium, opened from disk ({@code file://}) as a reader opens it: the
 * first page until its rows are in the document (and the browser's own navigation and paint timings), then a search
 * for a word one article has and for a word a ninth of them have, each from the press of the button until the count
 * says how many stories match. The first search loads the rows every search needs and the term shard of its word;
 * the later ones show what a search costs once the rows are in memory. The browser runs with the flags of the project's browser tests: no network.
 */
final class SiteBrowserTiming {

    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final long SEARCH_LIMIT_MS = 15 * 60 * 1000L;

    /**
     * One search: the words, how long until the count showed, what it said, and how many data files it loaded and when
     * the last of them had arrived (the rest of the time is the script building indexes and matching).
     */
    record Search(String words, double seconds, String count, int loaded, double loadedSeconds) {}

    /** What the browser measured. */
    record Timing(
            double openSeconds,
            double rowsSeconds,
            int rows,
            double domContentLoadedMs,
            double firstContentfulPaintMs,
            List<Search> searches) {

        void report(PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "first page: rows shown        %.3f s after the request (%d rows; driver.get returned at %.3f s)%n",
                    rowsSeconds,
                    rows,
                    openSeconds);
            out.printf(
                    Locale.ROOT,
                    "first page: browser timings   DOMContentLoaded %.0f ms, first contentful paint %.0f ms%n",
                    domContentLoadedMs,
                    firstContentfulPaintMs);
            for (Search s : searches) {
                out.printf(
                        Locale.ROOT,
                        "search \"%s\"%s %.2f s: %s (%d data files loaded, the last %.2f s after the click)%n",
                        s.words(),
                        pad(s.words()),
                        s.seconds(),
                        s.count(),
                        s.loaded(),
                        s.loadedSeconds());
            }
        }

        private static String pad(String words) {
            return " ".repeat(Math.max(0, 20 - words.length()));
        }
    }

    private SiteBrowserTiming() {}

    /**
     * Opens the index in a fresh browser and times it; a site of {@code articles} synthetic articles has the number
     * {@code articles / 2} in one article only ("Nr. 5000").
     */
    static Timing measure(Path index, int articles) throws IOException, InterruptedException {
        String binary = first(BINARIES)
                .orElseThrow(() ->
                        new IllegalStateException("No Chromium found (apt-get install chromium chromium-driver)"));
        String driverPath = first(DRIVERS)
                .orElseThrow(() ->
                        new IllegalStateException("No chromedriver found (apt-get install chromium chromium-driver)"));
        Path profile = Files.createTempDirectory("dragoman-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofMillis(SEARCH_LIMIT_MS));
            JavascriptExecutor js = driver;
            driver.get("about:blank");
            long start = System.nanoTime();
            driver.get(index.toUri().toString());
            double open = (System.nanoTime() - start) / 1e9;
            waitFor(js, "document.querySelectorAll('#rows li.row').length > 0", 60_000);
            double rows = (System.nanoTime() - start) / 1e9;
            int shown =
                    ((Number) js.executeScript("return document.querySelectorAll('#rows li.row').length;")).intValue();
            double dcl = number(
                    js.executeScript("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;"));
            double fcp = number(js.executeScript("var p = performance.getEntriesByName('first-contentful-paint');"
                    + " return p.length ? p[0].startTime : -1;"));
            List<Search> searches = new ArrayList<>();
            for (String words : List.of(Integer.toString(articles / 2), "Getreideernte", "Stromnetz")) {
                searches.add(search(driver, words));
            }
            return new Timing(open, rows, shown, dcl, fcp, searches);
        } finally {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Search search(ChromeDriver driver, String words) throws InterruptedException {
        JavascriptExecutor js = driver;
        WebElement q = driver.findElement(By.name("q"));
        q.clear();
        q.sendKeys(words);
        js.executeScript("document.getElementById('count').textContent = '';");
        // count the data files as they arrive: each is a call of DRAGOMAN.rows or DRAGOMAN.terms
        double clicked = number(js.executeScript("var D = window.DRAGOMAN; window.benchLoaded = 0;"
                + " window.benchLast = performance.now();"
                + " ['rows', 'terms'].forEach(function (name) { var f = D['bench_' + name] || D[name];"
                + "   D['bench_' + name] = f;"
                + "   D[name] = function (n, data) { window.benchLoaded++; window.benchLast = performance.now();"
                + "     return f(n, data); }; });"
                + " return window.benchLast;"));
        long start = System.nanoTime();
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor(js, "/match|could not/.test(document.getElementById('count').textContent)", SEARCH_LIMIT_MS);
        double seconds = (System.nanoTime() - start) / 1e9;
        String count = (String) js.executeScript("return document.getElementById('count').textContent;");
        int loaded = ((Number) js.executeScript("return window.benchLoaded;")).intValue();
        double last = number(js.executeScript("return window.benchLast;"));
        return new Search(words, seconds, count, loaded, (last - clicked) / 1000);
    }

    private static void waitFor(JavascriptExecutor js, String condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!holds(js, condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + millis + " ms waiting for " + condition);
            }
            Thread.sleep(10);
        }
    }

    /** Whether the condition holds; false while the page's own script keeps the browser too busy to answer. */
    private static boolean holds(JavascriptExecutor js, String condition) {
        try {
            return Boolean.TRUE.equals(js.executeScript("return " + condition + ";"));
        } catch (ScriptTimeoutException e) {
            return false;
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    private static Optional<String> first(List<String> paths) {
        return paths.stream().filter(p -> new File(p).canExecute()).findFirst();
    }
}
