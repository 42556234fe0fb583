package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.dragoman.core.output.SearchTerms;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.store.StoredArticle;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The reader site in a real browser (headless Chromium): made by the packaged jar from the seeds (run against a
 * stand-in model), 300 synthetic articles and one story in three versions, opened from disk. Skipped with one line
 * when Chromium is missing.
 */
class SiteBrowserIT {

    @TempDir
    static Path tmp;

    private static Path site;
    private Browser browser;

    @BeforeAll
    static void makeTheSite() throws Exception {
        Path out = tmp.resolve("out");
        WireMockServer server = PackagedJarIT.seedServer();
        try {
            Process run = dragoman(List.of(
                    "run",
                    Cli.SEEDS.toString(),
                    "--out",
                    out.toString(),
                    "--provider",
                    "openai",
                    "--base-url",
                    "http://127.0.0.1:" + server.port() + "/v1"));
            assertThat(run.exitValue())
                    .as(Files.readString(tmp.resolve("err.txt")))
                    .isZero();
        } finally {
            server.stop();
        }
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 300);
            SyntheticCorpus.threeVersions(store, SyntheticCorpus.published(2).minusMinutes(30));
        }
        Process render = dragoman(List.of("site", out.toString()));
        assertThat(render.exitValue())
                .as(Files.readString(tmp.resolve("err.txt")))
                .isZero();
        assertThat(Files.readString(tmp.resolve("out.txt"))).startsWith("Rendered 305 articles into ");
        Process digest = dragoman(List.of("digest", out.toString(), "--since", "2024-12-16"));
        assertThat(digest.exitValue())
                .as(Files.readString(tmp.resolve("err.txt")))
                .isZero();
        assertThat(Files.readString(tmp.resolve("out.txt")))
                .startsWith("Wrote the digest of ")
                .contains(out.resolve("digest.md").toString());
        site = out.resolve("site");
    }

    static Process dragoman(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                StandInRuns.jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().put("OPENAI_API_KEY", "sk-test-site-browser");
        builder.environment().put("XDG_CONFIG_HOME", tmp.toString());
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(args + " did not finish in 120 s");
        }
        return p;
    }

    @BeforeEach
    void startTheBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterEach
    void everyPageStayedOnThisMachineWithoutErrors() throws IOException {
        try {
            assertThat(browser.remoteRequests())
                    .as("requests that left the machine")
                    .isEmpty();
            assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        } finally {
            browser.close();
        }
    }

    private String url(String relative) {
        return site.resolve(relative).toUri().toString();
    }

    private List<String> headlines() {
        return browser.driver.findElements(By.cssSelector("#rows li.row a.headline")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void filter(String field, String value) throws InterruptedException {
        WebElement input = browser.driver.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
        browser.driver
                .findElement(By.cssSelector("#filters button[type=submit]"))
                .click();
        browser.waitFor("document.getElementById('count').textContent.includes('match')", 20_000);
    }

    @Test
    void theIndexListsTheNewestArticlesAndLoadsItsFirstPageInUnderASecond() throws IOException {
        browser.open(url("index.html"));

        assertThat(headlines()).hasSize(50).first().isEqualTo("Cooperation in focus as Lavrov speaks (No. 0)");
        assertThat(browser.driver.findElement(By.id("count")).getText())
                .isEqualTo("303 stories (305 articles), page 1 of 7");
        long loaded = ((Number) browser.script("const t = performance.getEntriesByType('navigation')[0];"
                        + " return t.loadEventEnd - t.startTime;"))
                .longValue();
        assertThat(loaded).as("first page load in ms").isLessThan(1000);
        browser.screenshot(Path.of("target", "site-index.png"));
        browser.open(url("page-7.html"));
        assertThat(headlines()).contains("Aleinik and Lavrov hold talks in Minsk");
    }

    @Test
    void aFilterByPersonFindsEveryArticleThatNamesHimUnderAnySpelling() throws InterruptedException {
        browser.open(url("index.html"));

        filter("person", "Aleinik");

        assertThat(headlines()).containsExactly("Aleinik and Lavrov hold talks in Minsk");
        filter("person", "Lawrow");
        assertThat(browser.driver.findElement(By.id("count")).getText()).endsWith("stories match");
        assertThat(headlines()).contains("Cooperation in focus as Lavrov speaks (No. 0)");
    }

    @Test
    void aSearchFindsAGermanWordOfTheOriginalAndAnEnglishWordOfTheTranslation() throws InterruptedException {
        browser.open(url("index.html"));

        filter("q", "Dreijahreszyklus");
        assertThat(headlines()).containsExactly("Aleinik and Lavrov hold talks in Minsk");

        filter("q", "dairy");
        assertThat(browser.driver.findElement(By.id("count")).getText()).isEqualTo("33 stories match");
        assertThat(headlines()).allMatch(h -> h.startsWith("Dairy products in focus"));
    }

    @Test
    void theSearchTermsTheSiteWasWrittenWithAreTheOnesLunrMakesInTheBrowser() throws InterruptedException {
        StringBuilder text = new StringBuilder(
                "Ärger über-all Straße ΟΔΥΣΣΕΥΣ İstanbul ﬁnance e\u0301 a\u00A0b"
                        + " \uD83D\uDE00\uD83D\uDE00ing ba\uD83D\uDE00ing yelling Yoyos “quoted” __proto__ constructor 1,000.5");
        try (RunStore store = RunStore.open(site.resolveSibling("dragoman.db"));
                Stream<StoredArticle> rows = store.articles().allById()) {
            rows.limit(40).forEach(row -> {
                row.cleaned().ifPresent(c -> text.append('\n').append(String.join("\n", c.paragraphs())));
                row.translation().ifPresent(t -> text.append('\n').append(String.join("\n", t.paragraphs())));
                row.summary().ifPresent(s -> text.append('\n').append(s.fields()));
            });
        }
        browser.open(url("index.html"));
        filter("q", "Minsk"); // the search loads Lunr

        Object lunr = browser.script(
                "var p = new lunr.Pipeline(); p.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);"
                        + " return p.run(lunr.tokenizer(arguments[0])).map(String).filter(function (t) { return t !== ''; });",
                text.toString());

        assertThat(SearchTerms.of(text.toString())).hasSizeGreaterThan(1000).isEqualTo(lunr);
    }

    @Test
    void theSeedsArticlePageShowsTheSummaryAndTheAlignedParagraphs() throws IOException {
        for (String seed : List.of(Cli.FIRST_SEED, Cli.SECOND_SEED)) {
            browser.open(url("article/" + seed + ".html"));

            List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.aligned tbody tr"));
            assertThat(rows).hasSizeGreaterThan(2);
            for (WebElement row : rows) {
                assertThat(row.findElement(By.cssSelector("td.src")).getText()).isNotBlank();
                assertThat(row.findElement(By.cssSelector("td.en")).getText()).isNotBlank();
            }
            assertThat(browser.driver
                            .findElement(By.cssSelector("#summary dd.people"))
                            .getText())
                    .contains("Sergei Lavrov");
        }
        browser.screenshot(Path.of("target", "site-article.png"));
    }

    @Test
    void aPersonPageListsTheArticlesThatNameHim() throws IOException {
        browser.open(url("people.html"));
        browser.driver.findElement(By.linkText("Sergei Aleinik")).click();

        assertThat(headlines()).containsExactly("Aleinik and Lavrov hold talks in Minsk");
        browser.open(url("people.html"));
        browser.driver.findElement(By.linkText("Sergei Lavrov")).click();
        assertThat(browser.driver.findElements(By.cssSelector(".variant")).stream()
                        .map(WebElement::getText))
                .contains("Sergei Lavrov", "Lavrov", "Sergej Lawrow");
        assertThat(headlines())
                .contains(
                        "Aleinik and Lavrov hold talks in Minsk",
                        "Belarus and Russia agree to coordinate their actions on the international stage");
        browser.screenshot(Path.of("target", "site-person.png"));
    }

    @Test
    void theDigestPageListsTheWeeksWithTheirStoriesAndLinksToTheirArticles() throws IOException {
        browser.open(url("index.html"));
        browser.driver.findElement(By.linkText("Digest")).click();

        List<WebElement> weeks = browser.driver.findElements(By.cssSelector("section.period h2"));
        assertThat(weeks).isNotEmpty();
        assertThat(weeks.get(0).getText()).isEqualTo("Week 2025-W01, 30 December 2024 – 5 January 2025");
        assertThat(weeks)
                .as("the digest from --since 2024-12-16, written by the jar")
                .hasSize(3);
        browser.driver
                .findElement(By.cssSelector("section.period ol.stories a[href^='article/']"))
                .click();
        assertThat(browser.driver.findElement(By.cssSelector("h1")).getText()).isNotBlank();
        browser.screenshot(Path.of("target", "site-digest.png"));
    }

    private List<String> rowIds() {
        return browser.driver.findElements(By.cssSelector("#rows li.row")).stream()
                .map(r -> r.getAttribute("data-id"))
                .toList();
    }

    @Test
    void aStoryInThreeVersionsIsOneRowAndASearchForAWordOnlyItsOldestHasFindsThatRow() throws InterruptedException {
        browser.open(url("index.html"));

        assertThat(rowIds()).contains("story-v0").doesNotContain("story-v1", "story-v2");
        WebElement story = browser.driver.findElement(By.cssSelector("#rows li.row[data-id='story-v0']"));
        assertThat(story.findElement(By.cssSelector("details.versions summary")).getText())
                .isEqualTo("3 versions");
        story.findElement(By.cssSelector("details.versions summary")).click();
        assertThat(story.findElements(By.cssSelector("details.versions li a")).stream()
                        .map(WebElement::getText))
                .containsExactly(
                        "Neue Brücke in Grodno eröffnet (Fassung 1)", "Neue Brücke in Grodno eröffnet (Fassung 2)");

        filter("q", SyntheticCorpus.OLDEST_ONLY);

        assertThat(browser.driver.findElement(By.id("count")).getText()).isEqualTo("1 story matches");
        assertThat(rowIds()).containsExactly("story-v0");
        assertThat(headlines()).containsExactly("Neue Brücke in Grodno eröffnet (Fassung 0)");
        WebElement found = browser.driver.findElement(By.cssSelector("#rows li.row"));
        assertThat(found.findElement(By.cssSelector("details.versions summary")).getText())
                .isEqualTo("3 versions");
        found.findElement(By.cssSelector("details.versions summary")).click();
        found.findElement(By.linkText("Neue Brücke in Grodno eröffnet (Fassung 2)"))
                .click();
        assertThat(browser.driver.getCurrentUrl()).endsWith("article/story-v2.html");

        browser.open(url("index.html"));
        new Select(browser.driver.findElement(By.name("source"))).selectByVisibleText("Minsk Times");
        browser.driver
                .findElement(By.cssSelector("#filters button[type=submit]"))
                .click();
        browser.waitFor("document.getElementById('count').textContent.includes('match')", 20_000);
        assertThat(rowIds()).as("only its middle version is from Minsk Times").contains("story-v0");
        assertThat(rowIds()).doesNotContain("story-v1");
    }
}
