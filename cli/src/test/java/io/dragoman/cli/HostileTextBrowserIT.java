package io.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.HostileArticle;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * A site rendered by the packaged jar from a store holding an article full of script tags, attribute breakers,
 * {@code javascript:} links, bidi overrides and a huge word, opened in headless Chromium: nothing runs (no alert, no
 * CSP violation in the console), every text shows as written, and no page gets wider than the window. Skipped with one
 * line when Chromium is missing.
 */
class HostileTextBrowserIT {

    @TempDir
    static Path tmp;

    private static Path site;
    private Browser browser;

    @BeforeAll
    static void renderTheSiteWithTheJar() throws Exception {
        Path out = tmp.resolve("out");
        try (RunStore store = RunStore.open(out.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 3);
            HostileArticle.store(store);
        }
        Process render = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        StandInRuns.jar().toString(),
                        "site",
                        out.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue())
                .as(Files.readString(tmp.resolve("err.txt")))
                .isZero();
        site = out.resolve("site");
    }

    @BeforeEach
    void startTheBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void nothingRanAndNothingLeftTheMachine() throws Exception {
        try {
            assertThatThrownBy(() -> browser.driver.switchTo().alert())
                    .as("an alert")
                    .isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.remoteRequests())
                    .as("requests that left the machine")
                    .isEmpty();
            assertThat(browser.consoleErrors())
                    .as("console errors (a blocked inline script shows here)")
                    .isEmpty();
        } finally {
            browser.close();
        }
    }

    private void open(String relative) {
        browser.open(site.resolve(relative).toUri().toString());
    }

    private void fitsTheWindow() {
        Number overflow = (Number)
                browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("pixels wider than the window").isLessThanOrEqualTo(0);
    }

    private long injected() {
        return ((Number) browser.script("return document.querySelectorAll('img, iframe, svg:not(figure.chart svg),"
                        + " b, u, i, script:not([src]), [onerror], [onclick], [onmouseover], [onload]').length;"))
                .longValue();
    }

    @Test
    void theArticlePageShowsEveryHostileTextAsWrittenAndRunsNoneOfIt() {
        open("article/hostile-1.html");

        assertThat(browser.driver.getTitle()).isEqualTo(HostileArticle.HEADLINE + " · Dragoman");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(HostileArticle.HEADLINE);
        @SuppressWarnings("unchecked")
        List<String> source = (List<String>)
                browser.script("return [...document.querySelectorAll('td.src')].map(e => e.textContent);");
        assertThat(source).containsExactlyElementsOf(HostileArticle.PARAGRAPHS);
        @SuppressWarnings("unchecked")
        List<String> english = (List<String>)
                browser.script("return [...document.querySelectorAll('td.en')].map(e => e.textContent);");
        assertThat(english).containsExactlyElementsOf(HostileArticle.ENGLISH);
        assertThat(browser.driver.findElement(By.cssSelector("#summary q")).getText())
                .isEqualTo(HostileArticle.QUOTE);
        assertThat(browser.driver.findElements(By.cssSelector("a.origin"))).isEmpty();
        assertThat(injected()).as("elements made from the text").isZero();
        fitsTheWindow();
    }

    @Test
    void theIndexAndASearchBuiltInThePageShowTheHostileHeadlineAsText() throws InterruptedException {
        open("index.html");
        assertThat(injected()).isZero();
        fitsTheWindow();

        WebElement q = browser.driver.findElement(By.name("q"));
        q.sendKeys("customs");
        browser.driver
                .findElement(By.cssSelector("#filters button[type=submit]"))
                .click();
        browser.waitFor("document.getElementById('count').textContent.includes('match')", 20_000);

        List<WebElement> found = browser.driver.findElements(By.cssSelector("#rows li.row a.headline"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getText()).isEqualTo(HostileArticle.HEADLINE);
        assertThat(found.get(0).getAttribute("href")).endsWith("article/hostile-1.html");
        assertThat(injected()).as("elements made from the search result").isZero();
    }

    @Test
    void theEntityPagesOfHostileNamesShowThemAsText() {
        open("people.html");
        browser.driver.findElement(By.partialLinkText("Ivan")).click();

        assertThat(browser.driver.findElement(By.tagName("h1")).getAttribute("textContent"))
                .isEqualTo(HostileArticle.PERSON);
        assertThat(injected()).isZero();
        for (String list : List.of("places.html", "topics.html", "organizations.html")) {
            open(list);
            assertThat(injected()).as(list).isZero();
            fitsTheWindow();
        }
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains(HostileArticle.ORGANIZATION);
    }
}
