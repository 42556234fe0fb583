package io.dragoman.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.dragoman.core.article.ArticleId;
import io.dragoman.core.article.ArticleMetadata;
import io.dragoman.core.article.CleanedArticle;
import io.dragoman.core.output.Digest.Name;
import io.dragoman.core.output.Digest.Overview;
import io.dragoman.core.output.Digest.Period;
import io.dragoman.core.output.Digest.Sentence;
import io.dragoman.core.output.Digest.Story;
import io.dragoman.core.output.Digest.Trend;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.summary.ArticleSummary;
import io.dragoman.core.summary.Summary;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestWriterTest {

    @TempDir
    Path tmp;

    private RunStore store;
    private int next;

    @BeforeEach
    void open() {
        store = RunStore.open(tmp.resolve("dragoman.db"));
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    /** Stores an article published on the day (Minsk time, noon) whose summary names these people, orgs and topics. */
    private String put(String day, List<String> people, List<String> organizations, List<String> topics) {
        int n = next++;
        OffsetDateTime published =
                day.isEmpty() ? null : LocalDate.parse(day).atTime(12, n % 60).atOffset(ZoneOffset.ofHours(3));
        CleanedArticle base = SyntheticCorpus.article(n);
        ArticleMetadata m = base.metadata();
        ArticleMetadata meta = new ArticleMetadata(
                published,
                null,
                m.dateline(),
                m.section(),
                m.agency(),
                m.source(),
                m.language(),
                null,
                m.location(),
                m.url(),
                List.of());
        ArticleId id = SyntheticCorpus.id(n);
        // each article its own text, so that none is taken for a version of another
        List<String> paragraphs = List.of("Text " + n + " " + "wort".repeat(n + 1) + " über " + people + ".");
        CleanedArticle article = new CleanedArticle(id, "Titel " + n, paragraphs, meta, List.of());
        store.articles().saveCleaned(id, "in/" + id.value() + ".txt", "h" + n, article);
        Summary synthetic = SyntheticCorpus.summary(n);
        store.articles()
                .saveSummary(
                        id,
                        new Summary(
                                id,
                                new ArticleSummary(
                                        "Headline " + n,
                                        "Summary of article " + n + ". More.",
                                        List.of(),
                                        people.stream()
                                                .map(p -> new ArticleSummary.Person(p, ""))
                                                .toList(),
                                        organizations.stream()
                                                .map(o -> new ArticleSummary.Organization(o, ""))
                                                .toList(),
                                        List.of(),
                                        List.of(),
                                        topics),
                                List.of(),
                                false,
                                true,
                                synthetic.provenance()));
        return id.value();
    }

    private DigestWriter.Result write(DigestOptions options) {
        return new DigestWriter(tmp).write(store, options, Optional.empty());
    }

    private static List<String> ids(Story s) {
        return s.articles().stream().map(Digest.Item::id).toList();
    }

    private static List<String> labels(List<Trend> trends) {
        return trends.stream()
                .map(t -> t.name().label() + " " + t.count() + " " + t.change())
                .toList();
    }

    @Test
    void articlesThatShareNamesAreOneStoryAndAnUnrelatedArticleStandsAlone() {
        String a = put("2024-11-25", List.of("Sergei Lavrov", "Vladimir Makei"), List.of("CSTO"), List.of("security"));
        String b = put("2024-11-26", List.of("Lavrov", "Vladimir Makei"), List.of(), List.of("security"));
        String c = put("2024-11-28", List.of("Sergei Lavrov"), List.of("CSTO"), List.of("security"));
        String d = put("2024-11-26", List.of("Roman Golovchenko"), List.of(), List.of("agriculture", "harvest"));
        String e = put("2024-11-27", List.of("Roman Golovchenko"), List.of(), List.of("agriculture", "harvest"));
        String f = put("2024-11-27", List.of("Yuri Ambrazevich"), List.of("United Nations"), List.of("diplomacy"));

        Digest digest = write(DigestOptions.WEEKLY).digest();

        assertThat(digest.periods()).hasSize(1);
        Period week = digest.periods().get(0);
        assertThat(week.key()).isEqualTo("2024-W48");
        assertThat(week.label()).isEqualTo("Week 2024-W48, 25 November – 1 December 2024");
        assertThat(week.articles()).isEqualTo(6);
        assertThat(week.stories())
                .extracting(DigestWriterTest::ids)
                .containsExactly(List.of(c, b, a), List.of(e, d), List.of(f));
        assertThat(week.stories().get(0).shared())
                .extracting(Name::label)
                .startsWith("Sergei Lavrov", "security")
                .contains("Vladimir Makei", "CSTO");
        assertThat(week.stories().get(2).shared()).isEmpty();
    }

    @Test
    void namesSharedByMostArticlesOfALargePeriodDoNotMakeOneStoryOfThem() {
        for (int i = 0; i < 5; i++) {
            put("2024-11-25", List.of("Alexander Lukashenko", "Sergei Lavrov"), List.of("CSTO"), List.of("Belarus"));
        }
        for (int i = 0; i < 5; i++) {
            put(
                    "2024-11-26",
                    List.of("Alexander Lukashenko", "Roman Golovchenko"),
                    List.of(),
                    List.of("Belarus", "harvest"));
        }

        Period week = write(DigestOptions.WEEKLY).digest().periods().get(0);

        assertThat(week.stories()).hasSize(2);
        assertThat(week.stories()).allSatisfy(s -> assertThat(s.articles()).hasSize(5));
    }

    @Test
    void theMostNamedAreComparedWithThePeriodBeforeAndNewNamesAreListed() {
        put("2024-11-20", List.of("Sergei Lavrov"), List.of("CSTO"), List.of("security"));
        put("2024-11-21", List.of("Sergei Lavrov", "Vladimir Makei"), List.of(), List.of("security"));
        put("2024-11-22", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        put("2024-11-26", List.of("Lavrov"), List.of("CSTO"), List.of("security"));
        put("2024-11-27", List.of("Vladimir Makei", "Yuri Ambrazevich"), List.of("United Nations"), List.of());
        put("2024-11-28", List.of("Vladimir Makei"), List.of("CSTO"), List.of());

        Digest digest = write(DigestOptions.WEEKLY).digest();

        assertThat(digest.periods()).extracting(Period::key).containsExactly("2024-W48", "2024-W47");
        Period now = digest.periods().get(0);
        assertThat(labels(now.people()))
                .containsExactly("Vladimir Makei 2 +1", "Sergei Lavrov 1 −2", "Yuri Ambrazevich 1 new");
        assertThat(labels(now.organizations())).containsExactly("CSTO 2 +1", "United Nations 1 new");
        assertThat(now.firstSeen()).extracting(Name::label).containsExactly("Yuri Ambrazevich", "United Nations");
        assertThat(now.earliest()).isFalse();
        assertThat(digest.periods().get(1).earliest()).isTrue();
    }

    @Test
    void daysSinceAndUntilChooseThePeriodsAndSayWhatWasLeftOut() throws IOException {
        put("2024-11-25", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        put("2024-11-26", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        put("2024-11-26", List.of("Vladimir Makei"), List.of(), List.of("trade"));
        put("2024-11-27", List.of("Vladimir Makei"), List.of(), List.of("trade"));
        put("", List.of("Vladimir Makei"), List.of(), List.of("trade"));

        Digest digest = write(new DigestOptions(
                        Optional.of(LocalDate.parse("2024-11-26")),
                        Optional.of(LocalDate.parse("2024-11-26")),
                        DigestOptions.Period.DAY))
                .digest();

        assertThat(digest.periods()).extracting(Period::key).containsExactly("2024-11-26");
        assertThat(digest.periods().get(0).articles()).isEqualTo(2);
        assertThat(digest.periods().get(0).label()).isEqualTo("Tuesday 26 November 2024");
        assertThat(digest.outside()).isEqualTo(2);
        assertThat(digest.undated()).isEqualTo(1);
        // the day before is still the period before
        assertThat(labels(digest.periods().get(0).people())).contains("Sergei Lavrov 1 ±0");
        String md = Files.readString(tmp.resolve("digest.md"));
        assertThat(md)
                .startsWith("# Digest, by day\n\n2 articles in 1 period, from 2024-11-26, until 2024-11-26."
                        + " 2 outside the range left out. 1 article without a date left out.\n")
                .contains("## Tuesday 26 November 2024\n")
                .contains("[Headline 1](md/syn-000001.md)")
                .contains("| Sergei Lavrov | 1 | 1 | ±0 |");
    }

    @Test
    void theSiteShowsTheDigestAskedForUntilAnotherIsAskedFor() throws IOException {
        put("2024-11-25", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        put("2024-11-27", List.of("Vladimir Makei"), List.of(), List.of("trade"));
        Path site = tmp.resolve("site");

        new SiteWriter(site).write(store);
        Document weekly = Jsoup.parse(site.resolve("digest.html").toFile(), "UTF-8");
        assertThat(weekly.select("section.period h2").eachText())
                .containsExactly("Week 2024-W48, 25 November – 1 December 2024");
        assertThat(Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").select("nav a[href=digest.html]"))
                .hasSize(1);

        write(new DigestOptions(Optional.empty(), Optional.empty(), DigestOptions.Period.DAY));
        put("2024-11-28", List.of("Vladimir Makei"), List.of(), List.of("trade"));
        new SiteWriter(site).write(store); // a later run's render keeps the digest by day

        Document daily = Jsoup.parse(site.resolve("digest.html").toFile(), "UTF-8");
        assertThat(daily.select("section.period h2").eachText())
                .containsExactly("Thursday 28 November 2024", "Wednesday 27 November 2024", "Monday 25 November 2024");
        assertThat(daily.select("section.period a[href^=article/]").eachAttr("href"))
                .contains("article/syn-000000.html", "article/syn-000002.html");
        assertThat(daily.select("section.period")
                        .get(1)
                        .select("table.trend td a")
                        .eachText())
                .contains("Vladimir Makei");
    }

    @Test
    void anOverviewIsKeptWhileItsPeriodHoldsTheSameArticles() throws IOException {
        String a = put("2024-11-25", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        String b = put("2024-11-26", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        List<List<String>> asked = new ArrayList<>();
        DigestWriter.Overviews model = (period, summaries) -> {
            asked.add(summaries.stream().map(DigestWriter.Summarized::id).toList());
            return Optional.of(new Overview(
                    List.of(new Sentence("Lavrov spoke <b>twice</b>.", List.of(b, a))), "openai test-model", 1));
        };

        new DigestWriter(tmp).write(store, DigestOptions.WEEKLY, Optional.of(model));

        assertThat(asked).containsExactly(List.of(b, a));
        String md = Files.readString(tmp.resolve("digest.md"));
        assertThat(md)
                .contains(
                        "Lavrov spoke &lt;b&gt;twice&lt;/b&gt;. ([syn-000001](md/syn-000001.md), [syn-000000](md/syn-000000.md))")
                .contains(
                        "*Written by openai test-model from the summaries; 1 sentences without a valid citation left out.*");
        Document page = Jsoup.parse(tmp.resolve("site/digest.html").toFile(), "UTF-8");
        assertThat(page.select(".overview p").first().text()).startsWith("Lavrov spoke <b>twice</b>.");
        assertThat(page.select(".overview .cites a").eachAttr("href"))
                .containsExactly("article/" + b + ".html", "article/" + a + ".html");

        put("2024-11-27", List.of("Sergei Lavrov"), List.of(), List.of("security"));
        new SiteWriter(tmp.resolve("site")).write(store);

        assertThat(Jsoup.parse(tmp.resolve("site/digest.html").toFile(), "UTF-8")
                        .select(".overview"))
                .as("the period has an article the overview was not written from")
                .isEmpty();
    }
}
