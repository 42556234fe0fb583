package io.dragoman.core.testing;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.llm.Provenance;
import io.dragoman.core.llm.ProviderKind;
import io.dragoman.core.llm.Usage;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.Translation;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An article whose page and model reply are full of what breaks a site: script tags, attribute breakers, {@code
 * </title>}, {@code javascript:} links, bidi overrides, zero-width characters, a huge word and spreadsheet formulas.
 * Stored finished (cleaned, translated, summarised), for the tests that check nothing of it runs and all of it shows
 * as text.
 */
public final class HostileArticle {

    public static final ArticleId ID = new ArticleId("hostile-1");
    /** A word of 3,000 letters, with no place to break it. */
    public static final String HUGE = "Donaudampfschifffahrt".repeat(143);

    public static final String TITLE = "</title><script>alert('title')</script>\"><img src=x onerror=alert(1)> Titel";
    public static final String SOURCE = "<i>Quelle</i>\" onclick=\"alert('source')";
    public static final String SECTION = "'><script>alert('section')</script>";
    public static final String URL = "javascript:alert('url')";
    public static final List<String> PARAGRAPHS = List.of(
            "<script>alert(\"p1\")</script> Der Minister sprach in Minsk über die Zollunion.",
            "Die Datei \u202Egnp.exe\u202C kam per Post; Null\u200Bbreite\u200D Zeichen und \u200Frechts\u200E.",
            "Ein sehr langes Wort: " + HUGE + " Ende.",
            "<a href=\"javascript:alert('link')\">Klick</a> und <iframe src=\"https://example.org/\"></iframe>");
    public static final List<String> ENGLISH = List.of(
            "<script>alert(\"e1\")</script> The minister spoke in Minsk about the customs union.",
            "The file \u202Egnp.exe\u202C came by post; zero\u200Bwidth characters and \u200Fright\u200E.",
            "A very long word: " + HUGE + " end.",
            "<a href=\"javascript:alert('link')\">Click</a> and <iframe src=\"https://example.org/\"></iframe>");
    public static final String HEADLINE =
            "\"><img src=x onerror=alert('headline')> <b>Customs</b> union & <u>talks</u>";
    public static final String SUMMARY = "<script>alert('summary')</script>Talks on the customs union. They went on.";
    public static final String PERSON = "<script>alert('person')</script>Ivan \u202EPetrov";
    public static final String ROLE = "\" onmouseover=\"alert('role')";
    public static final String ORGANIZATION = "=cmd|' /C calc'!A0";
    public static final String ABBREVIATION = "@SUM(1+1)";
    public static final String PLACE = "javascript:alert('place')";
    public static final String TOPIC = "</script><script>alert('topic')</script>customs";
    public static final String QUOTE = "'\"><svg onload=alert('quote')>We agree";

    private HostileArticle() {}

    /** Stores the article, finished. */
    public static void store(RunStore store) {
        ArticleMetadata meta = new ArticleMetadata(
                OffsetDateTime.of(2025, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHours(3)),
                null,
                null,
                SECTION,
                SOURCE,
                SOURCE,
                "de",
                null,
                "hostile/1.html",
                URL,
                List.of());
        store.articles()
                .saveCleaned(
                        ID,
                        "hostile/1.html",
                        "hash-hostile",
                        new CleanedArticle(ID, TITLE, PARAGRAPHS, meta, List.of()));
        Provenance provenance = new Provenance(
                ProviderKind.OPENAI,
                "synthetic",
                Map.of("translate", "v1"),
                new Usage(300, 320),
                Optional.of(new BigDecimal("0.0004")),
                1);
        store.articles()
                .saveTranslation(
                        ID,
                        new Translation(
                                ID,
                                TITLE,
                                "",
                                ENGLISH,
                                List.of(new CheckResult(
                                        "numbers",
                                        CheckResult.Status.WARNING,
                                        List.of("<script>alert('check')</script>"))),
                                1,
                                provenance));
        store.articles()
                .saveSummary(
                        ID,
                        new Summary(
                                ID,
                                new ArticleSummary(
                                        HEADLINE,
                                        SUMMARY,
                                        List.of("<img src=x onerror=alert('point')>point", HUGE),
                                        List.of(new ArticleSummary.Person(PERSON, ROLE)),
                                        List.of(new ArticleSummary.Organization(ORGANIZATION, ABBREVIATION)),
                                        List.of(PLACE),
                                        List.of(new ArticleSummary.Quote(PERSON, QUOTE)),
                                        List.of(TOPIC)),
                                List.of("<script>alert('warning')</script>"),
                                false,
                                true,
                                new Provenance(
                                        ProviderKind.OPENAI,
                                        "synthetic",
                                        Map.of(Summary.TASK, "v1"),
                                        new Usage(400, 150),
                                        Optional.of(new BigDecimal("0.0003")),
                                        1)));
    }
}
